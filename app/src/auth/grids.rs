//! Every grid and the tree they form: what each request's viewer is judged by. A province has
//! thousands, so a server keeps the last ones it read and reads them again only when the
//! database's directory version, bumped by triggers on every change of a grid (migration 20),
//! has moved. Each request still reads the version, so servers behind one balancer never judge
//! by grids another server has changed.
use crate::db::grid;
use crate::domain::grid::{GridId, GridKind};
use crate::domain::grid_tree::GridTree;
use crate::sync::latest::DIRECTORY;
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, Statement};
use std::sync::{Arc, Mutex, MutexGuard};

/// Every grid in id order, and the tree they form.
#[derive(Debug)]
pub struct Grids {
    rows: Vec<grid::Model>,
    pub tree: GridTree,
}

impl Grids {
    /// `rows` in any order.
    pub fn new(mut rows: Vec<grid::Model>) -> Self {
        rows.sort_by_key(|g| g.id);
        let tree = GridTree::new(rows.iter().map(|g| {
            let kind = GridKind::from_code(&g.kind).unwrap_or(GridKind::Enterprise);
            (g.id, g.parent_id, kind)
        }));
        Grids { rows, tree }
    }

    /// Every grid, in id order.
    pub fn all(&self) -> &[grid::Model] {
        &self.rows
    }

    pub fn get(&self, id: GridId) -> Option<&grid::Model> {
        let at = self.rows.binary_search_by_key(&id, |g| g.id).ok()?;
        self.rows.get(at)
    }

    /// Each grid's name by id.
    pub fn names(&self) -> std::collections::HashMap<GridId, String> {
        self.rows.iter().map(|g| (g.id, g.name.clone())).collect()
    }
}

/// The grids this server read last, with the directory version they were read at; one per
/// server (in its `AppState`), shared by its requests.
#[derive(Debug, Default, Clone)]
pub struct GridCache(Arc<Mutex<Option<Kept>>>);

/// Grids and the directory version they were read at.
type Kept = (i64, Arc<Grids>);

impl GridCache {
    /// Every grid as the database holds them now.
    pub async fn current(&self, db: &impl ConnectionTrait) -> Result<Arc<Grids>, DbErr> {
        let version = directory_version(db).await?;
        if let Some((_, grids)) = self.kept().as_ref().filter(|(at, _)| *at == version) {
            return Ok(grids.clone());
        }
        // Read after the version: a grid changed in between is in what is read (at a later
        // version than the one it is kept under), so the next request reads them again.
        let grids = Arc::new(Grids::new(grid::Entity::find().all(db).await?));
        *self.kept() = Some((version, grids.clone()));
        Ok(grids)
    }

    /// What is kept. A request that panicked while holding it leaves nothing half-written
    /// (the value is replaced whole), so a poisoned lock is used as is.
    fn kept(&self) -> MutexGuard<'_, Option<Kept>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

async fn directory_version(db: &impl ConnectionTrait) -> Result<i64, DbErr> {
    let backend = db.get_database_backend();
    let sql = format!("SELECT {DIRECTORY}");
    let row = db
        .query_one_raw(Statement::from_string(backend, sql))
        .await?;
    row.ok_or_else(|| DbErr::RecordNotFound("directory_version".into()))?
        .try_get_by_index(0)
}
