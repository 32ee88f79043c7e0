//! The homes as the township view shows them, and their server functions.
use crate::domain::stats_home::StatsHomeDraft;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A unit's homes and what was held in them this year; for the city, every unit's count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatsHomes {
    pub grid_id: i32,
    pub unit: String,
    pub year: i32,
    pub homes: Vec<StatsHomeRow>,
    /// Activities held this year in the unit and below whose place names no registered home.
    pub held_elsewhere: usize,
    /// Whether the viewer may register, change and remove homes.
    pub may_edit: bool,
    /// For the city: each level-2 unit, its homes and the activities held in them this year.
    pub units: Vec<UnitHomes>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatsHomeRow {
    pub id: i32,
    pub name: String,
    pub address: String,
    /// `YYYY-MM-DD`.
    pub opened_on: String,
    pub note: String,
    /// Activities held in it this year by the unit and the grids below.
    pub activities: usize,
}

/// A level-2 unit's homes, as the city sees it among the others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitHomes {
    pub unit: String,
    pub homes: usize,
    pub activities: usize,
}

/// The homes of unit `grid_id` (every unit's, for the city grid); `None` for any other grid.
#[server(endpoint = "stats_homes", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn load_stats_homes(grid_id: i32) -> Result<Option<StatsHomes>, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::homes(&state.db, &viewer, grid_id).await
        }
        .await,
    )
}

/// Registers a home (`id` `None`) or changes home `id`.
#[server(endpoint = "stats_home_save", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn save_stats_home(
    grid_id: i32,
    id: Option<i32>,
    home: StatsHomeDraft,
) -> Result<StatsHomes, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::save(&state.db, &viewer, grid_id, id, &home).await
        }
        .await,
    )
}

/// Takes home `id` off the register (a room given up, or registered by mistake).
#[server(endpoint = "stats_home_remove", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn remove_stats_home(grid_id: i32, id: i32) -> Result<StatsHomes, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::remove(&state.db, &viewer, grid_id, id).await
        }
        .await,
    )
}
