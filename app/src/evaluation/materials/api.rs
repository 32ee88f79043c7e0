//! A unit's look-back materials as the pages show them, and their server functions.
use crate::domain::evaluation::questionnaire::{Answer, Question, SummaryReport};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// One unit's materials in one campaign: the questions and the answers sent, the report sent
/// (empty parts until then), and who sent each when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitMaterials {
    pub campaign_id: i32,
    pub campaign: String,
    pub code: String,
    pub unit: String,
    /// "材料报送截止：7月1日".
    pub due: Option<String>,
    pub questions: Vec<Question>,
    pub answers: Vec<(String, Answer)>,
    /// "已提交（陈晓岚，6月20日，按时完成）"; none until sent.
    pub questionnaire_sent: Option<String>,
    pub report: SummaryReport,
    pub report_photos: Vec<Uuid>,
    pub report_sent: Option<String>,
}

/// What is sent: the answers, or the report with its photos.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MaterialBody {
    Questionnaire {
        answers: Vec<(String, Answer)>,
    },
    SummaryReport {
        report: SummaryReport,
        #[serde(default)]
        photos: Vec<Uuid>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MaterialEntry {
    pub campaign_id: i32,
    pub code: String,
    pub body: MaterialBody,
}

/// The materials of the units whose self-assessment the viewer fills, in look-backs.
#[server(endpoint = "evaluation/materials_mine", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn my_materials() -> Result<Vec<UnitMaterials>, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::mine(&state.db, &viewer).await
        }
        .await,
    )
}

/// Sends a unit's questionnaire or summary report (again); answers the viewer's materials.
#[server(endpoint = "evaluation/materials_send", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn send_material(entry: MaterialEntry) -> Result<Vec<UnitMaterials>, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::send(&state.db, &viewer, entry).await?;
            super::ssr::mine(&state.db, &viewer).await
        }
        .await,
    )
}
