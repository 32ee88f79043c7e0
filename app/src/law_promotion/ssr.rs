//! Law promotion read from the activities and visits of a quarter, judged per level-2 unit by
//! the cadence (a fact of any grid counts for the unit it lies in).
use super::api::{LawPromotion, UnitLawPromotion};
use super::words;
use crate::auth::ssr::Viewer;
use crate::cadence::ssr::waivers;
use crate::db::{grid_activity, visit};
use crate::domain::activity::{ActivityType, activity_duties};
use crate::domain::cadence::{ObligationKind, Period, Policy, Status};
use crate::domain::grid::{GridId, GridKind, Role};
use crate::domain::period::Quarter;
use crate::domain::permission::Ability;
use crate::domain::visit::VisitPurpose;
use crate::duties::api::Reminder;
use crate::duties::ssr::quarter_reminders;
use crate::error::AppError;
use crate::waivers::api::Excusable;
use crate::waivers::ssr::offer;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use time::Date;

/// What was done for the law in the units' grids between two days.
struct Held {
    /// (unit, day) of each activity and each visit.
    days: Vec<(GridId, Date)>,
    /// (unit, activities, visits).
    counts: Vec<(GridId, usize, usize)>,
}

async fn held(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    units: &[GridId],
    first: Date,
    last: Date,
) -> Result<Held, AppError> {
    let grids: Vec<GridId> = units
        .iter()
        .flat_map(|&u| viewer.grids.tree.subtree(u))
        .collect();
    let mut activities: Vec<(GridId, Date)> = Vec::new();
    let mut visits: Vec<(GridId, Date)> = Vec::new();
    // In chunks: a province's grids may outnumber the parameters a statement binds.
    for chunk in grids.chunks(1000) {
        let found: Vec<(GridId, Date)> = grid_activity::Entity::find()
            .select_only()
            .column(grid_activity::Column::GridId)
            .column(grid_activity::Column::ActivityDate)
            .filter(grid_activity::Column::GridId.is_in(chunk.to_vec()))
            .filter(grid_activity::Column::ActivityType.eq(ActivityType::LawPromotion.code()))
            .filter(grid_activity::Column::ActivityDate.between(first, last))
            .into_tuple()
            .all(db)
            .await?;
        activities.extend(found);
        let found: Vec<(GridId, Date)> = visit::Entity::find()
            .select_only()
            .column(visit::Column::GridId)
            .column(visit::Column::VisitDate)
            .filter(visit::Column::GridId.is_in(chunk.to_vec()))
            .filter(visit::Column::Purpose.eq(VisitPurpose::LawPromotion.code()))
            .filter(visit::Column::VisitDate.between(first, last))
            .into_tuple()
            .all(db)
            .await?;
        visits.extend(found);
    }
    let unit_of = |grid: GridId| viewer.grids.tree.unit_of(grid);
    let in_unit = |found: &[(GridId, Date)], unit: GridId| {
        (found.iter())
            .filter(|(g, _)| unit_of(*g) == Some(unit))
            .count()
    };
    Ok(Held {
        days: (activities.iter().chain(&visits))
            .filter_map(|&(g, day)| Some((unit_of(g)?, day)))
            .collect(),
        counts: (units.iter())
            .map(|&u| (u, in_unit(&activities, u), in_unit(&visits, u)))
            .collect(),
    })
}

/// The verdicts of `units` for `quarter` under the policy's rule; none without the rule.
async fn judged(
    db: &impl ConnectionTrait,
    policy: &Policy,
    units: &[GridId],
    held: &Held,
    quarter: Quarter,
    today: Date,
) -> Result<Vec<(GridId, Status)>, AppError> {
    let kind = ObligationKind::LawPromotion;
    let Some(rule) = policy.rule(&kind) else {
        return Ok(Vec::new());
    };
    let waived = waivers(db, &kind, &[Period::Quarter(quarter)]).await?;
    Ok(activity_duties(
        rule, units, &held.days, quarter, &waived, today,
    ))
}

/// The open townships, departments and zones at or below `scope` the viewer sees, with this
/// quarter's law promotion; `None` when there are none.
pub async fn quarter(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    policy: &Policy,
    scope: GridId,
) -> Result<Option<LawPromotion>, AppError> {
    if !viewer.permits_over(Ability::SeeBelow, scope) {
        return Err(AppError::Forbidden);
    }
    let below = viewer.grids.tree.subtree(scope);
    let units: Vec<(GridId, String)> = (viewer.grids.all().iter())
        .filter(|g| below.contains(&g.id) && viewer.visible.contains(&g.id) && !g.closed)
        .filter(|g| GridKind::from_code(&g.kind).is_some_and(GridKind::is_level_two))
        .map(|g| (g.id, g.name.clone()))
        .collect();
    if units.is_empty() {
        return Ok(None);
    }
    let today = viewer.today()?;
    let quarter = Quarter::of(today);
    let ids: Vec<GridId> = units.iter().map(|(id, _)| *id).collect();
    let held = held(db, viewer, &ids, quarter.first_day(), quarter.last_day()).await?;
    let statuses = judged(db, policy, &ids, &held, quarter, today).await?;
    let units = (units.into_iter().zip(&held.counts))
        .map(|((id, unit), &(_, activities, visits))| {
            let status = (statuses.iter())
                .find(|(g, _)| *g == id)
                .map(|(_, s)| s.clone());
            let period = Period::Quarter(quarter);
            UnitLawPromotion {
                unit,
                activities,
                visits,
                excuse: offer(viewer, Excusable::LawPromotion, id, period, status.as_ref()),
                status,
            }
        })
        .collect();
    Ok(Some(LawPromotion {
        quarter: quarter.label(),
        units,
    }))
}

/// Reminders to the leader and instructor of each unit the viewer holds that role in: last
/// quarter's law promotion and this one's, when due soon or overdue.
pub async fn reminders(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    policy: &Policy,
    today: Date,
) -> Result<Vec<Reminder>, AppError> {
    let Some(rule) = policy.rule(&ObligationKind::LawPromotion) else {
        return Ok(Vec::new());
    };
    let mut units: Vec<(GridId, String)> = (viewer.profile.roles.iter())
        .filter(|r| r.kind.is_level_two() && matches!(r.role, Role::Leader | Role::Instructor))
        .filter(|r| viewer.grids.get(r.grid_id).is_some_and(|g| !g.closed))
        .map(|r| (r.grid_id, r.grid_name.clone()))
        .collect();
    units.sort_unstable();
    units.dedup();
    if units.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<GridId> = units.iter().map(|(id, _)| *id).collect();
    let this = Quarter::of(today);
    let mut out = Vec::new();
    for quarter in [this.prev(), this] {
        let held = held(db, viewer, &ids, quarter.first_day(), quarter.last_day()).await?;
        let judged = judged(db, policy, &ids, &held, quarter, today).await?;
        out.extend(quarter_reminders(
            rule,
            &units,
            quarter,
            judged,
            words::reminder,
            words::by,
        ));
    }
    Ok(out)
}
