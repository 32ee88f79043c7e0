//! A quarter's law promotion as the township view shows it, and its server function.
use crate::domain::cadence::Status;
use crate::error::AppError;
use crate::waivers::api::DutyRef;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The law promotion of the level-2 units in a scope, for the current quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LawPromotion {
    /// e.g. "2026年第4季度".
    pub quarter: String,
    pub units: Vec<UnitLawPromotion>,
}

/// One township's, department's or zone's law promotion of the quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitLawPromotion {
    pub unit: String,
    /// 统计法治宣传 activities held in the unit or a grid below it.
    pub activities: usize,
    /// Visits whose purpose was 统计法治宣传, to enterprises of the unit's grids.
    pub visits: usize,
    /// The verdict where the policy asks for it.
    pub status: Option<Status>,
    /// The quarter's duty as the viewer may excuse it.
    pub excuse: Option<DutyRef>,
}

/// The quarter's law promotion of the level-2 units at or below `grid_id`; `None` when there
/// are none (an enterprise grid, a work area).
#[server(endpoint = "law_promotion", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn load_law_promotion(grid_id: i32) -> Result<Option<LawPromotion>, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            let (policy, _) = crate::cadence::ssr::policy(&state.db).await?;
            super::ssr::quarter(&state.db, &viewer, &policy, grid_id).await
        }
        .await,
    )
}
