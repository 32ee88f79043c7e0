//! The roster as the township view shows it, and its server functions.
use crate::domain::staffing::{Employment, StaffDraft};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A unit's statistics staff and the floor it must meet, and the village surveyors it
/// appointed; for the city grid, the staff of the bureau's 乡镇（街道）统计工作管理办公室 (004
/// §四(一)) and every unit's staffing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Roster {
    pub grid_id: i32,
    pub unit: String,
    /// Whether this is the city (county) bureau's office for township statistics.
    pub city: bool,
    pub staff: Vec<StaffMember>,
    /// Those of `staff` in the unit's statistics office (village surveyors are not).
    pub office: usize,
    /// Village surveyors on the roster.
    pub surveyors: usize,
    /// Online-reporting enterprises' statisticians on the roster, for their subsidy.
    pub enterprise_statisticians: usize,
    /// The yearly work subsidies of everyone on the roster, in fen.
    pub subsidy_total_fen: i64,
    /// The village surveyors who hold the role in the unit's grids (and so work in StatGrid)
    /// but are not on the roster as surveyors, so that no work subsidy is recorded for them.
    #[serde(default)]
    pub surveyors_unlisted: Vec<String>,
    /// The fewest office staff the documents ask of the unit, where they ask.
    pub floor: Option<usize>,
    /// Office staff the unit lacks to meet it.
    pub shortfall: Option<usize>,
    /// Whether the viewer may add and remove people.
    pub may_edit: bool,
    /// For the city: each level-2 unit's staffing.
    pub units: Vec<UnitStaffing>,
}

/// A level-2 unit's staffing, as the city sees it among the others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitStaffing {
    pub unit: String,
    /// Office staff, against the floor.
    pub office: usize,
    pub shortfall: Option<usize>,
    /// How many of each way of staffing, those with none left out, in [`Employment::ALL`]'s
    /// order.
    pub by_employment: Vec<(Employment, usize)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffMember {
    pub id: i32,
    pub name: String,
    pub post: String,
    pub employment: Employment,
    /// 年工作补助, in fen.
    pub subsidy_fen: i64,
}

/// The roster of unit `grid_id`, or of the city bureau's office; `None` for any other grid.
#[server(endpoint = "staff_roster", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn load_roster(grid_id: i32) -> Result<Option<Roster>, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::roster(&state.db, &viewer, grid_id).await
        }
        .await,
    )
}

#[server(endpoint = "staff_add", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn add_staff(grid_id: i32, staff: StaffDraft) -> Result<Roster, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::add(&state.db, &viewer, grid_id, &staff).await
        }
        .await,
    )
}

#[server(endpoint = "staff_remove", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn remove_staff(grid_id: i32, id: i32) -> Result<Roster, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::remove(&state.db, &viewer, grid_id, id).await
        }
        .await,
    )
}
