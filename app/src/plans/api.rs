//! Shared annual-plan types.
use crate::domain::annual_plan::AnnualPlanDraft;
use serde::{Deserialize, Serialize};

/// The name this kind's records go under in a pull.
pub const PULLED_AS: &str = "plans";

/// A plan as the server stored it, pulled by the leaders of its grid.
pub type PlanRecord = crate::sync::pulled::StoredRecord<AnnualPlanDraft>;

/// A grid's plan of a year as the township sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanSummary {
    /// The day the first version arrived (`YYYY-MM-DD`).
    pub submitted_on: String,
    pub version: u32,
    pub goals: String,
    pub measures: String,
    pub schedule: String,
}
