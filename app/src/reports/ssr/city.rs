//! The city bureau's part of the review board: every township and department side by side.
use super::duty::judge;
use crate::auth::grids::Grids;
use crate::db::{grid, monthly_report};
use crate::domain::cadence::{Obligation, Period, Subject, summary};
use crate::domain::grid::GridKind;
use crate::domain::period::Month;
use crate::domain::report::ReviewStatus;
use crate::error::AppError;
use crate::reports::api::TownshipFigures;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;

/// Every township of the city side by side: this month's reports and visits (`visits`: each
/// grid's, as [`visit_counts`](crate::township::ssr::visit_counts) gives them), and last
/// month's completeness and timeliness (by then final, or nearly).
pub(super) async fn city(
    db: &impl ConnectionTrait,
    grids: &Grids,
    month: Month,
    today: time::Date,
    visits: &HashMap<i32, (usize, usize)>,
) -> Result<Vec<TownshipFigures>, AppError> {
    // Each open grid that reports monthly with the township above it.
    let placed: Vec<(grid::Model, i32)> = grids
        .all()
        .iter()
        .filter(|g| GridKind::code_reports_monthly(&g.kind) && !g.closed)
        .filter_map(|g| Some((g.clone(), grids.tree.unit_of(g.id)?)))
        .collect();
    let lower: Vec<grid::Model> = placed.iter().map(|(g, _)| g.clone()).collect();
    let months = [month.prev(), month];
    let reports = reports_of(db, &months).await?;
    let arrivals: Vec<(i32, String, i64)> = reports
        .iter()
        .map(|(g, m, at, _)| (*g, m.clone(), *at))
        .collect();
    let judged = judge(db, &lower, &arrivals, &months, today).await?;
    // Grouped by grid once, so each township reads only its own grids' (a province has
    // thousands of townships and grids).
    let this = month.to_string();
    let mut statuses: HashMap<i32, Vec<String>> = HashMap::new();
    for (grid, _, _, status) in reports.into_iter().filter(|r| r.1 == this) {
        statuses.entry(grid).or_default().push(status);
    }
    let mut last: HashMap<i32, Vec<Obligation>> = HashMap::new();
    for o in judged.obligations {
        if let (Subject::Grid(id), true) = (&o.subject, o.period == Period::Month(month.prev())) {
            last.entry(*id).or_default().push(o);
        }
    }
    let mut own: HashMap<i32, Vec<i32>> = HashMap::new();
    for (g, township) in &placed {
        own.entry(*township).or_default().push(g.id);
    }
    let city_month = CityMonth {
        statuses,
        last,
        visits,
    };
    // In id order, as the grids are.
    Ok(grids
        .all()
        .iter()
        .filter(|g| GridKind::from_code(&g.kind).is_some_and(GridKind::is_level_two))
        .map(|township| {
            let own = own.get(&township.id).map_or(&[][..], Vec::as_slice);
            city_month.township(township, own)
        })
        .collect())
}

/// Every grid's reports of `months`: (grid, month, first arrival, status).
async fn reports_of(
    db: &impl ConnectionTrait,
    months: &[Month],
) -> Result<Vec<(i32, String, i64, String)>, AppError> {
    Ok(monthly_report::Entity::find()
        .select_only()
        .column(monthly_report::Column::GridId)
        .column(monthly_report::Column::Month)
        .column(monthly_report::Column::FirstReceivedAtMs)
        .column(monthly_report::Column::Status)
        .filter(monthly_report::Column::Month.is_in(months.iter().map(Month::to_string)))
        .into_tuple()
        .all(db)
        .await?)
}

/// The city's month, by grid: this month's report statuses, last month's duties judged, the
/// visits.
struct CityMonth<'a> {
    statuses: HashMap<i32, Vec<String>>,
    last: HashMap<i32, Vec<Obligation>>,
    visits: &'a HashMap<i32, (usize, usize)>,
}

impl CityMonth<'_> {
    /// The figures of `township`, whose open reporting grids are `own`.
    fn township(&self, township: &grid::Model, own: &[i32]) -> TownshipFigures {
        let statuses: Vec<&String> = (own.iter())
            .filter_map(|g| self.statuses.get(g))
            .flatten()
            .collect();
        let last: Vec<Obligation> = (own.iter())
            .filter_map(|g| self.last.get(g))
            .flatten()
            .cloned()
            .collect();
        let figures = summary(&last);
        TownshipFigures {
            name: township.name.clone(),
            grids: own.len(),
            reported: statuses.len(),
            approved: statuses
                .iter()
                .filter(|s| s.as_str() == ReviewStatus::Approved.code())
                .count(),
            completeness: figures.completeness_percent(),
            timeliness: figures.timeliness_percent(),
            visits: own
                .iter()
                .map(|g| self.visits.get(g).map_or(0, |(visits, _)| *visits as u64))
                .sum(),
        }
    }
}
