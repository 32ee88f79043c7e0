//! A province's standardization evaluation: 1,300 townships' totals kept and graded, then the
//! results notice composed and written as XLSX and Word, as the bureau's pages and downloads
//! do it.
use crate::db::{Backend, Res, fresh, start};
use crate::report::{Goal, figure};
use app::auth::grids::GridCache;
use app::auth::ssr::Viewer;
use app::db::person;
use app::divisions::entity as division;
use app::evaluation::api::{CampaignDraft, TotalEntry};
use app::evaluation::export::{to_docx, to_xlsx};
use app::evaluation::ssr::{create, results};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use std::time::Instant;

/// A fictional province (98) of `cities` cities of ten counties of ten townships.
fn divisions(cities: u32) -> Vec<division::ActiveModel> {
    let row = |code: String, name: String| division::ActiveModel {
        code: Set(code),
        name: Set(name),
        short: Set(None),
    };
    let mut rows = vec![row("980000".into(), "测试省".into())];
    for city in 1..=cities {
        rows.push(row(format!("98{city:02}00"), format!("第{city}市")));
        for county in 1..=10 {
            rows.push(row(
                format!("98{city:02}{county:02}"),
                format!("第{county}县"),
            ));
            for town in 0..10 {
                let code = format!("98{city:02}{county:02}1{town:02}");
                rows.push(row(code, format!("第{town}镇")));
            }
        }
    }
    rows
}

pub async fn province(backend: Backend, cities: u32) -> Res<()> {
    let db = start(fresh(backend, "evaluation").await?, true).await?.db;
    for chunk in divisions(cities).chunks(500) {
        division::Entity::insert_many(chunk.to_vec())
            .exec(&db)
            .await?;
    }
    let bureau = person::Entity::find()
        .filter(person::Column::Phone.eq("13800000001"))
        .one(&db)
        .await?
        .ok_or("no city bureau in the demo")?;
    // 1 July 2026, noon in Beijing: the campaign's year.
    let viewer = Viewer::load(&db, &GridCache::default(), bureau, 1_782_878_400_000).await?;
    let draft = CampaignDraft {
        name: "省级联点评价".into(),
        year: 2026,
        kind: app::domain::evaluation::CampaignKind::Hunan,
        root: "980000".into(),
    };
    let id = create(&db, &viewer, draft).await?;
    let totals: Vec<TotalEntry> = (1..=cities)
        .flat_map(|city| (1..=10).flat_map(move |county| (0..10).map(move |t| (city, county, t))))
        .enumerate()
        .map(|(n, (city, county, town))| TotalEntry {
            code: format!("98{city:02}{county:02}1{town:02}"),
            total: format!("{}.{}", 70 + n % 30, n % 10),
        })
        .collect();
    let units = totals.len();

    let started = Instant::now();
    let view = results::save(&db, &viewer, id, totals).await?;
    let saved = started.elapsed().as_secs_f64();
    let graded = view.units.iter().filter(|u| u.grade.is_some()).count();

    let started = Instant::now();
    let kept = results::results(&db, &viewer, id)
        .await?
        .ok_or("no campaign")?;
    let notice = kept.notice();
    let xlsx = to_xlsx(&kept)?;
    let docx = to_docx(&kept, "2026年7月1日")?;
    let published = started.elapsed().as_secs_f64();

    let db_name = backend.name();
    figure(
        &format!("{units} townships' totals saved and graded ({db_name})"),
        saved,
        "s",
        Goal::AtMost(0.5),
    );
    figure(
        &format!("notice, XLSX and Word of {units} townships ({db_name})"),
        published,
        "s",
        Goal::AtMost(0.5),
    );
    figure("  (units graded)", graded as f64, "", Goal::Info);
    let listed: usize = (notice.sections.iter())
        .flat_map(|s| &s.cities)
        .map(|c| c.units.len())
        .sum();
    figure("  (units in the notice)", listed as f64, "", Goal::Info);
    figure(
        "  (XLSX + Word, KiB)",
        (xlsx.len() + docx.len()) as f64 / 1024.0,
        "KiB",
        Goal::Info,
    );
    Ok(())
}
