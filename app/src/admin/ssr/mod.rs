//! Server side of administration: the routes, imports, exports, the grid tree, people, the
//! grouping suggestion and the audit log. Everything here is for the city administrator only.
mod accounts;
pub(crate) mod audit;
mod city_admin;
mod enterprise_edits;
mod enterprises;
mod grouping;
pub(crate) mod people;
mod permissions;
pub(crate) mod progress;
mod routes;
mod tree;

use crate::auth::ssr::Viewer;
use crate::error::AppError;
use sea_orm::DatabaseConnection;

pub use progress::{ImportBoard, ImportTicker};
pub use routes::router;

/// A city administrator's request, checked once; every administrative action hangs off it.
pub struct AdminSession {
    pub viewer: Viewer,
    pub db: DatabaseConnection,
}

impl AdminSession {
    pub fn new(viewer: Viewer, db: DatabaseConnection) -> Result<Self, AppError> {
        if viewer.is_city_admin() {
            Ok(AdminSession { viewer, db })
        } else {
            Err(AppError::Forbidden)
        }
    }
}

impl AdminSession {
    pub async fn audit_log(&self) -> Result<Vec<crate::admin::api::AuditRecord>, AppError> {
        audit::latest(&self.db, 1000).await
    }
}

/// The administrator behind the current server-function call.
pub async fn admin_session() -> Result<AdminSession, AppError> {
    let (viewer, state) = Viewer::current().await?;
    AdminSession::new(viewer, state.db.clone())
}
