//! The preparation stage as the township view shows it, and its server functions.
use crate::domain::cadence::Status;
use crate::domain::preparation::{Milestone, MilestoneMark};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One milestone of a unit for the year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MilestoneRow {
    pub milestone: Milestone,
    /// `YYYY-MM-DD`.
    pub due: String,
    pub status: Status,
    /// `YYYY-MM-DD`, once marked done.
    pub done_on: Option<String>,
    pub document: String,
    /// What the grid tree or the roster shows of it now, e.g. "企业网格 12 个，均已配网格长".
    pub evidence: Option<String>,
}

/// A unit's preparation stage for a year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Preparation {
    pub grid_id: i32,
    pub unit: String,
    pub year: i32,
    pub milestones: Vec<MilestoneRow>,
    /// Whether the viewer may mark them.
    pub may_edit: bool,
    /// For the city: each level-2 unit's stage.
    pub units: Vec<UnitStage>,
}

/// A level-2 unit's stage, as the city sees it among the others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitStage {
    pub unit: String,
    /// Each milestone asked of the unit with its verdict.
    pub milestones: Vec<(Milestone, Status)>,
}

/// Unit `grid_id`'s stage in `year`; `None` when nothing is asked of the grid.
#[server(endpoint = "preparation", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn load_preparation(grid_id: i32, year: i32) -> Result<Option<Preparation>, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::stage(&state.db, &viewer, grid_id, year).await
        }
        .await,
    )
}

/// Marks one milestone done (again, to correct its day or document).
#[server(endpoint = "preparation_mark", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn mark_milestone(
    grid_id: i32,
    year: i32,
    mark: MilestoneMark,
) -> Result<Preparation, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::mark(&state.db, &viewer, grid_id, year, &mark).await
        }
        .await,
    )
}

/// Takes back a milestone marked done by mistake.
#[server(endpoint = "preparation_unmark", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn unmark_milestone(
    grid_id: i32,
    year: i32,
    milestone: Milestone,
) -> Result<Preparation, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::unmark(&state.db, &viewer, grid_id, year, milestone).await
        }
        .await,
    )
}
