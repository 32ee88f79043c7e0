//! Campaigns as the bureau's pages show them, and their server functions (city bureau only).
use crate::domain::evaluation::{CampaignKind, Linker, SheetRole, Template};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The results notice as a spreadsheet of every unit scored, with its grade and total (`?id=`).
pub const NOTICE_XLSX_PATH: &str = "/api/v1/evaluation/notice.xlsx";
/// The results notice as a Word document the bureau edits and issues (`?id=`).
pub const NOTICE_DOCX_PATH: &str = "/api/v1/evaluation/notice.docx";

/// A county's archive as a zip: a printable book of its units' sheets, rectification and
/// materials, with their photos and a spreadsheet (`?id=&county=`).
pub const ARCHIVE_PATH: &str = "/api/v1/evaluation/archive.zip";

/// A campaign in the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignLine {
    pub id: i32,
    pub name: String,
    pub year: i32,
    pub kind: CampaignKind,
    pub units: usize,
    pub drawn: bool,
}

/// What the bureau fills in to start a campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignDraft {
    pub name: String,
    pub year: i32,
    pub kind: CampaignKind,
    /// The division code of the city or county whose units are evaluated.
    pub root: String,
}

/// A stage's window and where it stands today.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WindowLine {
    pub stage: String,
    /// "5月10日—5月25日".
    pub days: String,
    pub state: String,
}

/// A unit of the campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitLine {
    pub code: String,
    pub name: String,
    pub kind: String,
    pub sampled: bool,
    /// The final total as points ("93.5"), and its grade; none until scored.
    pub total: Option<String>,
    /// Its sheets from the field, as "检查评分 92.5 分（已评 20/20 项）".
    #[serde(default)]
    pub sheets: Vec<String>,
    /// The inspection's total once every item of it is scored, as points.
    #[serde(default)]
    pub inspected: Option<String>,
    pub grade: Option<String>,
    /// How far its rectification came, once its inspection took points off: "整改 1/3 项已完成".
    #[serde(default)]
    pub rectification: Option<String>,
    /// Its look-back materials: "调查问卷：已提交（陈晓岚，6月20日，按时完成）".
    #[serde(default)]
    pub materials: Vec<String>,
}

/// Who is assigned to fill one unit's sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssignmentLine {
    pub id: i32,
    pub code: String,
    pub unit: String,
    /// Name and phone.
    pub person: String,
    pub role: SheetRole,
    /// As whom the person links the unit (联点, 包县区), if as anyone.
    #[serde(default)]
    pub linker: Option<Linker>,
}

/// A contact point and the units it answers for: "周明远（局领导）：云江市东湖镇、… · 联点 2 个".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContactLine {
    pub person: String,
    pub linker: String,
    pub units: String,
    pub links: String,
    pub met: bool,
}

/// The bureau assigns the person with `phone` to fill unit `code`'s sheet as `role`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssignmentEntry {
    pub code: String,
    pub phone: String,
    pub role: SheetRole,
    /// For an inspection: as whom the person links the unit.
    #[serde(default)]
    pub linker: Option<Linker>,
}

/// A unit's final total as the bureau enters it: points with at most one decimal, or empty
/// to clear it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TotalEntry {
    pub code: String,
    pub total: String,
}

/// The results notice of a campaign (000 §二), from the units scored so far.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoticeView {
    pub id: i32,
    pub name: String,
    pub notice: crate::domain::evaluation::Notice,
    /// Units not scored yet, left out of the notice.
    pub unscored: usize,
}

/// The city's sample: its seed, what fell short, and whether drawing again from the seed gives
/// the units recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SampleLine {
    pub seed: u64,
    pub counties: usize,
    pub townships: usize,
    pub short: Option<String>,
    pub verified: bool,
}

/// One campaign, whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignView {
    pub id: i32,
    pub name: String,
    pub year: i32,
    pub kind: CampaignKind,
    pub thresholds: String,
    pub templates: Vec<Template>,
    pub windows: Vec<WindowLine>,
    pub units: Vec<UnitLine>,
    /// The size the city draws, e.g. "6 个县、24 个乡镇".
    pub sample_size: String,
    pub sample: Option<SampleLine>,
    /// The opening figures of the results so far, once a unit is scored.
    pub results: Option<String>,
    /// Who fills which sheet, in unit order.
    pub assignments: Vec<AssignmentLine>,
    /// The rectification board: the tasks of every unit, how many are still open.
    #[serde(default)]
    pub rectification: Option<String>,
    /// Each county's inspections against its quota (002: 不少于6个), where the campaign has a
    /// county-inspection stage.
    #[serde(default)]
    pub counties: Vec<CountyLine>,
    /// Who links which units and answers for them (谁联点谁负责).
    #[serde(default)]
    pub contact_points: Vec<ContactLine>,
    /// The counties whose units it covers, each archived by itself: (code, name).
    #[serde(default)]
    pub archives: Vec<(String, String)>,
}

