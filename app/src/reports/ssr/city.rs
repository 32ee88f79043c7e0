//! The city bureau's part of the review board: every township and department side by side.
use super::duty::{Judged, judge};
use crate::auth::ssr::Grids;
use crate::db::{grid, monthly_report, visit};
use crate::domain::cadence::{Obligation, Period, Subject, summary};
use crate::domain::grid::GridKind;
use crate::domain::period::Month;
use crate::domain::report::ReviewStatus;
use crate::error::AppError;
use crate::reports::api::TownshipFigures;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;

/// Every township of the city side by side: this month's reports and visits, and last
/// month's completeness and timeliness (by then final, or nearly).
pub(super) async fn city(
    db: &impl ConnectionTrait,
    grids: &Grids,
    month: Month,
    today: time::Date,
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
    let city_month = CityMonth {
        month,
        judged: judge(db, &lower, &arrivals, &months, today).await?,
        visits: visits_by_grid(db, month).await?,
        reports,
    };
    // In id order, as the grids are.
    Ok(grids
        .all()
        .iter()
        .filter(|g| GridKind::from_code(&g.kind).is_some_and(GridKind::is_level_two))
        .map(|township| {
            let own: Vec<i32> = placed
                .iter()
                .filter(|(_, t)| *t == township.id)
                .map(|(g, _)| g.id)
                .collect();
            city_month.township(township, &own)
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

/// Each grid's visits in `month`.
async fn visits_by_grid(
    db: &impl ConnectionTrait,
    month: Month,
) -> Result<HashMap<i32, i64>, AppError> {
    Ok(visit::Entity::find()
        .select_only()
        .column(visit::Column::GridId)
        .column_as(visit::Column::Id.count(), "n")
        .filter(visit::Column::VisitDate.between(month.first_day(), month.last_day()))
        .group_by(visit::Column::GridId)
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// The city's month: its reports (and the month before's), the duty judged, the visits.
struct CityMonth {
    month: Month,
    reports: Vec<(i32, String, i64, String)>,
    judged: Judged,
    visits: HashMap<i32, i64>,
}

impl CityMonth {
    /// The figures of `township`, whose open reporting grids are `own`.
    fn township(&self, township: &grid::Model, own: &[i32]) -> TownshipFigures {
        let this = self.month.to_string();
        let statuses: Vec<&String> = self
            .reports
            .iter()
            .filter(|(g, m, _, _)| *m == this && own.contains(g))
            .map(|(_, _, _, status)| status)
            .collect();
        let last: Vec<Obligation> = self
            .judged
            .obligations
            .iter()
            .filter(|o| o.period == Period::Month(self.month.prev()))
            .filter(|o| matches!(o.subject, Subject::Grid(id) if own.contains(&id)))
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
                .map(|g| self.visits.get(g).copied().unwrap_or(0).unsigned_abs())
                .sum(),
        }
    }
}
