//! A duty as the township view names it for a waiver, and the server function that excuses it.
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The duties excused from the township view: those of a grid, judged per period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Excusable {
    QuarterlyActivity,
    UnitActivity,
    AnnualPlan,
    TrainingPlan,
    TownshipAnalysisMeeting,
}

impl Excusable {
    /// The code of the cadence rule it names (`ObligationKind::code`).
    pub fn code(self) -> &'static str {
        match self {
            Self::QuarterlyActivity => "quarterly_activity",
            Self::UnitActivity => "unit_activity",
            Self::AnnualPlan => "annual_plan",
            Self::TrainingPlan => "training_plan",
            Self::TownshipAnalysisMeeting => "township_analysis_meeting",
        }
    }
}

/// One grid's duty for one period (`Period`'s text: `2026-Q4`, `2026`, `2026-11`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DutyRef {
    pub duty: Excusable,
    pub grid_id: i32,
    pub period: String,
}

#[server(endpoint = "duty_waive", input = leptos::server_fn::codec::Json)]
pub async fn waive_duty(duty: DutyRef, reason: String) -> Result<(), AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::waive(&state.db, &viewer, &duty, &reason).await
        }
        .await,
    )
}
