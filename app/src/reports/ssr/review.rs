//! The township's side: the month's reports of its grids with the cadence's judgement, and
//! review steps (approve, return, unlock), each kept in the report's history.
use crate::admin::ssr::audit;
use crate::auth::ssr::{Grids, Viewer};
use crate::cadence::ssr::{policy, waive, waivers};
use crate::db::{grid, monthly_report, person, report_event, visit};
use crate::domain::cadence::{
    Completeness, Fact, FactKind, Obligation, ObligationKind, Period, Status, Subject, Subjects,
    Waiver, evaluate, summary,
};
use crate::domain::grid::GridKind;
use crate::domain::period::{Month, format_date, format_shanghai_minute, shanghai_date};
use crate::domain::report::{ReviewAction, ReviewStatus, review as next_status};
use crate::error::AppError;
use crate::reports::api::{
    GridMonths, HistoryEntry, ReportRow, ReportTrend, ReportView, ReviewBoard, TownshipFigures,
};
use crate::township::ssr::{Scope, resolve_scope};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};
use std::collections::{BTreeSet, HashMap};
use uuid::Uuid;

pub async fn board(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    scope: Option<i32>,
    month: Option<String>,
) -> Result<ReviewBoard, AppError> {
    let today = viewer.today()?;
    let month = match month.as_deref().filter(|m| !m.is_empty()) {
        Some(m) => Month::parse(m).map_err(|e| AppError::Invalid(e.to_string()))?,
        None => Month::of(today),
    };
    let Scope {
        scopes,
        scope_id,
        enterprise_grids,
        enterprises,
    } = resolve_scope(db, viewer, scope).await?;
    let grid_ids: Vec<i32> = enterprise_grids.iter().map(|g| g.id).collect();
    let reports: HashMap<i32, monthly_report::Model> = monthly_report::Entity::find()
        .filter(monthly_report::Column::GridId.is_in(grid_ids.clone()))
        .filter(monthly_report::Column::Month.eq(month.to_string()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.grid_id, r))
        .collect();
    let events = report_event::Entity::find()
        .filter(report_event::Column::ReportId.is_in(reports.values().map(|r| r.id)))
        .order_by_asc(report_event::Column::Id)
        .all(db)
        .await?;
    let people: BTreeSet<i32> = reports
        .values()
        .map(|r| r.person_id)
        .chain(events.iter().map(|e| e.person_id))
        .collect();
    let names: HashMap<i32, String> = person::Entity::find()
        .filter(person::Column::Id.is_in(people))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    // Counted by the database: a month of a large township is thousands of visits.
    let visits: HashMap<i32, (i64, i64)> = visit::Entity::find()
        .select_only()
        .column(visit::Column::GridId)
        .column_as(visit::Column::Id.count(), "visits")
        .column_as(
            Expr::col(visit::Column::EnterpriseId).count_distinct(),
            "enterprises",
        )
        .filter(visit::Column::GridId.is_in(grid_ids))
        .filter(visit::Column::VisitDate.between(month.first_day(), month.last_day()))
        .group_by(visit::Column::GridId)
        .into_tuple::<(i32, i64, i64)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(grid, n, e)| (grid, (n, e)))
        .collect();
    let mut open_enterprises: HashMap<i32, usize> = HashMap::new();
    for e in enterprises.values().filter(|e| !e.closed) {
        *open_enterprises.entry(e.grid_id).or_default() += 1;
    }

    let months = last_months(month, TREND_MONTHS);
    let history: Vec<(i32, String, i64)> = monthly_report::Entity::find()
        .select_only()
        .column(monthly_report::Column::GridId)
        .column(monthly_report::Column::Month)
        .column(monthly_report::Column::FirstReceivedAtMs)
        .filter(monthly_report::Column::GridId.is_in(enterprise_grids.iter().map(|g| g.id)))
        .filter(monthly_report::Column::Month.is_in(months.iter().map(Month::to_string)))
        .into_tuple()
        .all(db)
        .await?;
    let judged = judge(db, &enterprise_grids, &history, &months, today).await?;
    let due = judged.due.get(&month).cloned().unwrap_or_default();
    let rows = enterprise_grids
        .iter()
        .map(|g| {
            let report = reports.get(&g.id).map(|r| {
                let (n, visited) = visits.get(&g.id).copied().unwrap_or((0, 0));
                let figures = MonthFigures {
                    visits: usize::try_from(n).unwrap_or(0),
                    visited: usize::try_from(visited).unwrap_or(0),
                    enterprises: open_enterprises.get(&g.id).copied().unwrap_or(0),
                };
                view(r, &events, &names, figures)
            });
            ReportRow {
                grid_id: g.id,
                grid_name: g.name.clone(),
                duty: judged.statuses.get(&(g.id, month)).cloned(),
                report,
            }
        })
        .collect();
    Ok(ReviewBoard {
        scopes,
        scope_id,
        month: month.to_string(),
        due,
        rows,
        trend: trend(&enterprise_grids, &months, &judged),
        city: if viewer.is_city_admin() {
            city(db, &viewer.grids, month, today).await?
        } else {
            Vec::new()
        },
    })
}

