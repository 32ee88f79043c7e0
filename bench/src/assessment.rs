//! The December assessment's sheets pre-filled from a year of records, for a whole city: every
//! township's members with their figures, as the assessment page computes them.
use crate::dataset::{self, YEAR};
use crate::db::{Backend, Res, fresh, start};
use crate::report::{Goal, figure};
use app::assessment::figures::subjects;
use app::auth::grids::GridCache;
use app::auth::ssr::Viewer;
use app::db::person;
use app::domain::assessment::Scheme;
use sea_orm::EntityTrait;
use std::time::Instant;

/// A city of `townships` townships holding `members` enterprise grids of one member each and
/// 20 enterprises, with `visits` visits over the year, on PostgreSQL.
pub async fn city(townships: i64, members: i64, visits: i64) -> Res<()> {
    let db = start(fresh(Backend::Postgres, "assessment").await?, false)
        .await?
        .db;
    dataset::province(&db, townships, members * 20, visits).await?;
    dataset::members_of_grids(&db).await?;
    let leader = person::Entity::find_by_id(1)
        .one(&db)
        .await?
        .ok_or("no leader")?;
    // The last day of the dataset's year, at noon in Beijing.
    let now_ms = time::Date::from_calendar_date(YEAR, time::Month::December, 31)?
        .midnight()
        .assume_utc()
        .unix_timestamp()
        * 1000
        + 4 * 3_600_000;
    let viewer = Viewer::load(&db, &GridCache::default(), leader, now_ms).await?;
    let today = viewer.today()?;
    let scheme = Scheme::yuhuan();
    let started = Instant::now();
    let mut sheets = 0;
    let mut visits_counted: u64 = 0;
    for unit in 2..townships + 2 {
        let found = subjects(&db, &viewer, unit as i32, &scheme, YEAR, today).await?;
        sheets += found.len();
        visits_counted += found
            .iter()
            .map(|s| u64::from(s.figures[0].count))
            .sum::<u64>();
    }
    let took = started.elapsed().as_secs_f64();
    figure(
        &format!("assessment sheets pre-filled, {members} members, {visits} visits (PostgreSQL)"),
        took,
        "s",
        Goal::AtMost(1.0),
    );
    figure("  (sheets filled)", sheets as f64, "", Goal::Info);
    figure("  (visits counted)", visits_counted as f64, "", Goal::Info);
    Ok(())
}
