//! A finished 联点评价 over the demo's fictional province (99), written through the functions
//! the pages and phones call: the bureau plans it and assigns itself to inspect six townships,
//! whose sheets it scores and syncs as a phone does, takes their totals, and so can open the
//! notice at once; 东湖镇's inspection is left to do, its self-assessment begun by 陈晓岚.
//! 西岭街道's leader 郑雅 has the items its inspection marked down back, and has closed one.
use super::assessment::viewer;
use app::auth::ssr::Viewer;
use app::domain::draft::KIND_SCORE_SHEET;
use app::domain::evaluation::{Linker, Mark, ScoreSheetDraft, SheetRole, Template};
use app::domain::period::format_date;
use app::error::AppError;
use app::evaluation::api::{AssignmentEntry, CampaignDraft, TotalEntry};
use app::evaluation::rectification::api::ClosingEntry;
use app::evaluation::rectification::ssr as rectification;
use app::evaluation::ssr;
use app::kinds::score_sheets::api::Assigned;
use app::kinds::score_sheets::mine::mine;
use app::sync::api::RecordEnvelope;
use sea_orm::DatabaseConnection;

const BUREAU: &str = "13800000001";
const DONGHU_LEADER: &str = "13800000002";
const XILING_LEADER: &str = "13800000003";
/// 云江市西岭街道: its rectification is under way.
const XILING_STREET: &str = "990181001";
/// 云江市东湖镇: its inspection is the newcomer's to do.
const DONGHU_TOWN: &str = "990181100";
/// The points each inspected township lost, in tenths, in division order.
const LOST: [u32; 6] = [30, 55, 85, 120, 160, 230];
const NOTES: [&str; 3] = ["台账资料不完整", "分析报告数量不足", "制度未上墙"];

/// Marks for every item of `template`, `lost` tenths taken off items in turn, at most half of
/// each, with a note where points were lost.
pub(super) fn marks(template: &Template, mut lost: u32) -> Vec<Mark> {
    (template.items().enumerate())
        .map(|(n, item)| {
            let off = lost.min(item.points / 2);
            lost -= off;
            Mark {
                item: item.id.clone(),
                points: item.points - off,
                note: if off > 0 {
                    NOTES[n % NOTES.len()].to_owned()
                } else {
                    String::new()
                },
                done: true,
                photos: Vec::new(),
            }
        })
        .collect()
}

/// Stores `sheets` as the score-sheet kind does a phone's push.
pub(super) async fn push(
    db: &DatabaseConnection,
    viewer: &Viewer,
    sheets: Vec<(Assigned, Vec<Mark>)>,
) -> Result<(), AppError> {
    let today = format_date(viewer.today()?);
    let records = (sheets.into_iter())
        .map(|(sheet, marks)| {
            let draft = ScoreSheetDraft {
                campaign_id: sheet.campaign_id,
                unit_id: sheet.unit_id,
                role: sheet.role,
                scored_on: today.clone(),
                marks,
            };
            Ok(RecordEnvelope {
                id: sheet.id(),
                kind: KIND_SCORE_SHEET.to_owned(),
                version: 1,
                device_time_ms: viewer.now_ms,
                payload: serde_json::to_value(draft).map_err(|_| AppError::internal())?,
                withdrawn: false,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let kind = (app::kinds::ALL.iter())
        .find(|k| k.kind() == KIND_SCORE_SHEET)
        .ok_or_else(AppError::internal)?;
    kind.push(db, viewer, records).await?;
    Ok(())
}

pub async fn finished(db: &DatabaseConnection, now_ms: i64) -> Result<(), AppError> {
    let bureau = viewer(db, BUREAU, now_ms).await?;
    let leader = viewer(db, DONGHU_LEADER, now_ms).await?;
    let year = bureau.today()?.year();
    let draft = CampaignDraft {
        name: format!("{year}年乡镇统计规范化建设联点评价（示例）"),
        year,
        kind: app::domain::evaluation::CampaignKind::Hunan,
        root: "990000".to_owned(),
    };
    let id = ssr::create(db, &bureau, draft).await?;
    let view = ssr::view(db, &bureau, id)
        .await?
        .ok_or_else(AppError::internal)?;
    for (n, unit) in view.units.iter().enumerate() {
        let (phone, role) = if unit.code == DONGHU_TOWN {
            (DONGHU_LEADER, SheetRole::SelfAssessment)
        } else {
            (BUREAU, SheetRole::Inspection)
        };
        // 周明远 links the first two townships as a bureau leader (000 §一(一): 2 each).
        let linker = (n < 2 && role == SheetRole::Inspection).then_some(Linker::BureauLeader);
        let entry = AssignmentEntry {
            code: unit.code.clone(),
            phone: phone.to_owned(),
            role,
            linker,
        };
        ssr::assign::assign(db, &bureau, id, entry).await?;
    }
    let inspected: Vec<(Assigned, Vec<Mark>)> = (mine(db, &bureau).await?.into_iter())
        .filter(|s| s.campaign_id == id)
        .zip(LOST)
        .map(|(sheet, lost)| {
            let marks = marks(&sheet.template, lost);
            (sheet, marks)
        })
        .collect();
    push(db, &bureau, inspected).await?;
    // 东湖镇 has begun its self-assessment: the first aspect.
    let own: Vec<(Assigned, Vec<Mark>)> = (mine(db, &leader).await?.into_iter())
        .filter(|s| s.campaign_id == id)
        .map(|sheet| {
            let first = sheet.template.aspects.first().map_or(0, |a| a.items.len());
            let mut marks = marks(&sheet.template, 10);
            marks.truncate(first);
            (sheet, marks)
        })
        .collect();
    push(db, &leader, own).await?;
    let view = ssr::view(db, &bureau, id)
        .await?
        .ok_or_else(AppError::internal)?;
    let totals = (view.units.into_iter())
        .filter_map(|u| {
            Some(TotalEntry {
                total: u.inspected?,
                code: u.code,
            })
        })
        .collect();
    ssr::results::save(db, &bureau, id, totals).await?;
    rectifying(db, &bureau, id, now_ms).await
}

/// 西岭街道's own leader is given its self-assessment, and so its tasks, and closes the first.
async fn rectifying(
    db: &DatabaseConnection,
    bureau: &Viewer,
    id: i32,
    now_ms: i64,
) -> Result<(), AppError> {
    let entry = AssignmentEntry {
        code: XILING_STREET.to_owned(),
        phone: XILING_LEADER.to_owned(),
        role: SheetRole::SelfAssessment,
        linker: None,
    };
    ssr::assign::assign(db, bureau, id, entry).await?;
    let leader = viewer(db, XILING_LEADER, now_ms).await?;
    let tasks = rectification::mine(db, &leader).await?;
    let first = (tasks.iter())
        .find(|u| u.campaign_id == id)
        .and_then(|u| u.tasks.first())
        .ok_or_else(AppError::internal)?;
    let closing = ClosingEntry {
        campaign_id: id,
        code: XILING_STREET.to_owned(),
        item: first.item.clone(),
        note: "已补齐近三年统计台账，按年度装订成册".to_owned(),
        photos: Vec::new(),
    };
    rectification::close(db, &leader, closing).await
}
