//! Township overview queries, limited to the grids the viewer oversees.
use crate::activities::ssr::activity_days;
use crate::auth::ssr::Viewer;
use crate::cadence::ssr::{QuarterVisits, waivers};
use crate::db::{enterprise, grid, person, visit, visit_month};
use crate::domain::activity::activity_duties;
use crate::domain::annual_plan::plan_status;
use crate::domain::cadence::{ObligationKind, Period, Policy};
use crate::domain::grid::GridKind;
use crate::domain::period::{Month, Quarter, viewable_month};
use crate::domain::permission::Ability;
use crate::error::{AppError, ServerError};
use crate::kinds::analysis_meetings::api::MonthMeetings;
use crate::kinds::analysis_meetings::ssr::month_meetings;
use crate::township::api::{GridVisits, OverviewQuery, ScopeChoice, TownshipOverview, VisitRow};
use crate::visits::ssr::record;
use crate::waivers::api::Excusable;
use crate::waivers::ssr::offer;
use sea_orm::sea_query::{Asterisk, Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect,
};
use std::collections::{BTreeSet, HashMap};
use time::Date;

/// The month of the grids below a scope the viewer oversees, in figures: each grid's visits
/// are counted in the database, and listed only when asked for ([`grid_visits`]), so the page
/// stays small for a township of a hundred grids.
pub async fn overview(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    query: OverviewQuery,
) -> Result<TownshipOverview, AppError> {
    let month = month_asked(viewer, query.month.as_deref())?;
    let Scope {
        scopes,
        scope_id,
        enterprise_grids,
        ..
    } = resolve_scope(viewer, query.scope)?;
    let grid_ids: Vec<i32> = enterprise_grids.iter().map(|g| g.id).collect();
    let today = viewer.today()?;
    let quarter = Quarter::of(month.first_day());
    let (first, last) = (quarter.first_day(), quarter.last_day());
    let (policy, _) = crate::cadence::ssr::policy(db).await?;
    let activity = ObligationKind::QuarterlyActivity;
    let quarter_period = Period::Quarter(quarter);
    let year = month.year();
    let (quarters, years) = ([quarter_period], [Period::Year(year)]);
    // The reads wait on none of each other's answers: the page takes as long as the slowest
    // of them, not their sum (two thirds of it were the enterprises and the quarter's visits).
    let read = tokio::try_join!(
        scope_enterprises(db, &enterprise_grids),
        visit_counts(db, Some(&grid_ids), month),
        async { Ok(activity_days(db, &grid_ids, first, last).await?) },
        waivers(db, &activity, &quarters),
        waivers(db, &ObligationKind::AnnualPlan, &years),
        async { Ok(crate::plans::ssr::plans_of(db, &grid_ids, year).await?) },
        QuarterVisits::read(db, &policy, quarter, &grid_ids),
        township_meetings(db, viewer, &policy, scope_id, month, today),
        super::units::unit_activities(db, viewer, &policy, scope_id, quarter, today),
    );
    let (enterprises, counts, held, waived, plans_waived, mut plans, visits, meetings, units) =
        read?;
    let mut activity_statuses: HashMap<i32, _> = policy
        .rule(&activity)
        .map(|rule| activity_duties(rule, &grid_ids, &held, quarter, &waived, today))
        .unwrap_or_default()
        .into_iter()
        .collect();
    let mut activities: HashMap<i32, usize> = HashMap::new();
    for (grid, _) in &held {
        *activities.entry(*grid).or_default() += 1;
    }
    let open_enterprises = open_per_grid(&enterprises);
    let plan_rule = policy.rule(&ObligationKind::AnnualPlan);
    let enterprise_grids: Vec<&grid::Model> = enterprise_grids.iter().collect();
    let grids = enterprise_grids
        .iter()
        .map(|g| {
            let plan = plans.remove(&g.id);
            let submitted_on = plan
                .as_ref()
                .and_then(|p| crate::domain::period::parse_date(&p.submitted_on).ok());
            let (visits, visited) = counts.get(&g.id).copied().unwrap_or_default();
            let activity_status = activity_statuses.remove(&g.id);
            let plan_status = plan_rule
                .map(|rule| plan_status(rule, g.id, year, submitted_on, &plans_waived, today));
            let (activity_duty, plan_duty) = (Excusable::QuarterlyActivity, Excusable::AnnualPlan);
            GridVisits {
                grid_id: g.id,
                grid_name: g.name.clone(),
                enterprise_count: open_enterprises.get(&g.id).copied().unwrap_or(0),
                visited_enterprises: visited,
                visits,
                activities: activities.get(&g.id).copied().unwrap_or(0),
                activity_excuse: offer(
                    viewer,
                    activity_duty,
                    g.id,
                    quarter_period,
                    activity_status.as_ref(),
                ),
                activity_status,
                plan_excuse: offer(
                    viewer,
                    plan_duty,
                    g.id,
                    Period::Year(year),
                    plan_status.as_ref(),
                ),
                plan_status,
                plan,
            }
        })
        .collect();
    let coverage =
        super::coverage::visit_coverage(visits, quarter, today, &enterprise_grids, &enterprises);
    Ok(TownshipOverview {
        scopes,
        scope_id,
        month: month.to_string(),
        grids,
        coverage,
        meetings,
        units,
    })
}

