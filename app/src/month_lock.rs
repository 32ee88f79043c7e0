//! The month lock every grid record obeys: once the township approves a grid's monthly report,
//! no record of that grid dated in that month may enter, change or be withdrawn until it is
//! unlocked. It sits below the sync engine and the record kinds, which all read it.
use crate::db::monthly_report;
use crate::domain::period::Month;
use crate::domain::report::ReviewStatus;
use crate::error::ServerError;
use crate::sync::api::Problem;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::HashSet;
use time::Date;

/// The (grid, month) pairs among `grids` whose report is approved: their records are locked.
pub async fn locked_months(
    db: &impl ConnectionTrait,
    grids: impl IntoIterator<Item = i32>,
) -> Result<HashSet<(i32, Month)>, ServerError> {
    let grids: Vec<i32> = grids.into_iter().collect();
    if grids.is_empty() {
        return Ok(HashSet::new());
    }
    let rows: Vec<(i32, String)> = monthly_report::Entity::find()
        .select_only()
        .column(monthly_report::Column::GridId)
        .column(monthly_report::Column::Month)
        .filter(monthly_report::Column::GridId.is_in(grids))
        .filter(monthly_report::Column::Status.eq(ReviewStatus::Approved.code()))
        .into_tuple()
        .all(db)
        .await
        .map_err(ServerError::db("reading the locked months"))?;
    Ok(rows
        .into_iter()
        .filter_map(|(grid, month)| Some((grid, Month::parse(&month).ok()?)))
        .collect())
}

/// Why a record of `grid` dated `day` may not change, if its month is locked; `field` names
/// the record's date field.
pub async fn refusal(
    db: &impl ConnectionTrait,
    grid: i32,
    day: Date,
    field: &str,
) -> Result<Option<Vec<Problem>>, ServerError> {
    let month = Month::of(day);
    Ok(locked_months(db, [grid])
        .await?
        .contains(&(grid, month))
        .then(|| problem(month, field)))
}

/// The month's work is approved, so no record may enter or change it.
pub fn problem(month: Month, field: &str) -> Vec<Problem> {
    vec![Problem::new(
        "month_locked",
        Some(field),
        format!(
            "{}的工作已经乡镇（部门）审核通过并锁定，不能再记入或修改该月的记录；如需补记，请联系乡镇（部门）解锁",
            month.label()
        ),
    )]
}
