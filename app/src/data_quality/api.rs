//! The data-quality checks as the township view shows them, and their server function.
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// This year's checks in a unit (or the city) and the grids below it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataQuality {
    pub unit: String,
    pub year: i32,
    pub checks: usize,
    pub enterprises: usize,
    /// 四上 enterprises in the unit, and how many of them were checked.
    pub above_scale: usize,
    pub above_scale_checked: usize,
    /// Enterprises once found wanting whose latest check found nothing more.
    pub resolved: usize,
    /// Enterprises still to follow up, by their latest check, oldest first.
    pub open: Vec<OpenCheck>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenCheck {
    pub enterprise: String,
    pub grid: String,
    /// `YYYY-MM-DD`.
    pub day: String,
    pub findings: String,
}

/// The checks of `grid_id` (a level-2 unit or the city); `None` for any other grid.
#[server(endpoint = "data_quality", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn load_data_quality(grid_id: i32) -> Result<Option<DataQuality>, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::checks(&state.db, &viewer, grid_id).await
        }
        .await,
    )
}
