//! 权限一览's figures: how many people hold each role, by the kind of grid it is in.
use super::AdminSession;
use crate::admin::api::RoleHolding;
use crate::db::role_assignment;
use crate::domain::grid::{GridKind, Role};
use crate::error::AppError;
use sea_orm::EntityTrait;
use std::collections::{BTreeMap, BTreeSet};

impl AdminSession {
    /// Each (grid kind, role) held in an open grid, with the number of people holding it; a
    /// person holding a role in several grids of a kind counts once.
    pub async fn role_holders(&self) -> Result<Vec<RoleHolding>, AppError> {
        let grids = &self.viewer.grids;
        let mut holders: BTreeMap<(GridKind, Role), BTreeSet<i32>> = BTreeMap::new();
        for a in role_assignment::Entity::find().all(&self.db).await? {
            let Some(grid) = grids.get(a.grid_id).filter(|g| !g.closed) else {
                continue;
            };
            let (Some(kind), Some(role)) =
                (GridKind::from_code(&grid.kind), Role::from_code(&a.role))
            else {
                continue;
            };
            holders.entry((kind, role)).or_default().insert(a.person_id);
        }
        Ok(holders
            .into_iter()
            .map(|((kind, role), people)| RoleHolding {
                kind,
                role,
                people: people.len() as u64,
            })
            .collect())
    }
}
