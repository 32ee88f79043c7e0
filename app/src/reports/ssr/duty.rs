//! The monthly report duty as the cadence judges it, and its trend over the last months, for
//! the review board and reminders.
use crate::cadence::ssr::{policy, waivers};
use crate::db::grid;
use crate::domain::cadence::{
    Completeness, Fact, FactKind, Obligation, ObligationKind, Period, Status, Subject, Subjects,
    evaluate_between, summary,
};
use crate::domain::grid::GridKind;
use crate::domain::period::{Month, format_date, shanghai_date};
use crate::error::AppError;
use crate::reports::api::{GridMonths, ReportTrend};
use sea_orm::ConnectionTrait;
use std::collections::HashMap;

/// Months in the trend.
pub(super) const TREND_MONTHS: usize = 6;

/// `count` months ending with `last`, oldest first.
pub(super) fn last_months(last: Month, count: usize) -> Vec<Month> {
    let mut months = vec![last];
    while months.len() < count {
        let earlier = months[months.len() - 1].prev();
        months.push(earlier);
    }
    months.reverse();
    months
}

pub(super) fn trend(grids: &[grid::Model], months: &[Month], judged: &Judged) -> ReportTrend {
    let per_month: Vec<Completeness> = months
        .iter()
        .map(|m| {
            summary(
                judged
                    .obligations
                    .iter()
                    .filter(|o| o.period == Period::Month(*m)),
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

/// The report duty of each grid for each of `months` (consecutive, oldest first) by the
/// policy in force; a report counts from the day its first version arrived (`history`: grid,
/// month, first arrival).
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
    let (Some(rule), Some(first), Some(last)) =
        (policy.rules.first(), months.first(), months.last())
    else {
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
        grids: grids
            .iter()
            .filter_map(|g| Some((g.id, GridKind::from_code(&g.kind)?)))
            .collect(),
        ..Subjects::default()
    };
    judged.obligations = evaluate_between(
        &policy,
        &subjects,
        &facts,
        &waived,
        first.first_day(),
        last.last_day(),
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
