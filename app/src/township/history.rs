//! 走访趋势: visits per month over the last year, and the visit cadence's completeness and
//! timeliness for the last four quarters, for a scope. Loaded after the overview: the page
//! shows the month first.
use super::api::{GridQuarter, MonthVisits, QuarterFigures, TownshipHistory};
use super::coverage::by_grid;
use super::ssr::{Scope, resolve_scope, scope_enterprises};
use crate::auth::ssr::Viewer;
use crate::cadence::ssr::judge_visits;
use crate::db::visit;
use crate::domain::cadence::summary;
use crate::domain::period::{Month, Quarter};
use crate::error::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::BTreeMap;

const MONTHS: usize = 12;
const QUARTERS: usize = 4;

pub async fn history(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    scope: Option<i32>,
) -> Result<TownshipHistory, AppError> {
    let today = viewer.today()?;
    let Scope {
        scope_id,
        enterprise_grids,
        ..
    } = resolve_scope(viewer, scope)?;
    let enterprises = scope_enterprises(db, &enterprise_grids).await?;
    let grid_ids: Vec<i32> = enterprise_grids.iter().map(|g| g.id).collect();

    let this_month = Month::of(today);
    let mut months = vec![this_month];
    while months.len() < MONTHS {
        let earliest = months[months.len() - 1];
        months.push(earliest.prev());
    }
    months.reverse();
    let dates: Vec<time::Date> = visit::Entity::find()
        .select_only()
        .column(visit::Column::VisitDate)
        .filter(visit::Column::GridId.is_in(grid_ids.clone()))
        .filter(visit::Column::VisitDate.between(months[0].first_day(), this_month.last_day()))
        .into_tuple()
        .all(db)
        .await?;
    let mut per_month: BTreeMap<Month, usize> = months.iter().map(|m| (*m, 0)).collect();
    for d in dates {
        *per_month.entry(Month::of(d)).or_default() += 1;
    }

    let open: Vec<i32> = enterprises
        .values()
        .filter(|e| !e.closed)
        .map(|e| e.id)
        .collect();
    let mut quarters = vec![Quarter::of(today)];
    while quarters.len() < QUARTERS {
        let earliest = quarters[quarters.len() - 1];
        quarters.push(earliest.prev());
    }
    // One policy for every quarter shown: it is read once, not per quarter.
    let (policy, _) = crate::cadence::ssr::policy(db).await?;
    let mut figures = Vec::new();
    for quarter in quarters {
        let judged = judge_visits(db, &policy, quarter, today, &grid_ids, &open).await?;
        let mut grouped = by_grid(&judged.obligations, &enterprises);
        let grids = enterprise_grids
            .iter()
            .map(|g| {
                let c = summary(&grouped.remove(&g.id).unwrap_or_default());
                GridQuarter {
                    grid_name: g.name.clone(),
                    completeness: c.completeness_percent(),
                    timeliness: c.timeliness_percent(),
                }
            })
            .collect();
        let all = summary(&judged.obligations);
        figures.push(QuarterFigures {
            quarter: quarter.label(),
            completeness: all.completeness_percent(),
            timeliness: all.timeliness_percent(),
            grids,
        });
    }
    Ok(TownshipHistory {
        scope_id,
        months: per_month
            .into_iter()
            .map(|(m, visits)| MonthVisits {
                month: m.to_string(),
                visits,
            })
            .collect(),
        quarters: figures,
    })
}