/// The month's analysis meetings when the scope is a grid that holds them (a township), with
/// the excuse the viewer may offer; `None` for any other scope.
async fn township_meetings(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    policy: &Policy,
    scope_id: i32,
    month: Month,
    today: Date,
) -> Result<Option<MonthMeetings>, AppError> {
    let Some(g) = viewer.grids.get(scope_id) else {
        return Ok(None);
    };
    if !GridKind::from_code(&g.kind).is_some_and(GridKind::holds_meetings) {
        return Ok(None);
    }
    let mut meetings = month_meetings(db, policy, (g.id, g.name.as_str()), month, today).await?;
    meetings.excuse = offer(
        viewer,
        Excusable::TownshipAnalysisMeeting,
        g.id,
        Period::Month(month),
        meetings.status.as_ref(),
    );
    Ok(Some(meetings))
}

/// The month asked for, if the viewer may look at it; this month when none is.
fn month_asked(viewer: &Viewer, asked: Option<&str>) -> Result<Month, AppError> {
    match asked.filter(|m| !m.is_empty()) {
        Some(m) => {
            viewable_month(m, viewer.today()?).map_err(|e| AppError::BadRequest(e.to_string()))
        }
        None => Ok(Month::of(viewer.today()?)),
    }
}

/// Each grid's visits in the month and the enterprises they reached: (visits, enterprises),
/// as the database keeps them (`visit_month`). Of `grids`, or of every grid when `None`: a
/// city's month, read in one statement rather than its thousands of grids named.
pub(crate) async fn visit_counts(
    db: &impl ConnectionTrait,
    grids: Option<&[i32]>,
    month: Month,
) -> Result<HashMap<i32, (usize, usize)>, AppError> {
    let query = visit_month::Entity::find()
        .select_only()
        .columns([
            visit_month::Column::GridId,
            visit_month::Column::Visits,
            visit_month::Column::Enterprises,
        ])
        .filter(visit_month::Column::MonthStart.eq(month.first_day()));
    let rows: Vec<(i32, i64, i64)> = match grids {
        None => query.into_tuple().all(db).await?,
        // In chunks: a province's grids may outnumber the parameters a statement binds.
        Some(grids) => {
            let mut rows = Vec::new();
            for chunk in grids.chunks(1000) {
                let of_chunk = query
                    .clone()
                    .filter(visit_month::Column::GridId.is_in(chunk.to_vec()));
                rows.extend(of_chunk.into_tuple::<(i32, i64, i64)>().all(db).await?);
            }
            rows
        }
    };
    let count = |n: i64| usize::try_from(n).unwrap_or(0);
    Ok((rows.into_iter())
        .map(|(g, n, e)| (g, (count(n), count(e))))
        .collect())
}

