//! The activities the townships, departments and work areas in a scope organise themselves for
//! the grids below them (003 §三(三)1: 各级网格每季度要组织……活动), counted for the quarter and,
//! where the policy asks for them, judged by the cadence.
use crate::activities::ssr::activity_days;
use crate::auth::ssr::Viewer;
use crate::cadence::ssr::waivers;
use crate::domain::activity::activity_duties;
use crate::domain::cadence::{ObligationKind, Period, Policy};
use crate::domain::grid::GridKind;
use crate::domain::period::Quarter;
use crate::error::AppError;
use crate::township::api::UnitActivities;
use sea_orm::ConnectionTrait;
use time::Date;

/// Each open township, department, development zone and work area at or below `scope` that
/// the viewer sees, with its activities of `quarter` and their verdict.
pub async fn unit_activities(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    policy: &Policy,
    scope: i32,
    quarter: Quarter,
    today: Date,
) -> Result<Vec<UnitActivities>, AppError> {
    let below = viewer.grids.tree.subtree(scope);
    let organising = |kind: &str| {
        GridKind::from_code(kind).is_some_and(|k| k.is_level_two() || k == GridKind::WorkArea)
    };
    let units: Vec<_> = (viewer.grids.all().iter())
        .filter(|g| below.contains(&g.id) && viewer.visible.contains(&g.id) && !g.closed)
        .filter(|g| organising(&g.kind))
        .collect();
    if units.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i32> = units.iter().map(|g| g.id).collect();
    let held = activity_days(db, &ids, quarter.first_day(), quarter.last_day()).await?;
    let kind = ObligationKind::UnitActivity;
    let statuses = match policy.rule(&kind) {
        Some(rule) => {
            let waived = waivers(db, &kind, &[Period::Quarter(quarter)]).await?;
            activity_duties(rule, &ids, &held, quarter, &waived, today)
        }
        None => Vec::new(),
    };
    Ok(units
        .into_iter()
        .map(|g| UnitActivities {
            grid_name: g.name.clone(),
            activities: held.iter().filter(|(grid, _)| *grid == g.id).count(),
            status: (statuses.iter())
                .find(|(grid, _)| *grid == g.id)
                .map(|(_, s)| s.clone()),
        })
        .collect())
}
