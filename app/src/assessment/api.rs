//! The assessment as the office pages show it, and its server functions.
use crate::domain::assessment::{
    Assessed, Decision, Figure, Measure, Outcome, Scheme, Scored, Stage,
};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The finance bureau's payment list of a year (`?year=`), as XLSX, for the city bureau.
pub const PAYMENTS_PATH: &str = "/api/v1/assessment/payments.xlsx";

/// The person's own assessment (and, for a grid's leaders and instructors, their members'),
/// as the phone fetches and keeps it.
pub const MINE_PATH: &str = "/api/v1/assessment/mine";

/// One year's assessment as it concerns the person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyYear {
    pub year: i32,
    pub unit: String,
    pub stage: Stage,
    pub scheme: Scheme,
    /// The person's own sheet (a member), or their grids' (a scheme of grids). Until the city
    /// bureau confirms the year, the figures so far only: no points, remark or result.
    pub own: Vec<Sheet>,
    /// For a grid's leaders and instructors: its members' sheets, the same way.
    pub followed: Vec<Sheet>,
}

/// One member's (or grid's) sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    /// The person or the grid assessed.
    pub subject_id: i32,
    pub name: String,
    /// The member's grids (or the grid itself), as one line.
    pub grids: String,
    /// The same grids' ids.
    pub grid_ids: Vec<i32>,
    /// What the year's records say, one per indicator of the scheme.
    pub figures: Vec<Figure>,
    /// The indicators behind where they should be by today (while the year is open).
    #[serde(default)]
    pub behind: Vec<Measure>,
    pub scored: Scored,
    pub remark: String,
    /// The reward chosen within the band, for a scheme of bands.
    pub chosen_yuan: Option<u32>,
    pub outcome: Outcome,
}

/// A unit's assessment of a year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssessmentView {
    pub unit_id: i32,
    pub unit: String,
    pub year: i32,
    pub scheme: Scheme,
    pub stage: Stage,
    /// Why it was last returned or unlocked.
    pub note: String,
    /// The sheets, by grid and name. Before submission, the figures are today's.
    pub sheets: Vec<Sheet>,
    /// Why no stars are given, where the qualification rate is under the floor.
    pub no_stars: Option<String>,
    /// Rewards outside their bands: submission waits for them.
    pub problems: Vec<String>,
    /// Whether the viewer scores for the unit (its leader or 分管领导, while open).
    pub may_mark: bool,
    /// Whether the viewer decides for the city (the bureau).
    pub may_decide: bool,
}

impl AssessmentView {
    pub fn qualified(&self) -> usize {
        (self.sheets.iter())
            .filter(|s| s.outcome.grade != crate::domain::assessment::Grade::Unqualified)
            .count()
    }

    pub fn reward_yuan(&self) -> u64 {
        self.sheets
            .iter()
            .map(|s| u64::from(s.outcome.reward_yuan))
            .sum()
    }
}

/// The unit's points, remark and reward for one sheet, as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MarkDraft {
    pub subject_id: i32,
    pub manual: String,
    pub remark: String,
    /// The reward chosen within the band, in yuan; empty for the band's lowest.
    pub chosen: String,
}

/// Every unit's assessment of a year, as the city bureau follows them; for a unit's leader or
/// 分管领导, their own units'.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CityAssessments {
    pub year: i32,
    /// The city's scheme, which a unit's assessment takes when it starts.
    pub scheme: Scheme,
    /// Whether the viewer keeps the scheme (the city bureau).
    pub may_edit: bool,
    pub units: Vec<UnitLine>,
}

/// One unit's assessment in the city's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitLine {
    pub unit_id: i32,
    pub unit: String,
    pub stage: Stage,
    /// From the submitted results; `None` before.
    pub assessed: Option<usize>,
    pub qualified: Option<usize>,
    pub reward_yuan: Option<u64>,
}

/// 获奖名单 of a year: each confirmed unit's rewarded members (or grids), best first, and the
/// units not yet confirmed. The payment list (XLSX) writes the same lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AwardList {
    pub year: i32,
    pub units: Vec<AwardUnit>,
    pub pending: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AwardUnit {
    pub unit: String,
    pub assessed: Assessed,
    pub lines: Vec<AwardLine>,
}

impl AwardUnit {
    pub fn total_yuan(&self) -> u64 {
        self.lines.iter().map(|l| u64::from(l.reward_yuan)).sum()
    }
}

/// One reward: who, their grids, stars or grade, total points (as shown), amount.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AwardLine {
    pub name: String,
    pub grids: String,
    pub rated: String,
    pub total: String,
    pub reward_yuan: u32,
}

#[server(endpoint = "assessment_load", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn load_assessment(unit: i32, year: Option<i32>) -> Result<AssessmentView, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            let year = year.map_or_else(|| viewer.today().map(|d| d.year()), Ok)?;
            super::ssr::view(&state.db, &viewer, unit, year).await
        }
        .await,
    )
}

#[server(endpoint = "assessment_mark", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn mark_sheet(unit: i32, year: i32, mark: MarkDraft) -> Result<AssessmentView, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::mark(&state.db, &viewer, unit, year, &mark).await
        }
        .await,
    )
}

#[server(endpoint = "assessment_submit", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn submit_assessment(unit: i32, year: i32) -> Result<AssessmentView, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::submit(&state.db, &viewer, unit, year).await
        }
        .await,
    )
}

#[server(endpoint = "assessment_decide", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn decide_assessment(
    unit: i32,
    year: i32,
    decision: Decision,
) -> Result<AssessmentView, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::decide(&state.db, &viewer, unit, year, &decision).await
        }
        .await,
    )
}

#[server(endpoint = "assessment_city", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn load_city(year: Option<i32>) -> Result<CityAssessments, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            let year = year.map_or_else(|| viewer.today().map(|d| d.year()), Ok)?;
            super::ssr::city(&state.db, &viewer, year).await
        }
        .await,
    )
}

#[server(endpoint = "assessment_scheme_save", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn save_scheme(year: i32, scheme: Scheme) -> Result<CityAssessments, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::save_scheme(&state.db, &viewer, &scheme).await?;
            super::ssr::city(&state.db, &viewer, year).await
        }
        .await,
    )
}

#[server(endpoint = "assessment_awards", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn load_awards(year: Option<i32>) -> Result<AwardList, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            let year = year.map_or_else(|| viewer.today().map(|d| d.year()), Ok)?;
            super::ssr::awards(&state.db, &viewer, year).await
        }
        .await,
    )
}
