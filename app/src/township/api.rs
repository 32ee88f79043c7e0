//! The township overview: shared types and the server function.
use crate::domain::visit::VisitPurpose;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A grid the viewer may choose to look at (their township, or any township for the city).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScopeChoice {
    pub grid_id: i32,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TownshipOverview {
    pub scopes: Vec<ScopeChoice>,
    pub scope_id: i32,
    pub month: String,
    pub grids: Vec<GridVisits>,
}

/// One enterprise grid's visits in the month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GridVisits {
    pub grid_id: i32,
    pub grid_name: String,
    pub enterprise_count: usize,
    pub visited_enterprises: usize,
    pub visits: Vec<VisitRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VisitRow {
    pub visit_date: String,
    pub enterprise_name: String,
    pub person_name: String,
    pub purpose: VisitPurpose,
    pub findings: String,
    pub follow_up: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OverviewQuery {
    /// The township (or other grid) to look at; `None` is the viewer's first.
    pub scope: Option<i32>,
    /// "YYYY-MM"; `None` is the current month in Beijing.
    pub month: Option<String>,
}

/// Visits by enterprise grid and month, for a grid the viewer oversees.
#[server(endpoint = "township_overview", input = leptos::server_fn::codec::Json)]
pub async fn load_township_overview(query: OverviewQuery) -> Result<TownshipOverview, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::overview(&state.db, &viewer, query).await
        }
        .await,
    )
}
