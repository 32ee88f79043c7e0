//! Shared progress-report types.
use crate::domain::cadence::Status;
use crate::domain::progress_report::ProgressReportDraft;
use crate::error::AppError;
use crate::waivers::api::DutyRef;
use leptos::prelude::*;
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

/// A unit's report for one deadline, as the board shows it to whoever reviews the unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportText {
    pub author: String,
    /// The day its latest version arrived, `YYYY-MM-DD`.
    pub received_on: String,
    pub progress: String,
    pub problems: String,
    pub documents: String,
    pub photos: Vec<uuid::Uuid>,
}

/// The latest report of grid `grid_id` for `label` due on `deadline` (`YYYY-MM-DD`).
#[server(endpoint = "progress_report_read", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn read_progress_report(
    grid_id: i32,
    label: String,
    deadline: String,
) -> Result<Option<ReportText>, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::read(&state.db, &viewer, grid_id, &label, &deadline).await
        }
        .await,
    )
}
