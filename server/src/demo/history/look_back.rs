//! A “回头看” under way over 云州市 (002): the sample drawn, 青山县's inspector 马骏 has scored
//! 青山镇 and has 白石乡 still to score, and 云州市's inspector 罗青 spot-checked 青山镇 on a sheet
//! of her own, which decides its total and tasks; 白石乡's spot check is hers to do.
use super::assessment::viewer;
use super::evaluation::{marks, push};
use app::domain::evaluation::{CampaignKind, Mark, SheetRole};
use app::error::AppError;
use app::evaluation::api::{AssignmentEntry, CampaignDraft};
use app::evaluation::ssr;
use app::kinds::score_sheets::api::Assigned;
use app::kinds::score_sheets::mine::mine;
use sea_orm::DatabaseConnection;

const BUREAU: &str = "13800000001";
const COUNTY_INSPECTOR: &str = "13800000015";
const CITY_INSPECTOR: &str = "13800000016";
/// 云州市: the city whose counties look back.
const CITY: &str = "990100";
/// 青山县青山镇, inspected by its county and spot-checked by the city.
const QINGSHAN_TOWN: &str = "990121100";
/// 青山县白石乡: both its inspections are still to do.
const BAISHI_TOWNSHIP: &str = "990121101";

pub async fn under_way(db: &DatabaseConnection, now_ms: i64) -> Result<(), AppError> {
    let bureau = viewer(db, BUREAU, now_ms).await?;
    let year = bureau.today()?.year();
    let draft = CampaignDraft {
        name: format!("{year}年云州市乡镇统计规范化建设“回头看”（示例）"),
        year,
        kind: CampaignKind::Jinzhong,
        root: CITY.to_owned(),
    };
    let id = ssr::create(db, &bureau, draft).await?;
    // 云州市 has fewer units than 002's sample asks for: the draw takes them all, whatever
    // the seed, so the demo stays the same every time.
    ssr::draw(db, &bureau, id).await?;
    let assignments = [
        (QINGSHAN_TOWN, COUNTY_INSPECTOR, SheetRole::Inspection),
        (BAISHI_TOWNSHIP, COUNTY_INSPECTOR, SheetRole::Inspection),
        (QINGSHAN_TOWN, CITY_INSPECTOR, SheetRole::CityInspection),
        (BAISHI_TOWNSHIP, CITY_INSPECTOR, SheetRole::CityInspection),
    ];
    for (code, phone, role) in assignments {
        let entry = AssignmentEntry {
            code: code.to_owned(),
            phone: phone.to_owned(),
            role,
            linker: None,
        };
        ssr::assign::assign(db, &bureau, id, entry).await?;
    }
    // Each inspector has scored 青山镇, the city finding more to mark down than the county.
    for (phone, lost) in [(COUNTY_INSPECTOR, 40), (CITY_INSPECTOR, 95)] {
        let inspector = viewer(db, phone, now_ms).await?;
        let scored: Vec<(Assigned, Vec<Mark>)> = (mine(db, &inspector).await?.into_iter())
            .filter(|s| s.campaign_id == id && s.unit.ends_with("青山镇"))
            .map(|sheet| {
                let marks = marks(&sheet.template, lost);
                (sheet, marks)
            })
            .collect();
        push(db, &inspector, scored).await?;
    }
    Ok(())
}