/// Every township of the city side by side: this month's reports and visits, and last
/// month's completeness and timeliness (by then final, or nearly).
async fn city(
    db: &impl ConnectionTrait,
    grids: &Grids,
    month: Month,
    today: time::Date,
) -> Result<Vec<TownshipFigures>, AppError> {
    let townships: HashMap<i32, &grid::Model> = grids
        .all()
        .iter()
        .filter(|g| g.kind == GridKind::Township.code())
        .map(|g| (g.id, g))
        .collect();
    // Each open enterprise grid with the township above it.
    let placed: Vec<(grid::Model, i32)> = grids
        .all()
        .iter()
        .filter(|g| g.kind == GridKind::Enterprise.code() && !g.closed)
        .filter_map(|g| Some((g.clone(), grids.tree.township_of(g.id)?)))
        .collect();
    let lower: Vec<grid::Model> = placed.iter().map(|(g, _)| g.clone()).collect();
    let months = [month.prev(), month];
    let history: Vec<(i32, String, i64, String)> = monthly_report::Entity::find()
        .select_only()
        .column(monthly_report::Column::GridId)
        .column(monthly_report::Column::Month)
        .column(monthly_report::Column::FirstReceivedAtMs)
        .column(monthly_report::Column::Status)
        .filter(monthly_report::Column::Month.is_in(months.iter().map(Month::to_string)))
        .into_tuple()
        .all(db)
        .await?;
    let facts: Vec<(i32, String, i64)> = history
        .iter()
        .map(|(g, m, at, _)| (*g, m.clone(), *at))
        .collect();
    let judged = judge(db, &lower, &facts, &months, today).await?;
    let visits: HashMap<i32, i64> = visit::Entity::find()
        .select_only()
        .column(visit::Column::GridId)
        .column_as(visit::Column::Id.count(), "n")
        .filter(visit::Column::VisitDate.between(month.first_day(), month.last_day()))
        .group_by(visit::Column::GridId)
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let this = month.to_string();
    let mut out: Vec<TownshipFigures> = Vec::new();
    let mut ordered: Vec<&grid::Model> = townships.values().copied().collect();
    ordered.sort_by_key(|g| g.id);
    for township in ordered {
        let own: Vec<i32> = placed
            .iter()
            .filter(|(_, t)| *t == township.id)
            .map(|(g, _)| g.id)
            .collect();
        let reports: Vec<&String> = history
            .iter()
            .filter(|(g, m, _, _)| *m == this && own.contains(g))
            .map(|(_, _, _, status)| status)
            .collect();
        let last: Vec<Obligation> = judged
            .obligations
            .iter()
            .filter(|o| o.period == Period::Month(months[0]))
            .filter(|o| matches!(o.subject, Subject::Grid(id) if own.contains(&id)))
            .cloned()
            .collect();
        let figures = summary(&last);
        out.push(TownshipFigures {
            name: township.name.clone(),
            grids: own.len(),
            reported: reports.len(),
            approved: reports
                .iter()
                .filter(|s| s.as_str() == ReviewStatus::Approved.code())
                .count(),
            completeness: figures.completeness_percent(),
            timeliness: figures.timeliness_percent(),
            visits: own
                .iter()
                .map(|g| visits.get(g).copied().unwrap_or(0).unsigned_abs())
                .sum(),
        });
    }
    Ok(out)
}

