//! The township's side: the month's reports of its grids with the cadence's judgement, and
//! review steps (approve, return, unlock), each kept in the report's history.
use super::city::city;
use super::duty::{TREND_MONTHS, judge, last_months, trend};
use crate::admin::ssr::audit;
use crate::auth::ssr::Viewer;
use crate::cadence::ssr::waive;
use crate::db::{grid, monthly_report, person, report_event};
use crate::domain::cadence::{ObligationKind, Period, Subject, Waiver};
use crate::domain::grid::GridKind;
use crate::domain::period::{Month, format_shanghai_minute, viewable_month};
use crate::domain::report::{ReviewAction, ReviewStatus, review as next_status};
use crate::error::AppError;
use crate::kinds::progress_reports::ssr as progress_reports;
use crate::reports::api::{HistoryEntry, ReportRow, ReportView, ReviewBoard};
use crate::reports::words;
use crate::sync::sequence;
use crate::township::ssr::{Scope, open_enterprise_counts, resolve_scope, visit_counts};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::{BTreeSet, HashMap};
use uuid::Uuid;

/// The township's review board for a month (this month unless `month` names one): each
/// enterprise grid of the chosen scope with its report and the cadence's judgement, the
/// trend of the last months, and for whoever oversees the city every township side by side.
pub async fn board(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    scope: Option<i32>,
    month: Option<String>,
) -> Result<ReviewBoard, AppError> {
    let today = viewer.today()?;
    let month = match month.as_deref().filter(|m| !m.is_empty()) {
        Some(m) => viewable_month(m, today).map_err(|e| AppError::BadRequest(e.to_string()))?,
        None => Month::of(today),
    };
    let Scope {
        scopes,
        scope_id,
        enterprise_grids,
        reporting_grids,
    } = resolve_scope(viewer, scope)?;
    let months = last_months(month, TREND_MONTHS);
    let history = first_arrivals(db, &reporting_grids, &months).await?;
    let judged = judge(db, &reporting_grids, &history, &months, today).await?;
    // A township's 经发办 staff report to its 分管领导 on no cadence: the unit's own row shows
    // in a month it has a report.
    let in_scope = viewer.grids.tree.subtree(scope_id);
    let units: Vec<grid::Model> = (viewer.grids.all().iter())
        .filter(|g| in_scope.contains(&g.id) && viewer.visible.contains(&g.id) && !g.closed)
        .filter(|g| GridKind::from_code(&g.kind).is_some_and(GridKind::holds_meetings))
        .cloned()
        .collect();
    let reported = [reporting_grids.clone(), units.clone()].concat();
    let reports = MonthReports::load(db, &reported, month).await?;
    // Open enterprises are counted only below the grids whose report is shown: a city's month
    // with few reports in does not count its hundred thousand.
    let shown: BTreeSet<i32> = (reports.by_grid.keys())
        .flat_map(|g| viewer.grids.tree.subtree(*g))
        .collect();
    let counted: Vec<grid::Model> = (enterprise_grids.iter())
        .filter(|g| shown.contains(&g.id))
        .cloned()
        .collect();
    let open_enterprises = open_enterprise_counts(db, &counted).await?;
    let grid_ids: Vec<i32> = enterprise_grids.iter().map(|g| g.id).collect();
    // Whoever oversees the city compares every township's visits below: every grid's are read
    // once for both.
    let oversees_city = viewer.profile.oversees_city();
    let visits = visit_counts(db, (!oversees_city).then_some(&grid_ids[..]), month).await?;
    // A work area's month is that of the enterprise grids below it (visits are counted per
    // enterprise grid, so the sums do not count an enterprise twice).
    let figures_below = |grid: i32| {
        let below = viewer.grids.tree.subtree(grid);
        let mut figures = MonthFigures {
            visits: 0,
            visited: 0,
            enterprises: 0,
        };
        for id in grid_ids.iter().filter(|id| below.contains(id)) {
            let (visits, visited) = visits.get(id).copied().unwrap_or_default();
            figures.visits += visits;
            figures.visited += visited;
            figures.enterprises += open_enterprises.get(id).copied().unwrap_or(0);
        }
        figures
    };
    let staff_rows = units
        .iter()
        .filter(|g| reports.by_grid.contains_key(&g.id))
        .map(|g| ReportRow {
            grid_id: g.id,
            grid_name: words::staff_report(&g.name),
            duty: None,
            report: reports.view(g.id, || figures_below(g.id)),
        });
    let rows = staff_rows
        .chain(reporting_grids.iter().map(|g| ReportRow {
            grid_id: g.id,
            grid_name: g.name.clone(),
            duty: judged.statuses.get(&(g.id, month)).cloned(),
            report: reports.view(g.id, || figures_below(g.id)),
        }))
        .collect();
    Ok(ReviewBoard {
        scopes,
        scope_id,
        month: month.to_string(),
        due: judged.due.get(&month).cloned().unwrap_or_default(),
        rows,
        trend: trend(&reporting_grids, &months, &judged),
        city: if oversees_city {
            city(db, &viewer.grids, month, today, &visits).await?
        } else {
            Vec::new()
        },
        deadlines: if oversees_city {
            let (policy, _) = crate::cadence::ssr::policy(db).await?;
            let filers = progress_reports::open_grids(&viewer.grids);
            progress_reports::board(db, &filers, &policy, today, Some(viewer)).await?
        } else {
            Vec::new()
        },
    })
}

