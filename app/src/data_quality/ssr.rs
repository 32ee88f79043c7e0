//! The checks read from the visits: those of this year whose purpose is 数据质量核查, in the grid
//! and below, for a viewer who oversees it.
use super::api::{DataQuality, OpenCheck};
use crate::auth::ssr::Viewer;
use crate::db::{enterprise, visit};
use crate::domain::data_quality::{Check, summarise};
use crate::domain::grid::{GridId, GridKind};
use crate::domain::period::format_date;
use crate::domain::permission::Ability;
use crate::domain::visit::VisitPurpose;
use crate::error::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;
use time::Date;

/// The checks of `grid` this year; `None` unless it is a level-2 unit or the city.
pub async fn checks(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    grid: GridId,
) -> Result<Option<DataQuality>, AppError> {
    if !viewer.permits_over(Ability::SeeBelow, grid) {
        return Err(AppError::Forbidden);
    }
    let Some(row) = viewer.grids.get(grid) else {
        return Ok(None);
    };
    if !GridKind::from_code(&row.kind).is_some_and(|k| k.is_level_two() || k == GridKind::City) {
        return Ok(None);
    }
    let year = viewer.today()?.year();
    let year_of = crate::domain::cadence::Period::Year(year);
    let (first, last) = (year_of.first_day(), year_of.last_day());
    let below: Vec<GridId> = viewer.grids.tree.subtree(grid).into_iter().collect();
    let rows: Vec<(i32, i32, Date, i64, bool, String)> = visit::Entity::find()
        .select_only()
        .column(visit::Column::EnterpriseId)
        .column(visit::Column::GridId)
        .column(visit::Column::VisitDate)
        .column(visit::Column::ReceivedAtMs)
        .column(visit::Column::FollowUp)
        .column(visit::Column::Findings)
        .filter(visit::Column::GridId.is_in(below.iter().copied()))
        .filter(visit::Column::Purpose.eq(VisitPurpose::DataQuality.code()))
        .filter(visit::Column::VisitDate.between(first, last))
        .order_by_asc(visit::Column::VisitDate)
        .into_tuple()
        .all(db)
        .await?;
    let found: Vec<Check> = (rows.iter())
        .map(
            |&(enterprise_id, _, day, received_at_ms, follow_up, _)| Check {
                enterprise_id,
                day,
                received_at_ms,
                follow_up,
            },
        )
        .collect();
    let summary = summarise(&found);
    let enterprises: HashMap<i32, (String, bool)> = enterprise::Entity::find()
        .filter(enterprise::Column::GridId.is_in(below.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, (e.name, e.above_scale && !e.closed)))
        .collect();
    let checked: std::collections::HashSet<i32> = found.iter().map(|c| c.enterprise_id).collect();
    let above: Vec<i32> = (enterprises.iter())
        .filter(|(_, (_, above))| *above)
        .map(|(id, _)| *id)
        .collect();
    let grids = viewer.grids.names();
    let open = (summary.open.iter())
        .map(|&i| {
            let (enterprise_id, grid_id, day, _, _, findings) = &rows[i];
            OpenCheck {
                enterprise: (enterprises.get(enterprise_id))
                    .map(|(name, _)| name.clone())
                    .unwrap_or_default(),
                grid: grids.get(grid_id).cloned().unwrap_or_default(),
                day: format_date(*day),
                findings: findings.clone(),
            }
        })
        .collect();
    Ok(Some(DataQuality {
        unit: row.name.clone(),
        year,
        checks: summary.checks,
        enterprises: summary.enterprises,
        above_scale: above.len(),
        above_scale_checked: above.iter().filter(|id| checked.contains(id)).count(),
        resolved: summary.resolved,
        open,
    }))
}
