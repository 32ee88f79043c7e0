//! Shared progress-report types.
use crate::domain::cadence::Status;
use crate::domain::progress_report::ProgressReportDraft;
use crate::waivers::api::DutyRef;
use serde::{Deserialize, Serialize};

/// The name this kind's records go under in a pull.
pub const PULLED_AS: &str = "progress_reports";

/// A report as the server stored it, pulled by its author.
pub type ProgressRecord = crate::sync::pulled::StoredRecord<ProgressReportDraft>;

/// One deadline of one grid, as the city bureau's board shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeadlineDuty {
    pub grid_id: i32,
    pub grid_name: String,
    pub label: String,
    /// `YYYY-MM-DD`.
    pub deadline: String,
    pub status: Status,
    /// The day the report first arrived, `YYYY-MM-DD`; empty when none has.
    pub filed_on: String,
    /// The deadline as the viewer may excuse it (豁免), while due soon or overdue.
    pub waive: Option<DutyRef>,
}