/// The month's reports of some grids, with their history and the names of everyone in it.
struct MonthReports {
    by_grid: HashMap<i32, monthly_report::Model>,
    events: Vec<report_event::Model>,
    names: HashMap<i32, String>,
}

impl MonthReports {
    async fn load(
        db: &impl ConnectionTrait,
        grids: &[grid::Model],
        month: Month,
    ) -> Result<Self, AppError> {
        let by_grid: HashMap<i32, monthly_report::Model> = monthly_report::Entity::find()
            .filter(monthly_report::Column::GridId.is_in(grids.iter().map(|g| g.id)))
            .filter(monthly_report::Column::Month.eq(month.to_string()))
            .all(db)
            .await?
            .into_iter()
            .map(|r| (r.grid_id, r))
            .collect();
        let events = report_event::Entity::find()
            .filter(report_event::Column::ReportId.is_in(by_grid.values().map(|r| r.id)))
            .order_by_asc(report_event::Column::Id)
            .all(db)
            .await?;
        let people: BTreeSet<i32> = by_grid
            .values()
            .map(|r| r.person_id)
            .chain(events.iter().map(|e| e.person_id))
            .collect();
        let names = person::Entity::find()
            .filter(person::Column::Id.is_in(people))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p.name))
            .collect();
        Ok(MonthReports {
            by_grid,
            events,
            names,
        })
    }

    /// The grid's report as the board shows it, beside its month's `figures`.
    fn view(&self, grid: i32, figures: impl FnOnce() -> MonthFigures) -> Option<ReportView> {
        let r = self.by_grid.get(&grid)?;
        Some(view(r, &self.events, &self.names, figures()))
    }
}

/// When each report of `grids` for `months` first arrived: (grid, month, first arrival).
async fn first_arrivals(
    db: &impl ConnectionTrait,
    grids: &[grid::Model],
    months: &[Month],
) -> Result<Vec<(i32, String, i64)>, AppError> {
    Ok(monthly_report::Entity::find()
        .select_only()
        .column(monthly_report::Column::GridId)
        .column(monthly_report::Column::Month)
        .column(monthly_report::Column::FirstReceivedAtMs)
        .filter(monthly_report::Column::GridId.is_in(grids.iter().map(|g| g.id)))
        .filter(monthly_report::Column::Month.is_in(months.iter().map(Month::to_string)))
        .into_tuple()
        .all(db)
        .await?)
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
    let tx = crate::db::begin_write(db).await?;
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
    let status = ReviewStatus::from_code(&row.status).ok_or_else(AppError::internal)?;
    let (next, comment) =
        next_status(status, action, comment).map_err(|e| AppError::Invalid(e.to_string()))?;
    let at_ms = viewer.now_ms;
    let key = format!("{}/{}", row.grid_id, row.month);
    let mut active: monthly_report::ActiveModel = row.into();
    active.status = Set(next.code().to_owned());
    active.review_comment = Set((!comment.is_empty()).then(|| comment.clone()));
    active.updated_at_ms = Set(at_ms);
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
    // Last, so the change sequence stays locked only until the commit: the leader's next pull
    // brings the new status.
    active.change_seq = Set(sequence::next(&tx).await?);
    active.update(&tx).await?;
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
    let month =
        viewable_month(month, viewer.today()?).map_err(|e| AppError::BadRequest(e.to_string()))?;
    let reason = Waiver::check_reason(reason).map_err(|e| AppError::Invalid(e.to_string()))?;
    if !viewer.reviews(grid_id) {
        return Err(AppError::Forbidden);
    }
    let tx = crate::db::begin_write(db).await?;
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