/// Months in the trend.
const TREND_MONTHS: usize = 6;

/// `count` months ending with `last`, oldest first.
fn last_months(last: Month, count: usize) -> Vec<Month> {
    let mut months = vec![last];
    while months.len() < count {
        let earlier = months[months.len() - 1].prev();
        months.push(earlier);
    }
    months.reverse();
    months
}

fn trend(grids: &[grid::Model], months: &[Month], judged: &Judged) -> ReportTrend {
    let per_month: Vec<Completeness> = months
        .iter()
        .map(|m| {
            summary(
                &judged
                    .obligations
                    .iter()
                    .filter(|o| o.period == Period::Month(*m))
                    .cloned()
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    ReportTrend {
        months: months.iter().map(Month::to_string).collect(),
        grids: grids
            .iter()
            .map(|g| GridMonths {
                grid_name: g.name.clone(),
                cells: months
                    .iter()
                    .map(|m| judged.statuses.get(&(g.id, *m)).cloned())
                    .collect(),
            })
            .collect(),
        completeness: per_month.iter().map(|c| c.completeness_percent()).collect(),
        timeliness: per_month.iter().map(|c| c.timeliness_percent()).collect(),
    }
}

/// The report duty judged for each grid and month.
pub(super) struct Judged {
    pub obligations: Vec<Obligation>,
    pub statuses: HashMap<(i32, Month), Status>,
    /// The last on-time day of each month's report.
    pub due: HashMap<Month, String>,
}

/// The report duty of each grid for each of `months` by the policy in force; a report
/// counts from the day its first version arrived (`history`: grid, month, first arrival).
pub(super) async fn judge(
    db: &impl ConnectionTrait,
    grids: &[grid::Model],
    history: &[(i32, String, i64)],
    months: &[Month],
    today: time::Date,
) -> Result<Judged, AppError> {
    let (mut policy, _) = policy(db).await?;
    policy
        .rules
        .retain(|r| r.kind == ObligationKind::MonthlyLeaderReport);
    let mut judged = Judged {
        obligations: Vec::new(),
        statuses: HashMap::new(),
        due: HashMap::new(),
    };
    let (Some(rule), Some(first)) = (policy.rules.first(), months.first()) else {
        return Ok(judged);
    };
    for m in months {
        let period = Period::Month(*m);
        judged
            .due
            .insert(*m, format_date(rule.deadline(rule.due_date(&period))));
    }
    let periods: Vec<Period> = months.iter().map(|m| Period::Month(*m)).collect();
    let waived = waivers(db, &rule.kind, &periods).await?;
    let facts: Vec<Fact> = history
        .iter()
        .filter_map(|(grid, month, first_ms)| {
            Some(Fact {
                period: Some(Period::Month(Month::parse(month).ok()?)),
                ..Fact::new(
                    FactKind::LeaderReport,
                    Subject::Grid(*grid),
                    shanghai_date(*first_ms)?,
                )
            })
        })
        .collect();
    let subjects = Subjects {
        grids: grids.iter().map(|g| (g.id, GridKind::Enterprise)).collect(),
        ..Subjects::default()
    };
    judged.obligations = evaluate(
        &policy,
        &subjects,
        &facts,
        &waived,
        first.first_day(),
        today,
    )
    .into_iter()
    .filter(|o| matches!(o.period, Period::Month(m) if months.contains(&m)))
    .collect();
    judged.statuses = judged
        .obligations
        .iter()
        .filter_map(|o| match (o.subject, o.period) {
            (Subject::Grid(id), Period::Month(m)) => Some(((id, m), o.status.clone())),
            _ => None,
        })
        .collect();
    Ok(judged)
}

/// A grid's month beside its report: visits, enterprises visited, open enterprises.
struct MonthFigures {
    visits: usize,
    visited: usize,
    enterprises: usize,
}

fn view(
    r: &monthly_report::Model,
    events: &[report_event::Model],
    names: &HashMap<i32, String>,
    figures: MonthFigures,
) -> ReportView {
    let name = |id: i32| names.get(&id).cloned().unwrap_or_default();
    ReportView {
        id: r.id,
        version: u32::try_from(r.version).unwrap_or(1),
        status: ReviewStatus::from_code(&r.status).unwrap_or(ReviewStatus::Submitted),
        author: name(r.person_id),
        work_done: r.work_done.clone(),
        problems: r.problems.clone(),
        next_steps: r.next_steps.clone(),
        visits: figures.visits,
        visited_enterprises: figures.visited,
        enterprises: figures.enterprises,
        history: events
            .iter()
            .filter(|e| e.report_id == r.id)
            .map(|e| HistoryEntry {
                at: format_shanghai_minute(e.at_ms),
                person: name(e.person_id),
                action: action_label(&e.action).to_owned(),
                version: u32::try_from(e.version).unwrap_or(1),
                comment: e.comment.clone(),
            })
            .collect(),
    }
}

fn action_label(action: &str) -> &str {
    match action {
        "submitted" => "提交",
        "resubmitted" => "重新提交",
        "approved" => "通过",
        "returned" => "退回",
        "unlocked" => "解锁",
        other => other,
    }
}

pub async fn review(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    version: u32,
    action: ReviewAction,
    comment: &str,
) -> Result<(), AppError> {
    let tx = db.begin().await?;
    let row = monthly_report::Entity::find_by_id(id)
        .one(&tx)
        .await?
        .ok_or_else(|| AppError::Invalid("找不到这份汇报，请刷新后再试".into()))?;
    if !viewer.reviews(row.grid_id) {
        return Err(AppError::Forbidden);
    }
    if u32::try_from(row.version).ok() != Some(version) {
        return Err(AppError::Invalid(
            "网格长已修改这份汇报，请刷新后查看新版本再审核".into(),
        ));
    }
    let status = ReviewStatus::from_code(&row.status).ok_or(AppError::Internal)?;
    let (next, comment) =
        next_status(status, action, comment).map_err(|e| AppError::Invalid(e.to_string()))?;
    let at_ms = viewer.now_ms;
    let key = format!("{}/{}", row.grid_id, row.month);
    let mut active: monthly_report::ActiveModel = row.into();
    active.status = Set(next.code().to_owned());
    active.review_comment = Set((!comment.is_empty()).then(|| comment.clone()));
    active.updated_at_ms = Set(at_ms);
    active.update(&tx).await?;
    report_event::Entity::insert(report_event::ActiveModel {
        report_id: Set(id),
        version: Set(i32::try_from(version).unwrap_or(i32::MAX)),
        action: Set(action.code().to_owned()),
        comment: Set((!comment.is_empty()).then_some(comment.clone())),
        content: Set(None),
        person_id: Set(viewer.person_id()),
        at_ms: Set(at_ms),
        ..Default::default()
    })
    .exec_without_returning(&tx)
    .await?;
    // Unlocking reopens a closed month: the city's audit log keeps it beside the history.
    if action == ReviewAction::Unlock {
        audit::record(
            &tx,
            audit::Actor::of(viewer),
            "unlock_report",
            "monthly_report",
            &key,
            Some(&status.code().to_owned()),
            Some(&comment),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Excuses a grid's report for a month, with the reason (kept and audited).
pub async fn waive_report(
    db: &DatabaseConnection,
    viewer: &Viewer,
    grid_id: i32,
    month: &str,
    reason: &str,
) -> Result<(), AppError> {
    let month = Month::parse(month).map_err(|e| AppError::Invalid(e.to_string()))?;
    let reason = Waiver::check_reason(reason).map_err(|e| AppError::Invalid(e.to_string()))?;
    if !viewer.reviews(grid_id) {
        return Err(AppError::Forbidden);
    }
    let tx = db.begin().await?;
    waive(
        &tx,
        &Waiver {
            kind: ObligationKind::MonthlyLeaderReport,
            subject: Subject::Grid(grid_id),
            period: Period::Month(month),
            reason,
            by_person: viewer.person_id(),
            at_ms: viewer.now_ms,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
