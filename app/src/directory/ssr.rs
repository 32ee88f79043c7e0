//! Directory queries, always limited to what the viewer may see.
use crate::auth::ssr::Viewer;
use crate::db::{enterprise, grid};
use crate::directory::api::{Directory, EnterpriseSummary, GridSummary};
use crate::domain::grid::{GridKind, Industry};
use crate::error::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

pub async fn directory_for(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
) -> Result<Directory, AppError> {
    let ids: Vec<i32> = viewer.visible.iter().copied().collect();
    let grids = grid::Entity::find()
        .filter(grid::Column::Id.is_in(ids.clone()))
        .filter(grid::Column::Closed.eq(false))
        .order_by_asc(grid::Column::Id)
        .all(db)
        .await?;
    let enterprises = enterprise::Entity::find()
        .filter(enterprise::Column::GridId.is_in(ids))
        .filter(enterprise::Column::Closed.eq(false))
        .order_by_asc(enterprise::Column::Id)
        .all(db)
        .await?;
    Ok(Directory {
        grids: grids.into_iter().map(grid_summary).collect(),
        enterprises: enterprises.into_iter().map(enterprise_summary).collect(),
    })
}

/// The enterprise, if the viewer may see it.
pub async fn visible_enterprise(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: i32,
) -> Result<Option<enterprise::Model>, AppError> {
    let found = enterprise::Entity::find_by_id(id).one(db).await?;
    Ok(found.filter(|e| viewer.visible.contains(&e.grid_id)))
}

fn grid_summary(g: grid::Model) -> GridSummary {
    GridSummary {
        id: g.id,
        parent_id: g.parent_id,
        level: g.level,
        kind: GridKind::from_code(&g.kind).unwrap_or(GridKind::Enterprise),
        name: g.name,
    }
}

fn enterprise_summary(e: enterprise::Model) -> EnterpriseSummary {
    EnterpriseSummary {
        id: e.id,
        grid_id: e.grid_id,
        name: e.name,
        credit_code: e.credit_code,
        industry: Industry::from_code(&e.industry).unwrap_or(Industry::Other),
        above_scale: e.above_scale,
        cultivation: e.cultivation,
    }
}