/// One enterprise grid's visits in a month, for a viewer who may see it in some scope of
/// theirs; refused otherwise.
pub async fn grid_visits(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    grid: i32,
    month: Option<&str>,
) -> Result<Vec<VisitRow>, AppError> {
    let month = month_asked(viewer, month)?;
    let in_some_scope = scope_choices(viewer, viewer.grids.all())
        .iter()
        .any(|s| viewer.grids.tree.is_within(grid, s.grid_id));
    let is_enterprise_grid = viewer
        .grids
        .get(grid)
        .is_some_and(|g| g.kind == GridKind::Enterprise.code());
    if !(in_some_scope && is_enterprise_grid && viewer.visible.contains(&grid)) {
        return Err(AppError::Forbidden);
    }
    Ok(visit_rows(db, &[grid], month)
        .await?
        .remove(&grid)
        .unwrap_or_default())
}

/// The month's visits of `grids`, by grid and date, as the pages and the export show them.
pub(crate) async fn visit_rows(
    db: &impl ConnectionTrait,
    grids: &[i32],
    month: Month,
) -> Result<HashMap<i32, Vec<VisitRow>>, AppError> {
    let visits = visit::Entity::find()
        .filter(visit::Column::GridId.is_in(grids.to_vec()))
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
    let enterprise_ids: BTreeSet<i32> = visits.iter().map(|v| v.enterprise_id).collect();
    let enterprises: HashMap<i32, String> = enterprise::Entity::find()
        .filter(enterprise::Column::Id.is_in(enterprise_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e.name))
        .collect();
    let mut rows: HashMap<i32, Vec<VisitRow>> = HashMap::new();
    for v in visits {
        let grid = v.grid_id;
        rows.entry(grid)
            .or_default()
            .push(row(v, &enterprises, &names)?);
    }
    Ok(rows)
}

/// A grid the viewer may look at, with the grids below it ([`scope_enterprises`] reads their
/// enterprises, for the pages that list them).
pub(crate) struct Scope {
    pub scopes: Vec<ScopeChoice>,
    pub scope_id: i32,
    pub enterprise_grids: Vec<grid::Model>,
    /// The work areas and enterprise grids in the scope: those that report monthly.
    pub reporting_grids: Vec<grid::Model>,
}

/// What the township's pages need of an enterprise, read without its other columns.
#[derive(FromQueryResult)]
pub(crate) struct ScopeEnterprise {
    pub id: i32,
    pub grid_id: i32,
    pub name: String,
    pub closed: bool,
}

/// The open enterprises of each grid.
pub(crate) fn open_per_grid(enterprises: &HashMap<i32, ScopeEnterprise>) -> HashMap<i32, usize> {
    let mut open: HashMap<i32, usize> = HashMap::new();
    for e in enterprises.values().filter(|e| !e.closed) {
        *open.entry(e.grid_id).or_default() += 1;
    }
    open
}

