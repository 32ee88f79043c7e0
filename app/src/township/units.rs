//! The activities the city, townships, departments and work areas in a scope organise for
//! the grids below them (003 §三(三)1: 各级网格每季度要组织……活动), counted for the quarter and,
//! where the policy asks for them, judged by the cadence; those who record them are reminded
//! of a quarter's activity due soon or overdue.
use super::words;
use crate::activities::ssr::activity_days;
use crate::auth::ssr::Viewer;
use crate::cadence::ssr::waivers;
use crate::domain::activity::activity_duties;
use crate::domain::cadence::{ObligationKind, Period, Policy};
use crate::domain::grid::GridKind;
use crate::domain::period::Quarter;
use crate::domain::permission::Ability;
use crate::duties::api::Reminder;
use crate::duties::ssr::quarter_reminders;
use crate::error::AppError;
use crate::township::api::UnitActivities;
use crate::waivers::api::Excusable;
use crate::waivers::ssr::offer;
use sea_orm::ConnectionTrait;
use time::Date;

/// Whether a grid of this kind organises activities for the grids below it: every level
/// above the enterprise grids.
fn organises(kind: &str) -> bool {
    GridKind::from_code(kind).is_some_and(|k| k != GridKind::Enterprise)
}

/// The city grid and each open township, department, development zone and work area at or
/// below `scope` that the viewer sees, with its activities of `quarter` and their verdict.
pub async fn unit_activities(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    policy: &Policy,
    scope: i32,
    quarter: Quarter,
    today: Date,
) -> Result<Vec<UnitActivities>, AppError> {
    let below = viewer.grids.tree.subtree(scope);
    let units: Vec<_> = (viewer.grids.all().iter())
        .filter(|g| below.contains(&g.id) && viewer.visible.contains(&g.id) && !g.closed)
        .filter(|g| organises(&g.kind))
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
        .map(|g| {
            let status = (statuses.iter())
                .find(|(grid, _)| *grid == g.id)
                .map(|(_, s)| s.clone());
            let period = Period::Quarter(quarter);
            UnitActivities {
                grid_name: g.name.clone(),
                activities: held.iter().filter(|(grid, _)| *grid == g.id).count(),
                excuse: offer(
                    viewer,
                    Excusable::UnitActivity,
                    g.id,
                    period,
                    status.as_ref(),
                ),
                status,
            }
        })
        .collect())
}

/// The reminders of the units where the viewer holds a role and records activities: last
/// quarter's activity and this one's, not yet held when due soon or overdue.
pub async fn reminders(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    policy: &Policy,
    today: Date,
) -> Result<Vec<Reminder>, AppError> {
    let kind = ObligationKind::UnitActivity;
    let Some(rule) = policy.rule(&kind) else {
        return Ok(Vec::new());
    };
    let mut units: Vec<(i32, String)> = (viewer.profile.roles.iter())
        .filter_map(|r| viewer.grids.get(r.grid_id))
        .filter(|g| organises(&g.kind) && !g.closed)
        .filter(|g| viewer.permits_over(Ability::Record, g.id))
        .map(|g| (g.id, g.name.clone()))
        .collect();
    units.sort_unstable();
    units.dedup();
    if units.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i32> = units.iter().map(|(id, _)| *id).collect();
    let this = Quarter::of(today);
    let quarters = [this.prev(), this];
    let waived = waivers(db, &kind, &quarters.map(Period::Quarter)).await?;
    let held = activity_days(db, &ids, quarters[0].first_day(), this.last_day()).await?;
    let mut out = Vec::new();
    for quarter in quarters {
        let judged = activity_duties(rule, &ids, &held, quarter, &waived, today);
        let (title, note) = (words::unit_activity_reminder, words::unit_activity_by);
        out.extend(quarter_reminders(
            rule, &units, quarter, judged, title, note,
        ));
    }
    Ok(out)
}
