//! Each led grid's records of a month as the server holds them (every member's, and for a
//! work area those of the grids below it), quoted by the leader's 情况汇报.
use crate::db::{grid_activity, training, visit};
use crate::domain::grid_tree::GridTree;
use crate::domain::period::Month;
use crate::domain::report::MonthFigures;
use crate::duties::api::GridMonthFigures;
use crate::error::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::BTreeSet;
use time::Date;

pub async fn month_figures(
    db: &impl ConnectionTrait,
    tree: &GridTree,
    led: &[i32],
    months: &[Month],
) -> Result<Vec<GridMonthFigures>, AppError> {
    let below: Vec<(i32, BTreeSet<i32>)> = led.iter().map(|&g| (g, tree.subtree(g))).collect();
    let grids: Vec<i32> = below.iter().flat_map(|(_, b)| b.iter().copied()).collect();
    let (Some(first), Some(last)) = (
        months.iter().map(Month::first_day).min(),
        months.iter().map(Month::last_day).max(),
    ) else {
        return Ok(Vec::new());
    };
    if grids.is_empty() {
        return Ok(Vec::new());
    }
    let visits: Vec<(i32, Date)> = visit::Entity::find()
        .select_only()
        .column(visit::Column::GridId)
        .column(visit::Column::VisitDate)
        .filter(visit::Column::GridId.is_in(grids.clone()))
        .filter(visit::Column::VisitDate.between(first, last))
        .into_tuple()
        .all(db)
        .await?;
    let activities: Vec<(i32, Date)> = grid_activity::Entity::find()
        .select_only()
        .column(grid_activity::Column::GridId)
        .column(grid_activity::Column::ActivityDate)
        .filter(grid_activity::Column::GridId.is_in(grids.clone()))
        .filter(grid_activity::Column::ActivityDate.between(first, last))
        .into_tuple()
        .all(db)
        .await?;
    let trainings: Vec<(i32, Date)> = training::Entity::find()
        .select_only()
        .column(training::Column::GridId)
        .column(training::Column::TrainingDate)
        .filter(training::Column::GridId.is_in(grids))
        .filter(training::Column::TrainingDate.between(first, last))
        .into_tuple()
        .all(db)
        .await?;
    let count = |rows: &[(i32, Date)], grids: &BTreeSet<i32>, month: &Month| {
        rows.iter()
            .filter(|(g, day)| grids.contains(g) && month.contains(*day))
            .count()
    };
    Ok(below
        .iter()
        .flat_map(|(grid, grids)| months.iter().map(move |month| (*grid, grids, month)))
        .map(|(grid, grids, month)| GridMonthFigures {
            grid_id: grid,
            month: month.to_string(),
            figures: MonthFigures {
                visits: count(&visits, grids, month),
                activities: count(&activities, grids, month),
                trainings: count(&trainings, grids, month),
            },
        })
        .collect())
}