/// The chosen scope (the viewer's first when `None`), refused when not the viewer's to see.
/// Any grid the viewer oversees may be the scope, one not offered in the list included (a
/// single enterprise grid, say): it is then added to the list, so the page can show it.
pub(crate) fn resolve_scope(viewer: &Viewer, scope: Option<i32>) -> Result<Scope, AppError> {
    let grids = viewer.grids.all();
    let mut scopes = scope_choices(viewer, grids);
    let scope_id = match scope {
        Some(id) if scopes.iter().any(|s| s.grid_id == id) => id,
        Some(id) if viewer.permits_over(Ability::SeeBelow, id) => {
            let name = viewer.grids.get(id).map(|g| g.name.clone());
            scopes.push(ScopeChoice {
                grid_id: id,
                name: name.unwrap_or_default(),
            });
            id
        }
        Some(_) => return Err(AppError::Forbidden),
        None => scopes
            .first()
            .map(|s| s.grid_id)
            .ok_or(AppError::Forbidden)?,
    };
    let in_scope = viewer.grids.tree.subtree(scope_id);
    let of_kind = |wanted: fn(&str) -> bool| -> Vec<grid::Model> {
        grids
            .iter()
            .filter(|g| wanted(&g.kind) && in_scope.contains(&g.id))
            .filter(|g| viewer.visible.contains(&g.id))
            .cloned()
            .collect()
    };
    let enterprise_grids = of_kind(|kind| kind == GridKind::Enterprise.code());
    let reporting_grids = of_kind(GridKind::code_reports_monthly);
    Ok(Scope {
        scopes,
        scope_id,
        enterprise_grids,
        reporting_grids,
    })
}

/// The enterprises of `grids`, closed ones included (their visits still show).
pub(crate) async fn scope_enterprises(
    db: &impl ConnectionTrait,
    grids: &[grid::Model],
) -> Result<HashMap<i32, ScopeEnterprise>, AppError> {
    Ok(enterprise::Entity::find()
        .select_only()
        .columns([
            enterprise::Column::Id,
            enterprise::Column::GridId,
            enterprise::Column::Name,
            enterprise::Column::Closed,
        ])
        .filter(enterprise::Column::GridId.is_in(grids.iter().map(|g| g.id)))
        .into_model::<ScopeEnterprise>()
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect())
}

/// The open enterprises of each of `grids`, counted by the database (a city's scope holds a
/// hundred thousand).
pub(crate) async fn open_enterprise_counts(
    db: &impl ConnectionTrait,
    grids: &[grid::Model],
) -> Result<HashMap<i32, usize>, AppError> {
    if grids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i32, i64)> = enterprise::Entity::find()
        .select_only()
        .column(enterprise::Column::GridId)
        .column_as(Expr::col(Asterisk).count(), "open")
        .filter(enterprise::Column::GridId.is_in(grids.iter().map(|g| g.id)))
        .filter(enterprise::Column::Closed.eq(false))
        .group_by(enterprise::Column::GridId)
        .into_tuple()
        .all(db)
        .await?;
    Ok((rows.into_iter())
        .map(|(grid, n)| (grid, usize::try_from(n).unwrap_or(0)))
        .collect())
}

/// The grids a viewer picks from: each grid they hold a role above member in, and the level-2
/// units and work areas they can see (so a city administrator can pick any township, and a
/// township leader one of its work areas).
fn scope_choices(viewer: &Viewer, grids: &[grid::Model]) -> Vec<ScopeChoice> {
    let led: BTreeSet<i32> = viewer
        .profile
        .roles
        .iter()
        .filter(|r| r.permits(Ability::SeeBelow))
        .map(|r| r.grid_id)
        .collect();
    grids
        .iter()
        .filter(|g| {
            led.contains(&g.id)
                || (GridKind::from_code(&g.kind)
                    .is_some_and(|k| k.is_level_two() || k == GridKind::WorkArea)
                    && viewer.visible.contains(&g.id))
        })
        .map(|g| ScopeChoice {
            grid_id: g.id,
            name: g.name.clone(),
        })
        .collect()
}

fn row(
    v: visit::Model,
    enterprises: &HashMap<i32, String>,
    names: &HashMap<i32, String>,
) -> Result<VisitRow, ServerError> {
    let enterprise_name = enterprises.get(&v.enterprise_id).cloned();
    let person_name = names.get(&v.person_id).cloned();
    let rec = record(v)?;
    Ok(VisitRow {
        visit_date: rec.visit_date,
        enterprise_name: enterprise_name.unwrap_or_default(),
        person_name: person_name.unwrap_or_default(),
        purpose: rec.purpose,
        findings: rec.findings,
        follow_up: rec.follow_up,
        photos: rec.photos,
    })
}
