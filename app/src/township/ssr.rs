//! Township overview queries, limited to the grids the viewer oversees.
use crate::activities::ssr::activity_days;
use crate::auth::ssr::Viewer;
use crate::cadence::ssr::waivers;
use crate::db::{enterprise, grid, person, visit};
use crate::domain::activity::activity_duties;
use crate::domain::annual_plan::plan_status;
use crate::domain::cadence::{ObligationKind, Period};
use crate::domain::grid::{GridKind, Role};
use crate::domain::period::{Month, Quarter, viewable_month};
use crate::error::{AppError, ServerError};
use crate::township::api::{GridVisits, OverviewQuery, ScopeChoice, TownshipOverview, VisitRow};
use crate::visits::ssr::record;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::{BTreeSet, HashMap};

pub async fn overview(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    query: OverviewQuery,
) -> Result<TownshipOverview, AppError> {
    let month = match query.month.as_deref() {
        Some(m) => {
            viewable_month(m, viewer.today()?).map_err(|e| AppError::BadRequest(e.to_string()))?
        }
        None => Month::of(viewer.today()?),
    };
    let Scope {
        scopes,
        scope_id,
        enterprise_grids,
        enterprises,
    } = resolve_scope(db, viewer, query.scope).await?;
    let enterprise_grids: Vec<&grid::Model> = enterprise_grids.iter().collect();
    let grid_ids: Vec<i32> = enterprise_grids.iter().map(|g| g.id).collect();
    let visits = visit::Entity::find()
        .filter(visit::Column::GridId.is_in(grid_ids.clone()))
        .filter(visit::Column::VisitDate.between(month.first_day(), month.last_day()))
        .order_by_asc(visit::Column::VisitDate)
        .all(db)
        .await?;
    let person_ids: BTreeSet<i32> = visits.iter().map(|v| v.person_id).collect();
    let names: HashMap<i32, String> = person::Entity::find()
        .filter(person::Column::Id.is_in(person_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let mut rows = visits
        .iter()
        .map(|v| Ok((v.id, row(v, &enterprises, &names)?)))
        .collect::<Result<HashMap<_, _>, ServerError>>()?;
    let today = viewer.today()?;
    let quarter = Quarter::of(month.first_day());
    let held = activity_days(db, &grid_ids, quarter.first_day(), quarter.last_day()).await?;
    let (policy, _) = crate::cadence::ssr::policy(db).await?;
    let activity = ObligationKind::QuarterlyActivity;
    let waived = waivers(db, &activity, &[Period::Quarter(quarter)]).await?;
    let activity_statuses = policy
        .rule(&activity)
        .map(|rule| activity_duties(rule, &grid_ids, &held, quarter, &waived, today))
        .unwrap_or_default();
    let year = month.year();
    let plans_waived = waivers(db, &ObligationKind::AnnualPlan, &[Period::Year(year)]).await?;
    let mut plans = crate::plans::ssr::plans_of(db, &grid_ids, year).await?;
    let plan_rule = policy.rule(&ObligationKind::AnnualPlan);
    let grids = enterprise_grids
        .iter()
        .map(|g| {
            let plan = plans.remove(&g.id);
            let submitted_on = plan
                .as_ref()
                .and_then(|p| crate::domain::period::parse_date(&p.submitted_on).ok());
            let own: Vec<&visit::Model> = visits.iter().filter(|v| v.grid_id == g.id).collect();
            let visited: BTreeSet<i32> = own.iter().map(|v| v.enterprise_id).collect();
            GridVisits {
                grid_id: g.id,
                grid_name: g.name.clone(),
                enterprise_count: enterprises
                    .values()
                    .filter(|e| e.grid_id == g.id && !e.closed)
                    .count(),
                visited_enterprises: visited.len(),
                visits: own.iter().filter_map(|v| rows.remove(&v.id)).collect(),
                activities: held.iter().filter(|(grid, _)| *grid == g.id).count(),
                activity_status: activity_statuses
                    .iter()
                    .find(|(grid, _)| *grid == g.id)
                    .map(|(_, status)| status.clone()),
                plan_status: plan_rule
                    .map(|rule| plan_status(rule, g.id, year, submitted_on, &plans_waived, today)),
                plan,
            }
        })
        .collect();
    let coverage = super::coverage::visit_coverage(
        db,
        &policy,
        quarter,
        today,
        &enterprise_grids,
        &enterprises,
    )
    .await?;
    Ok(TownshipOverview {
        scopes,
        scope_id,
        month: month.to_string(),
        grids,
        coverage,
    })
}

/// A grid the viewer may look at, with the enterprise grids and enterprises below it.
pub(crate) struct Scope {
    pub scopes: Vec<ScopeChoice>,
    pub scope_id: i32,
    pub enterprise_grids: Vec<grid::Model>,
    /// Closed ones included: their visits still show.
    pub enterprises: HashMap<i32, enterprise::Model>,
}

/// The chosen scope (the viewer's first when `None`), refused when not the viewer's to see.
pub(crate) async fn resolve_scope(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    scope: Option<i32>,
) -> Result<Scope, AppError> {
    let grids = viewer.grids.all();
    let scopes = scope_choices(viewer, grids);
    let scope_id = match scope {
        Some(id) if scopes.iter().any(|s| s.grid_id == id) => id,
        Some(_) => return Err(AppError::Forbidden),
        None => scopes
            .first()
            .map(|s| s.grid_id)
            .ok_or(AppError::Forbidden)?,
    };
    let in_scope = viewer.grids.tree.subtree(scope_id);
    let enterprise_grids: Vec<grid::Model> = grids
        .iter()
        .filter(|g| g.kind == GridKind::Enterprise.code() && in_scope.contains(&g.id))
        .filter(|g| viewer.visible.contains(&g.id))
        .cloned()
        .collect();
    let grid_ids: Vec<i32> = enterprise_grids.iter().map(|g| g.id).collect();
    let enterprises = enterprise::Entity::find()
        .filter(enterprise::Column::GridId.is_in(grid_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    Ok(Scope {
        scopes,
        scope_id,
        enterprise_grids,
        enterprises,
    })
}

/// The grids a viewer may look at: each grid above enterprise level that they oversee, and
/// the townships below it (so a city administrator can pick any township).
fn scope_choices(viewer: &Viewer, grids: &[grid::Model]) -> Vec<ScopeChoice> {
    let led: BTreeSet<i32> = viewer
        .profile
        .roles
        .iter()
        .filter(|r| r.role.sees_subtree() && r.role != Role::Member)
        .map(|r| r.grid_id)
        .collect();
    grids
        .iter()
        .filter(|g| {
            led.contains(&g.id)
                || (g.kind == GridKind::Township.code() && viewer.visible.contains(&g.id))
        })
        .map(|g| ScopeChoice {
            grid_id: g.id,
            name: g.name.clone(),
        })
        .collect()
}

fn row(
    v: &visit::Model,
    enterprises: &HashMap<i32, enterprise::Model>,
    names: &HashMap<i32, String>,
) -> Result<VisitRow, ServerError> {
    let rec = record(v.clone())?;
    Ok(VisitRow {
        visit_date: rec.visit_date,
        enterprise_name: enterprises
            .get(&v.enterprise_id)
            .map(|e| e.name.clone())
            .unwrap_or_default(),
        person_name: names.get(&v.person_id).cloned().unwrap_or_default(),
        purpose: rec.purpose,
        findings: rec.findings,
        follow_up: rec.follow_up,
        photos: rec.photos,
    })
}
