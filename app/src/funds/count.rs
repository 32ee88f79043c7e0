//! Counting each enterprise grid's heads on the policy's day (核定): from then on the year's
//! funds stay as counted. Every server tries hourly and the ledger on reading; the unique key
//! keeps the first count, so several servers agree.
use super::entity as fund_count;
use crate::db::{enterprise, grid};
use crate::domain::funds::{FundBasis, FundRule};
use crate::domain::grid::GridKind;
use crate::error::AppError;
use crate::state::Clock;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QuerySelect,
};
use std::collections::HashMap;
use std::time::Duration;
use time::Date;

/// How often each server counts.
const COUNT_EVERY: Duration = Duration::from_secs(3600);

/// Each grid's heads for `year`'s funds, and the day they were counted: before the policy's
/// day, today's (and no day); from it on, as counted then, counting those not yet counted now.
pub async fn heads(
    db: &impl ConnectionTrait,
    grids: &[i32],
    rule: FundRule,
    year: i32,
    today: Date,
) -> Result<(HashMap<i32, i64>, Option<Date>), AppError> {
    if !rule.counted_by(year, today) {
        return Ok((now(db, grids, rule.basis).await?, None));
    }
    let mut kept = counted(db, grids, rule.basis, year).await?;
    let missing: Vec<i32> = (grids.iter().copied())
        .filter(|g| !kept.contains_key(g))
        .collect();
    if !missing.is_empty() {
        keep(db, &missing, rule.basis, year, today).await?;
        kept = counted(db, grids, rule.basis, year).await?;
    }
    let day = kept.values().map(|(_, on)| *on).max();
    Ok((kept.into_iter().map(|(g, (n, _))| (g, n)).collect(), day))
}

/// Counts the open enterprise grids not yet counted for this year once its day has come;
/// how many it counted.
pub async fn count_due(
    db: &impl ConnectionTrait,
    rule: FundRule,
    today: Date,
) -> Result<usize, AppError> {
    let year = today.year();
    if !rule.counted_by(year, today) {
        return Ok(0);
    }
    let grids: Vec<i32> = grid::Entity::find()
        .select_only()
        .column(grid::Column::Id)
        .filter(grid::Column::Kind.eq(GridKind::Enterprise.code()))
        .filter(grid::Column::Closed.eq(false))
        .into_tuple()
        .all(db)
        .await?;
    let kept = counted(db, &grids, rule.basis, year).await?;
    let missing: Vec<i32> = grids
        .into_iter()
        .filter(|g| !kept.contains_key(g))
        .collect();
    keep(db, &missing, rule.basis, year, today).await?;
    Ok(missing.len())
}

/// Counts now and then every hour, for as long as the server runs.
pub async fn count_hourly(db: DatabaseConnection, clock: Clock) {
    let mut ticks = tokio::time::interval(COUNT_EVERY);
    loop {
        ticks.tick().await;
        let Some(today) = crate::domain::period::shanghai_date(clock.now_ms()) else {
            continue;
        };
        let counted = match crate::assessment::ssr::current_scheme(&db).await {
            Ok(scheme) => count_due(&db, scheme.funds, today).await,
            Err(e) => Err(e),
        };
        match counted {
            Ok(0) => {}
            Ok(grids) => tracing::info!(grids, "grids' heads counted for the year's funds"),
            Err(error) => tracing::warn!(%error, "counting the grids' heads failed"),
        }
    }
}

/// The kept counts of `grids` for `year`, with their day.
async fn counted(
    db: &impl ConnectionTrait,
    grids: &[i32],
    basis: FundBasis,
    year: i32,
) -> Result<HashMap<i32, (i64, Date)>, AppError> {
    let rows: Vec<(i32, i32, Date)> = fund_count::Entity::find()
        .select_only()
        .columns([
            fund_count::Column::GridId,
            fund_count::Column::Heads,
            fund_count::Column::CountedOn,
        ])
        .filter(fund_count::Column::Year.eq(year))
        .filter(fund_count::Column::Basis.eq(basis.code()))
        .filter(fund_count::Column::GridId.is_in(grids.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(g, n, on)| (g, (i64::from(n), on)))
        .collect())
}

/// Keeps today's count of `grids`, unless another server kept one first.
async fn keep(
    db: &impl ConnectionTrait,
    grids: &[i32],
    basis: FundBasis,
    year: i32,
    today: Date,
) -> Result<(), AppError> {
    let now = now(db, grids, basis).await?;
    for chunk in grids.chunks(500) {
        let rows = chunk.iter().map(|g| fund_count::ActiveModel {
            year: Set(year),
            grid_id: Set(*g),
            basis: Set(basis.code().to_owned()),
            heads: Set(i32::try_from(now.get(g).copied().unwrap_or(0)).unwrap_or(i32::MAX)),
            counted_on: Set(today),
            ..Default::default()
        });
        fund_count::Entity::insert_many(rows)
            .on_conflict(
                OnConflict::columns([
                    fund_count::Column::Year,
                    fund_count::Column::GridId,
                    fund_count::Column::Basis,
                ])
                .do_nothing()
                .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Each grid's members, or its open enterprises, today.
async fn now(
    db: &impl ConnectionTrait,
    grids: &[i32],
    basis: FundBasis,
) -> Result<HashMap<i32, i64>, AppError> {
    let mut heads: HashMap<i32, i64> = HashMap::new();
    match basis {
        FundBasis::Members => {
            let members = crate::assessment::figures::members_of(db, grids).await?;
            for g in members.into_values().flatten() {
                *heads.entry(g).or_default() += 1;
            }
        }
        FundBasis::SurveyObjects => {
            let open: Vec<i32> = enterprise::Entity::find()
                .select_only()
                .column(enterprise::Column::GridId)
                .filter(enterprise::Column::GridId.is_in(grids.iter().copied()))
                .filter(enterprise::Column::Closed.eq(false))
                .into_tuple()
                .all(db)
                .await?;
            for g in open {
                *heads.entry(g).or_default() += 1;
            }
        }
    }
    Ok(heads)
}
