//! The training plan as the township view shows it, and its server functions.
use crate::domain::cadence::Status;
use crate::domain::training_plan::{SubjectProgress, TrainingPlanDraft};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A unit's plan for a year against what was held in it and the grids below it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainingPlan {
    pub grid_id: i32,
    pub unit: String,
    pub year: i32,
    /// The day the year's plan was first drawn up, `YYYY-MM-DD`; `None` before.
    pub drawn_up_on: Option<String>,
    /// The plan duty's verdict and deadline (`YYYY-MM-DD`), where the policy asks for a plan.
    pub duty: Option<(Status, String)>,
    /// The year's plan as the viewer may excuse it (the city bureau).
    pub excuse: Option<crate::waivers::api::DutyRef>,
    /// Each subject planned against the 业务培训 held.
    pub subjects: Vec<SubjectProgress>,
    /// 联审辅导 sessions held that year.
    pub joint_reviews: u32,
    /// Whether the viewer may change the plan.
    pub may_edit: bool,
}

/// Unit `grid_id`'s plan for `year`; `None` when the grid is not a level-2 unit.
#[server(endpoint = "training_plan", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn load_training_plan(grid_id: i32, year: i32) -> Result<Option<TrainingPlan>, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::plan(&state.db, &viewer, grid_id, year).await
        }
        .await,
    )
}

#[server(endpoint = "training_plan_save", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn save_training_plan(
    grid_id: i32,
    plan: TrainingPlanDraft,
) -> Result<TrainingPlan, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::save(&state.db, &viewer, grid_id, &plan).await
        }
        .await,
    )
}
