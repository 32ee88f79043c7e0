//! A duty as the township view names it for a waiver, and the server function that excuses it.
use crate::domain::cadence::ObligationKind;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The duties excused from the township view and the city's board: those of a grid, judged
/// per period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Excusable {
    QuarterlyActivity,
    UnitActivity,
    AnnualPlan,
    TrainingPlan,
    TownshipAnalysisMeeting,
    LawPromotion,
    /// A fixed-date progress report (004 §七), named by its rule's label.
    FixedDateReport {
        label: String,
    },
}

impl Excusable {
    /// Whether it is the duty of the cadence rule of `kind`.
    pub fn names(&self, kind: &ObligationKind) -> bool {
        let code = match self {
            Self::QuarterlyActivity => "quarterly_activity",
            Self::UnitActivity => "unit_activity",
            Self::AnnualPlan => "annual_plan",
            Self::TrainingPlan => "training_plan",
            Self::TownshipAnalysisMeeting => "township_analysis_meeting",
            Self::LawPromotion => "law_promotion",
            Self::FixedDateReport { label } => {
                return matches!(kind, ObligationKind::FixedDate { .. })
                    && kind.label() == label.trim();
            }
        };
        kind.code() == code
    }
}

/// One grid's duty for one period (`Period`'s text: `2026-Q4`, `2026`, `2026-11`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DutyRef {
    pub duty: Excusable,
    pub grid_id: i32,
    pub period: String,
}

#[server(endpoint = "duty_waive", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn waive_duty(duty: DutyRef, reason: String) -> Result<(), AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::waive(&state.db, &viewer, &duty, &reason).await
        }
        .await,
    )
}
