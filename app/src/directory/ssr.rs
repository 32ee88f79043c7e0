//! Directory queries, always limited to what the viewer may see.
use crate::auth::ssr::Viewer;
use crate::db::{enterprise, grid, person, role_assignment};
use crate::directory::api::{Directory, EnterpriseSummary, GridSummary, MemberSummary};
use crate::domain::grid::{GridKind, Industry, Role};
use crate::domain::permission::Ability;
use crate::domain::progress_report::FixedReport;
use crate::error::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::{BTreeSet, HashMap};

pub async fn directory_for(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
) -> Result<Directory, AppError> {
    let ids: Vec<i32> = viewer.visible.iter().copied().collect();
    let grids = viewer
        .grids
        .all()
        .iter()
        .filter(|g| viewer.visible.contains(&g.id) && !g.closed);
    let enterprises = enterprise::Entity::find()
        .filter(enterprise::Column::GridId.is_in(ids))
        .filter(enterprise::Column::Closed.eq(false))
        .order_by_asc(enterprise::Column::Id)
        .all(db)
        .await?;
    let own: BTreeSet<i32> = viewer
        .profile
        .activity_grids()
        .iter()
        .map(|r| r.grid_id)
        .collect();
    let filing: Vec<GridKind> = (viewer.profile)
        .grids_permitting(Ability::ReportProgress)
        .iter()
        .map(|r| r.kind)
        .collect();
    let (policy, _) = crate::cadence::ssr::policy(db).await?;
    let mut fixed_reports = FixedReport::all_in(&policy);
    fixed_reports.retain(|r| filing.contains(&r.grid_kind));
    Ok(Directory {
        grids: grids.map(grid_summary).collect(),
        enterprises: enterprises.into_iter().map(enterprise_summary).collect(),
        members: named(db, crate::grid_scope::role_holders(db, viewer, &own).await?).await?,
        fixed_reports,
        stats_homes: crate::stats_homes::ssr::for_grids(db, viewer, &own).await?,
    })
}

/// Everyone holding a role in `grids`, by grid, leaders first.
pub async fn members_of(
    db: &impl ConnectionTrait,
    grids: &[i32],
) -> Result<Vec<MemberSummary>, AppError> {
    if grids.is_empty() {
        return Ok(Vec::new());
    }
    let roles = role_assignment::Entity::find()
        .filter(role_assignment::Column::GridId.is_in(grids.to_vec()))
        .all(db)
        .await?;
    named(db, roles.into_iter().map(|r| (r.grid_id, r)).collect()).await
}

/// The people of `held`, each listed under the grid it is paired with, leaders first.
async fn named(
    db: &impl ConnectionTrait,
    held: Vec<(i32, role_assignment::Model)>,
) -> Result<Vec<MemberSummary>, AppError> {
    if held.is_empty() {
        return Ok(Vec::new());
    }
    let names: HashMap<i32, String> = person::Entity::find()
        .filter(person::Column::Id.is_in(held.iter().map(|(_, r)| r.person_id)))
        .filter(person::Column::Active.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let mut members: Vec<MemberSummary> = held
        .into_iter()
        .filter_map(|(grid_id, r)| {
            Some(MemberSummary {
                name: names.get(&r.person_id)?.clone(),
                person_id: r.person_id,
                grid_id,
                role: Role::from_code(&r.role)?,
            })
        })
        .collect();
    members.sort_by_key(|m| (m.grid_id, m.role, m.person_id));
    Ok(members)
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

fn grid_summary(g: &grid::Model) -> GridSummary {
    GridSummary {
        id: g.id,
        parent_id: g.parent_id,
        level: g.level,
        kind: GridKind::from_code(&g.kind).unwrap_or(GridKind::Enterprise),
        name: g.name.clone(),
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
