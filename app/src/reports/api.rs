//! Shared report types: what a phone pulls, and the township's review board.
use crate::domain::report::{ReportDraft, ReviewAction, ReviewStatus};
use crate::error::AppError;
use crate::sync::outbox::{OutboxRecord, RecordState};
use crate::sync::pulled::PulledRecord;
use crate::sync::record_draft::Recorded;
use crate::township::api::ScopeChoice;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The name this kind's records go under in a pull.
pub const PULLED_AS: &str = "reports";

/// A report as the server keeps it, pulled by the leaders of its grid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportRecord {
    pub id: Uuid,
    pub grid_id: i32,
    pub month: String,
    pub work_done: String,
    pub problems: String,
    pub next_steps: String,
    pub version: u32,
    pub status: ReviewStatus,
    /// The township's comment when returned, or its reason when unlocked.
    pub review_comment: Option<String>,
    pub updated_at_ms: i64,
}

impl PulledRecord for ReportRecord {
    /// Kept with its review: returned or approved, as the township left it.
    fn into_outbox(self, person_id: i32) -> OutboxRecord {
        let draft = ReportDraft {
            grid_id: self.grid_id,
            month: self.month,
            work_done: self.work_done,
            problems: self.problems,
            next_steps: self.next_steps,
        };
        let mut record = OutboxRecord::synced(
            person_id,
            self.id,
            self.version,
            self.updated_at_ms,
            draft.wrap(),
        );
        record.state = match self.status {
            ReviewStatus::Submitted => record.state,
            ReviewStatus::Returned => RecordState::Returned {
                comment: self.review_comment,
            },
            ReviewStatus::Approved => RecordState::Approved,
        };
        record
    }
}

/// The township's reports of one month: one row per enterprise grid, reported or not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewBoard {
    pub scopes: Vec<ScopeChoice>,
    pub scope_id: i32,
    pub month: String,
    /// The last day a report for the month counts as on time.
    pub due: String,
    pub rows: Vec<ReportRow>,
    /// The report duty over the last six months up to `month`, oldest first.
    pub trend: ReportTrend,
    /// For the city bureau: every township side by side (empty for anyone else).
    pub city: Vec<TownshipFigures>,
    /// For the city bureau: each deadline of the policy's fixed-date reports, per grid.
    pub deadlines: Vec<crate::kinds::progress_reports::api::DeadlineDuty>,
}

/// One township's month in the city comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TownshipFigures {
    pub name: String,
    /// Open enterprise grids.
    pub grids: usize,
    /// Reports of the month received (any state), and approved.
    pub reported: usize,
    pub approved: usize,
    /// The previous month's report duty: percent made, and made on time.
    pub completeness: Option<u8>,
    pub timeliness: Option<u8>,
    /// Visits recorded in the month.
    pub visits: u64,
}

/// Grids × months: the report duty's outcome per cell and each month's figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportTrend {
    /// "YYYY-MM", oldest first.
    pub months: Vec<String>,
    pub grids: Vec<GridMonths>,
    /// Per month: percent of due reports made, and made on time (`None` while none is due).
    pub completeness: Vec<Option<u8>>,
    pub timeliness: Vec<Option<u8>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GridMonths {
    pub grid_name: String,
    /// One per month of the trend; `None` before the month began or without a report rule.
    pub cells: Vec<Option<crate::domain::cadence::Status>>,
}

impl ReviewBoard {
    /// How many rows have a report in `status`.
    pub fn count(&self, status: ReviewStatus) -> usize {
        self.rows
            .iter()
            .filter(|r| r.report.as_ref().is_some_and(|v| v.status == status))
            .count()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportRow {
    pub grid_id: i32,
    pub grid_name: String,
    /// The cadence's judgement of the month's report duty, e.g. 按时完成, 逾期未完成.
    /// `None` when the policy asks for no monthly report, or the month has not begun.
    pub duty: Option<crate::domain::cadence::Status>,
    pub report: Option<ReportView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportView {
    pub id: Uuid,
    pub version: u32,
    pub status: ReviewStatus,
    pub author: String,
    pub work_done: String,
    pub problems: String,
    pub next_steps: String,
    /// The grid's visits in the month as stored on the server.
    pub visits: usize,
    pub visited_enterprises: usize,
    pub enterprises: usize,
    /// Oldest first.
    pub history: Vec<HistoryEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// Beijing time, "YYYY-MM-DD HH:MM".
    pub at: String,
    pub person: String,
    /// 提交, 重新提交, 通过, 退回, 解锁.
    pub action: String,
    pub version: u32,
    pub comment: Option<String>,
}

/// The reports of a month for a grid the viewer oversees (their township by default).
#[server(endpoint = "report_board", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn load_review_board(
    scope: Option<i32>,
    month: Option<String>,
) -> Result<ReviewBoard, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::review::board(&state.reads, &viewer, scope, month).await
        }
        .await,
    )
}

/// Approves, returns or unlocks the report as the reviewer saw it (`version`): a report
/// changed meanwhile is refused, so nobody approves text they have not read.
#[server(endpoint = "report_review", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn review_report(
    id: Uuid,
    version: u32,
    action: ReviewAction,
    comment: String,
) -> Result<(), AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::review::review(&state.db, &viewer, id, version, action, &comment).await
        }
        .await,
    )
}

/// Excuses a grid's monthly report (e.g. the grid was merged that month), with the reason;
/// the cadence then shows it as 已豁免, and the audit log keeps who and why.
#[server(endpoint = "report_waive", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn waive_report(grid_id: i32, month: String, reason: String) -> Result<(), AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::review::waive_report(&state.db, &viewer, grid_id, &month, &reason).await
        }
        .await,
    )
}
