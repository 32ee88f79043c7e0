//! The township overview: shared types and the server function.
use crate::domain::visit::VisitPurpose;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A grid the viewer may choose to look at (their township, or any township for the city).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScopeChoice {
    pub grid_id: i32,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TownshipOverview {
    pub scopes: Vec<ScopeChoice>,
    pub scope_id: i32,
    pub month: String,
    pub grids: Vec<GridVisits>,
    /// The visit cadence for the quarter of `month`.
    pub coverage: VisitCoverage,
    /// When the scope is a township (street): its analysis meetings of `month` and the
    /// month's duty.
    #[serde(default)]
    pub meetings: Option<crate::kinds::analysis_meetings::api::MonthMeetings>,
    /// The activities the townships, departments and work areas in the scope organised in the
    /// quarter of `month`.
    #[serde(default)]
    pub units: Vec<UnitActivities>,
}

/// A township's, department's or work area's own activities of a quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitActivities {
    pub grid_name: String,
    pub activities: usize,
    /// The verdict where the policy asks each of them for one a quarter (乐清).
    pub status: Option<crate::domain::cadence::Status>,
    /// The quarter's activity as the viewer may excuse it.
    pub excuse: Option<crate::waivers::api::DutyRef>,
}

/// Whether each enterprise was visited as often as the cadence asks, in one quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VisitCoverage {
    /// e.g. "2026年第4季度".
    pub quarter: String,
    /// Whose rules apply, e.g. "玉环市".
    pub policy_name: String,
    /// The last day a visit counts as on time (due date plus grace days).
    pub due: String,
    /// Visits each enterprise needs in the quarter; 0 when the policy asks for none.
    pub per_quarter: u32,
    /// False for a quarter that has not begun.
    pub started: bool,
    pub grids: Vec<GridCoverage>,
    /// Enterprises not yet visited enough, by grid then name (at most 500).
    pub not_visited: Vec<OpenEnterprise>,
    /// How many there are in all.
    pub not_visited_total: usize,
}

impl GridCoverage {
    /// Enterprises visited as often as asked (on time or late).
    pub fn visited(&self) -> usize {
        self.counts.done_on_time + self.counts.done_late
    }

    /// The counts in words, e.g. "按时完成 18 · 逾期未完成 2", for the screen and the export.
    pub fn status_words(&self) -> String {
        let c = self.counts;
        [
            (c.done_on_time, "按时完成"),
            (c.done_late, "逾期完成"),
            (c.overdue, "逾期未完成"),
            (c.pending, "待走访"),
            (c.waived, "已豁免"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, label)| format!("{label} {n}"))
        .collect::<Vec<_>>()
        .join(" · ")
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GridCoverage {
    pub grid_id: i32,
    pub grid_name: String,
    /// Open enterprises bound by the rule.
    pub enterprises: usize,
    pub counts: crate::domain::cadence::Completeness,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenEnterprise {
    pub enterprise_name: String,
    pub grid_name: String,
    pub status: crate::domain::cadence::Status,
}

/// One enterprise grid's visits in the month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GridVisits {
    pub grid_id: i32,
    pub grid_name: String,
    pub enterprise_count: usize,
    pub visited_enterprises: usize,
    /// Visits in the month; [`load_grid_visits`] lists them.
    pub visits: usize,
    /// Grid activities held in the quarter of the month, and the quarterly activity duty
    /// (`None` when the policy asks for none).
    #[serde(default)]
    pub activities: usize,
    #[serde(default)]
    pub activity_status: Option<crate::domain::cadence::Status>,
    /// The quarter's activity as the viewer may excuse it.
    pub activity_excuse: Option<crate::waivers::api::DutyRef>,
    /// The grid's annual plan for the year of the month, and the plan duty (`None` when the
    /// policy asks for none).
    #[serde(default)]
    pub plan: Option<crate::plans::api::PlanSummary>,
    #[serde(default)]
    pub plan_status: Option<crate::domain::cadence::Status>,
    /// The year's plan as the viewer may excuse it.
    pub plan_excuse: Option<crate::waivers::api::DutyRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VisitRow {
    pub visit_date: String,
    pub enterprise_name: String,
    pub person_name: String,
    pub purpose: VisitPurpose,
    pub findings: String,
    pub follow_up: bool,
    #[serde(default)]
    pub photos: Vec<uuid::Uuid>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OverviewQuery {
    /// The township (or other grid) to look at; `None` is the viewer's first.
    pub scope: Option<i32>,
    /// "YYYY-MM"; `None` is the current month in Beijing.
    pub month: Option<String>,
}

/// Visits by enterprise grid and month, for a grid the viewer oversees.
#[server(endpoint = "township_overview", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn load_township_overview(query: OverviewQuery) -> Result<TownshipOverview, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::overview(&state.reads, &viewer, query).await
        }
        .await,
    )
}

/// One enterprise grid's visits in a month ("YYYY-MM", this month when empty), oldest first,
/// for a viewer who oversees the grid.
#[server(endpoint = "township_grid_visits", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn load_grid_visits(grid: i32, month: String) -> Result<Vec<VisitRow>, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::grid_visits(&state.reads, &viewer, grid, Some(&month)).await
        }
        .await,
    )
}

/// Visits per month over the last year, and the visit cadence's figures for the last four
/// quarters (newest first; a quarter still running has few or no figures yet).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TownshipHistory {
    pub scope_id: i32,
    /// Oldest first, "YYYY-MM".
    pub months: Vec<MonthVisits>,
    pub quarters: Vec<QuarterFigures>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthVisits {
    pub month: String,
    pub visits: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuarterFigures {
    pub quarter: String,
    /// Percent of due duties done; `None` while nothing is due yet.
    pub completeness: Option<u8>,
    /// Percent of due duties done on time.
    pub timeliness: Option<u8>,
    pub grids: Vec<GridQuarter>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GridQuarter {
    pub grid_name: String,
    pub completeness: Option<u8>,
    pub timeliness: Option<u8>,
}

/// The trend behind the township view; `scope` as in [`OverviewQuery`].
#[server(endpoint = "township_history", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn load_township_history(scope: Option<i32>) -> Result<TownshipHistory, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::history::history(&state.reads, &viewer, scope).await
        }
        .await,
    )
}
