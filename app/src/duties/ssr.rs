//! `GET /api/v1/duties`: the open visit duties of the enterprise grids the person works in,
//! their activities this quarter, and the monthly-report reminders.
use super::api::{DUTIES_PATH, Duty, DutyList, GridActivities};
use crate::activities::ssr::activity_days;
use crate::auth::ssr::Viewer;
use crate::cadence::ssr::{judge_visits, waivers};
use crate::db::{enterprise, grid};
use crate::domain::cadence::{ObligationKind, Period, Status, Subject, Waiver};
use crate::domain::grid::GridKind;
use crate::domain::period::{Month, Quarter, format_date};
use crate::error::AppError;
use crate::state::AppState;
use crate::trainings::ssr::attended_in;
use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;
use time::Date;

pub fn router() -> Router<AppState> {
    Router::new().route(DUTIES_PATH, get(duties))
}

/// Only enterprise grids the person holds a role in: leaders of larger grids follow their
/// township on the township view instead of a list of every enterprise.
async fn duties(State(state): State<AppState>, viewer: Viewer) -> Result<Json<DutyList>, AppError> {
    let today = viewer.today()?;
    let quarter = Quarter::of(today);
    let role_grids: Vec<i32> = viewer.profile.roles.iter().map(|r| r.grid_id).collect();
    let grids: HashMap<i32, String> = grid::Entity::find()
        .filter(grid::Column::Id.is_in(role_grids))
        .filter(grid::Column::Kind.eq(GridKind::Enterprise.code()))
        .filter(grid::Column::Closed.eq(false))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect();
    let enterprises: HashMap<i32, enterprise::Model> = enterprise::Entity::find()
        .filter(enterprise::Column::GridId.is_in(grids.keys().copied()))
        .filter(enterprise::Column::Closed.eq(false))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let ids: Vec<i32> = enterprises.keys().copied().collect();
    let grid_ids: Vec<i32> = grids.keys().copied().collect();
    let (policy, _) = crate::cadence::ssr::policy(&state.db).await?;
    let judgement = judge_visits(&state.db, &policy, quarter, today, &grid_ids, &ids).await?;
    let mut list = DutyList {
        quarter: quarter.label(),
        first_day: format_date(quarter.first_day()),
        last_day: format_date(quarter.last_day()),
        ..DutyList::default()
    };
    // Unread major events first: they are the most urgent thing a reviewer can be told.
    list.reminders = crate::major_events::ssr::unread_reminders(&state.db, &viewer).await?;
    list.reminders
        .extend(crate::reports::ssr::reminders::reminders(&state.db, &viewer, today).await?);
    list.report_rule = policy.rule(&ObligationKind::MonthlyLeaderReport).cloned();
    list.activity_rule = policy.rule(&ObligationKind::QuarterlyActivity).cloned();
    list.education_rule = policy
        .rules
        .iter()
        .find(|r| matches!(r.kind, ObligationKind::ContinuingEducation { .. }))
        .cloned();
    list.attended = attended_in(&state.db, viewer.person_id(), today.year()).await?;
    let led: Vec<i32> = viewer
        .profile
        .reporting_grids()
        .iter()
        .map(|r| r.grid_id)
        .collect();
    let this_month = Month::of(today);
    list.month_figures = crate::reports::ssr::figures::month_figures(
        &state.db,
        &led,
        &[this_month.prev(), this_month],
    )
    .await?;
    let held = activity_days(&state.db, &grid_ids, quarter.first_day(), today).await?;
    list.activities = grids
        .iter()
        .map(|(id, name)| GridActivities {
            grid_id: *id,
            grid_name: name.clone(),
            held: held
                .iter()
                .filter(|(g, _)| g == id)
                .map(|(_, day)| format_date(*day))
                .collect(),
        })
        .collect();
    list.activities
        .sort_by(|a, b| a.grid_name.cmp(&b.grid_name));
    let education = list.education_rule.as_ref().map(|r| r.kind.clone());
    list.waivers = card_waivers(&state.db, &led, &grid_ids, education, &viewer, today).await?;
    let Some(rule) = judgement.rule else {
        return Ok(Json(list));
    };
    let period = Period::Quarter(quarter);
    list.due = format_date(rule.deadline(rule.due_date(&period)));
    let required = rule.kind.required_amount();
    list.duties = judgement
        .obligations
        .into_iter()
        .filter(|o| {
            matches!(
                o.status,
                Status::Overdue | Status::DueSoon | Status::NotYetDue
            )
        })
        .filter_map(|o| {
            let Subject::Enterprise(id) = o.subject else {
                return None;
            };
            let e = enterprises.get(&id)?;
            Some(Duty {
                enterprise_id: id,
                enterprise_name: e.name.clone(),
                grid_name: grids.get(&e.grid_id).cloned().unwrap_or_default(),
                remaining: required.saturating_sub(judgement.visits.get(&id).copied().unwrap_or(0)),
                status: o.status,
            })
        })
        .collect();
    let urgency = |s: &Status| match s {
        Status::Overdue => 0,
        Status::DueSoon => 1,
        _ => 2,
    };
    list.duties.sort_by(|a, b| {
        (urgency(&a.status), &a.grid_name, &a.enterprise_name).cmp(&(
            urgency(&b.status),
            &b.grid_name,
            &b.enterprise_name,
        ))
    });
    Ok(Json(list))
}

/// The waivers of the duties the phone's cards judge: `led` grids' reports of last month and
/// this one, `grids`' activities this quarter, and the viewer's own `education` this year.
async fn card_waivers(
    db: &impl ConnectionTrait,
    led: &[i32],
    grids: &[i32],
    education: Option<ObligationKind>,
    viewer: &Viewer,
    today: Date,
) -> Result<Vec<Waiver>, AppError> {
    let this = Month::of(today);
    let on_grids = |ids: &[i32]| ids.iter().map(|&g| Subject::Grid(g)).collect::<Vec<_>>();
    let mut wanted = vec![
        (
            ObligationKind::MonthlyLeaderReport,
            vec![Period::Month(this.prev()), Period::Month(this)],
            on_grids(led),
        ),
        (
            ObligationKind::QuarterlyActivity,
            vec![Period::Quarter(Quarter::of(today))],
            on_grids(grids),
        ),
    ];
    if let Some(kind) = education {
        let me = vec![Subject::Person(viewer.person_id())];
        wanted.push((kind, vec![Period::Year(today.year())], me));
    }
    let mut out = Vec::new();
    for (kind, periods, subjects) in wanted {
        let mut found = waivers(db, &kind, &periods).await?;
        found.retain(|w| subjects.contains(&w.subject));
        out.extend(found);
    }
    Ok(out)
}
