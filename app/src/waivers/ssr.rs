//! Keeps a waiver of a grid's duty once the person may excuse it and the policy asks it of the
//! grid for that period.
use super::api::{DutyRef, Excusable};
use super::words;
use crate::auth::ssr::Viewer;
use crate::cadence::ssr::{policy, waive as keep};
use crate::domain::cadence::{Period, Status, Subject, Subjects, Waiver};
use crate::domain::grid::GridKind;
use crate::error::AppError;
use sea_orm::DatabaseConnection;

pub async fn waive(
    db: &DatabaseConnection,
    viewer: &Viewer,
    duty: &DutyRef,
    reason: &str,
) -> Result<(), AppError> {
    let reason = Waiver::check_reason(reason).map_err(|e| AppError::Invalid(e.to_string()))?;
    let period = Period::parse(&duty.period).map_err(|e| AppError::BadRequest(e.to_string()))?;
    let grid = duty.grid_id;
    if !viewer.excuses(grid) {
        return Err(AppError::Forbidden);
    }
    let row = viewer.grids.get(grid).ok_or(AppError::Forbidden)?;
    let kind = GridKind::from_code(&row.kind).ok_or_else(AppError::internal)?;
    let (policy, _) = policy(db).await?;
    let rule = (policy.rules.iter())
        .find(|r| duty.duty.names(&r.kind))
        .ok_or_else(|| AppError::Invalid(words::NOT_ASKED.to_owned()))?;
    let subjects = Subjects {
        grids: vec![(grid, kind)],
        ..Subjects::default()
    };
    if !subjects.bound_by(&rule.kind).contains(&Subject::Grid(grid)) {
        let why = words::not_bound(&row.name, rule.kind.label());
        return Err(AppError::Invalid(why));
    }
    Waiver::check_period(&rule.kind, &period, viewer.today()?)
        .map_err(|e| AppError::Invalid(e.to_string()))?;
    let tx = crate::db::begin_write(db).await?;
    let waiver = Waiver {
        kind: rule.kind.clone(),
        subject: Subject::Grid(grid),
        period,
        reason,
        by_person: viewer.person_id(),
        at_ms: viewer.now_ms,
    };
    keep(&tx, &waiver).await?;
    tx.commit().await?;
    Ok(())
}

/// `grid`'s `duty` for `period` as the viewer may excuse it: while due soon or overdue, to
/// whoever reviews the unit above the grid.
pub fn offer(
    viewer: &Viewer,
    duty: Excusable,
    grid: i32,
    period: Period,
    status: Option<&Status>,
) -> Option<DutyRef> {
    let open = matches!(status, Some(Status::DueSoon | Status::Overdue));
    (open && viewer.excuses(grid)).then(|| DutyRef {
        duty,
        grid_id: grid,
        period: period.to_string(),
    })
}
