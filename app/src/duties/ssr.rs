//! `GET /api/v1/duties`: the open visit duties of the enterprise grids the person works in,
//! their activities this quarter, and the monthly-report reminders.
use super::api::{DUTIES_PATH, Duty, DutyList, GridActivities, Reminder};
use super::education;
use crate::activities::ssr::activity_days;
use crate::auth::ssr::Viewer;
use crate::cadence::ssr::{judge_visits, waivers};
use crate::db::enterprise;
use crate::domain::cadence::{ObligationKind, Period, Policy, Rule, Status, Subject, Waiver};
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

async fn duties(State(state): State<AppState>, viewer: Viewer) -> Result<Json<DutyList>, AppError> {
    let db = &state.db;
    let today = viewer.today()?;
    let quarter = Quarter::of(today);
    let grids = enterprise_grids(&viewer);
    let grid_ids: Vec<i32> = grids.keys().copied().collect();
    let (policy, _) = crate::cadence::ssr::policy(db).await?;
    let mut list = DutyList {
        quarter: quarter.label(),
        first_day: format_date(quarter.first_day()),
        last_day: format_date(quarter.last_day()),
        report_rule: policy.rule(&ObligationKind::MonthlyLeaderReport).cloned(),
        activity_rule: policy.rule(&ObligationKind::QuarterlyActivity).cloned(),
        education_rule: education::rule(&policy).filter(|_| education::binds(&viewer)),
        ..DutyList::default()
    };
    if let Some(rule) = education::rule(&policy) {
        list.members_education = education::members(db, &viewer, &rule, today).await?;
    }
    // Unread major events first: they are the most urgent thing a reviewer can be told.
    list.reminders = crate::major_events::ssr::unread_reminders(db, &viewer).await?;
    list.reminders
        .extend(crate::reports::ssr::reminders::reminders(db, &viewer, today).await?);
    list.reminders
        .extend(crate::notices::ssr::reminders(db, &viewer).await?);
    list.reminders
        .extend(crate::assessment::mine::reminders(db, &viewer).await?);
    let meetings = crate::kinds::analysis_meetings::ssr::reminders(db, &viewer, &policy, today);
    list.reminders.extend(meetings.await?);
    let progress = crate::kinds::progress_reports::ssr::reminders(db, &viewer, &policy, today);
    list.reminders.extend(progress.await?);
    let training_plan = crate::training_plan::ssr::reminders(db, &viewer, &policy, today);
    list.reminders.extend(training_plan.await?);
    let units = crate::township::units::reminders(db, &viewer, &policy, today);
    list.reminders.extend(units.await?);
    let law = crate::law_promotion::ssr::reminders(db, &viewer, &policy, today);
    list.reminders.extend(law.await?);
    list.attended = attended_in(db, viewer.person_id(), today.year()).await?;
    let led: Vec<i32> = viewer.led_grids().into_iter().collect();
    let this_month = Month::of(today);
    let months = [this_month.prev(), this_month];
    list.month_figures =
        crate::reports::ssr::figures::month_figures(db, &viewer.grids.tree, &led, &months).await?;
    list.activities = grid_activities(db, &grids, quarter, today).await?;
    let education = list.education_rule.as_ref().map(|r| r.kind.clone());
    list.waivers = card_waivers(db, &led, &grid_ids, education, &viewer, today).await?;
    if let Some((due, duties)) = visit_duties(db, &policy, &grids, quarter, today).await? {
        list.due = due;
        list.duties = duties;
    }
    Ok(Json(list))
}

/// Only enterprise grids the person holds a role in: leaders of larger grids follow their
/// township on the township view instead of a list of every enterprise. Open ones, by id.
fn enterprise_grids(viewer: &Viewer) -> HashMap<i32, String> {
    viewer
        .profile
        .roles
        .iter()
        .filter_map(|r| viewer.grids.get(r.grid_id))
        .filter(|g| g.kind == GridKind::Enterprise.code() && !g.closed)
        .map(|g| (g.id, g.name.clone()))
        .collect()
}

/// The days each of `grids` held an activity this quarter up to `today`, by grid name.
async fn grid_activities(
    db: &impl ConnectionTrait,
    grids: &HashMap<i32, String>,
    quarter: Quarter,
    today: Date,
) -> Result<Vec<GridActivities>, AppError> {
    let ids: Vec<i32> = grids.keys().copied().collect();
    let held = activity_days(db, &ids, quarter.first_day(), today).await?;
    let mut activities: Vec<GridActivities> = grids
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
    activities.sort_by(|a, b| a.grid_name.cmp(&b.grid_name));
    Ok(activities)
}

/// The quarter's deadline and the enterprises of `grids` still owing visits, most urgent
/// first; `None` when the policy has no visit rule.
async fn visit_duties(
    db: &impl ConnectionTrait,
    policy: &Policy,
    grids: &HashMap<i32, String>,
    quarter: Quarter,
    today: Date,
) -> Result<Option<(String, Vec<Duty>)>, AppError> {
    let enterprises: HashMap<i32, enterprise::Model> = enterprise::Entity::find()
        .filter(enterprise::Column::GridId.is_in(grids.keys().copied()))
        .filter(enterprise::Column::Closed.eq(false))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let ids: Vec<i32> = enterprises.keys().copied().collect();
    let grid_ids: Vec<i32> = grids.keys().copied().collect();
    let judgement = judge_visits(db, policy, quarter, today, &grid_ids, &ids).await?;
    let Some(rule) = judgement.rule else {
        return Ok(None);
    };
    let due = format_date(rule.deadline(rule.due_date(&Period::Quarter(quarter))));
    let required = rule.kind.required_amount();
    let open = |s: &Status| matches!(s, Status::Overdue | Status::DueSoon | Status::NotYetDue);
    let mut duties: Vec<Duty> = judgement
        .obligations
        .into_iter()
        .filter(|o| open(&o.status))
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
    duties.sort_by(|a, b| {
        (urgency(&a.status), &a.grid_name, &a.enterprise_name).cmp(&(
            urgency(&b.status),
            &b.grid_name,
            &b.enterprise_name,
        ))
    });
    Ok(Some((due, duties)))
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

/// A quarterly duty's reminders: each of the `units` (id, name) whose verdict for `quarter`
/// (`judged`) is due soon or overdue, titled from the unit and the quarter and noted with the
/// last day it counts.
pub fn quarter_reminders(
    rule: &Rule,
    units: &[(i32, String)],
    quarter: Quarter,
    judged: Vec<(i32, Status)>,
    title: impl Fn(&str, &str) -> String,
    note: impl Fn(&str) -> String,
) -> Vec<Reminder> {
    let due = format_date(rule.deadline(rule.due_date(&Period::Quarter(quarter))));
    (judged.into_iter())
        .filter(|(_, status)| matches!(status, Status::DueSoon | Status::Overdue))
        .filter_map(|(grid, status)| {
            let (_, unit) = units.iter().find(|(id, _)| *id == grid)?;
            Some(Reminder {
                title: title(unit, &quarter.label()),
                note: note(&due),
                status,
                report: None,
            })
        })
        .collect()
}