/// A county's inspections of its townships: "已检查 4 个，不少于 6 个", and how it stands in the
/// county-inspection window ("进行中", "逾期 3 天完成", "已逾期，未完成").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountyLine {
    pub county: String,
    pub quota: String,
    pub met: bool,
    pub timing: String,
}

#[server(endpoint = "evaluation/campaigns", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn list_campaigns() -> Result<Vec<CampaignLine>, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::list(&state.db, &viewer).await
        }
        .await,
    )
}

/// Starts a campaign; answers its id.
#[server(endpoint = "evaluation/campaign_create", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn create_campaign(draft: CampaignDraft) -> Result<i32, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::create(&state.db, &viewer, draft).await
        }
        .await,
    )
}

/// Campaign `id`; `None` for one that does not exist.
#[server(endpoint = "evaluation/campaign", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn load_campaign(id: i32) -> Result<Option<CampaignView>, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::view(&state.db, &viewer, id).await
        }
        .await,
    )
}

/// Draws the city's sample of campaign `id` from a new seed, once.
#[server(endpoint = "evaluation/campaign_draw", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn draw_sample(id: i32) -> Result<CampaignView, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::draw(&state.db, &viewer, id).await
        }
        .await,
    )
}

/// Keeps the final totals of campaign `id`'s units (entered from the sheets as scored).
#[server(endpoint = "evaluation/campaign_totals", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn save_totals(id: i32, totals: Vec<TotalEntry>) -> Result<CampaignView, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::results::save(&state.db, &viewer, id, totals).await
        }
        .await,
    )
}

/// The results notice of campaign `id`; `None` for no such campaign.
#[server(endpoint = "evaluation/campaign_notice", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn load_notice(id: i32) -> Result<Option<NoticeView>, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::results::notice(&state.db, &viewer, id).await
        }
        .await,
    )
}

/// Assigns a person to fill a unit's sheet of campaign `id`.
#[server(endpoint = "evaluation/campaign_assign", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn assign(id: i32, entry: AssignmentEntry) -> Result<CampaignView, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::assign::assign(&state.db, &viewer, id, entry).await
        }
        .await,
    )
}

/// Ends assignment `assignment` of campaign `id`; the sheets it filled stay.
#[server(endpoint = "evaluation/campaign_unassign", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn unassign(id: i32, assignment: i32) -> Result<CampaignView, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::assign::unassign(&state.db, &viewer, id, assignment).await
        }
        .await,
    )
}

/// One item as a sheet marked it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MarkLine {
    pub points: String,
    pub note: String,
    /// Looked at, asked or checked.
    pub done: bool,
    pub photos: Vec<uuid::Uuid>,
}

/// An item with the inspection's mark beside the self-assessment's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemReview {
    pub text: String,
    pub method: String,
    pub points: String,
    pub inspection: Option<MarkLine>,
    pub self_assessment: Option<MarkLine>,
}

/// An aspect with its subtotals on both sheets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AspectReview {
    pub name: String,
    pub points: String,
    pub inspection: String,
    pub self_assessment: String,
    pub items: Vec<ItemReview>,
}

/// One unit's sheets side by side, and the items the inspection took points off.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitReview {
    pub campaign_id: i32,
    pub campaign: String,
    pub unit: String,
    /// The unit's division code.
    pub code: String,
    /// The inspection shown beside the self-assessment, the one that decides: "市级抽查"
    /// where the city spot-checked the unit, else "检查评分".
    pub inspection: String,
    /// Each sheet's total and grade, e.g. "检查评分：92.5 分，优秀（已评 20/20 项）".
    pub totals: Vec<String>,
    pub aspects: Vec<AspectReview>,
    /// The rectification tasks (整改): "人员配备 · …：扣 1 分。台账不全", each with how the
    /// unit closed it.
    pub tasks: Vec<crate::evaluation::rectification::api::TaskLine>,
    /// Its questionnaire and summary report, where the campaign asks for them.
    #[serde(default)]
    pub materials: Option<crate::evaluation::materials::api::UnitMaterials>,
}

/// Unit `code` of campaign `id` with its sheets side by side; `None` for no such unit.
#[server(endpoint = "evaluation/campaign_unit", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn load_unit(id: i32, code: String) -> Result<Option<UnitReview>, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::review::review(&state.db, &viewer, id, &code).await
        }
        .await,
    )
}
