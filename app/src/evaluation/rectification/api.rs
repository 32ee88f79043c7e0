//! Rectification as the pages show it, and its server functions.
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// How a task was closed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClosingLine {
    pub note: String,
    pub photos: Vec<Uuid>,
    /// "已整改（陈晓岚，7月3日）".
    pub by: String,
    /// "已退回（周明远，7月5日）：照片看不清" while the bureau's sending back stands: the task
    /// is open again.
    #[serde(default)]
    pub returned: Option<String>,
}

impl ClosingLine {
    /// Whether the closing stands: not sent back.
    pub fn stands(&self) -> bool {
        self.returned.is_none()
    }
}

/// An item the inspection took points off.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskLine {
    pub item: String,
    /// "工作任务 · 撰写统计分析报告：扣 1.5 分。分析报告只有一篇".
    pub text: String,
    pub closing: Option<ClosingLine>,
}

/// One unit's tasks in one campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitTasks {
    pub campaign_id: i32,
    pub campaign: String,
    pub code: String,
    pub unit: String,
    pub tasks: Vec<TaskLine>,
}

/// A task closed, or its closing changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClosingEntry {
    pub campaign_id: i32,
    pub code: String,
    pub item: String,
    pub note: String,
    #[serde(default)]
    pub photos: Vec<Uuid>,
}

/// A closing the bureau sends back, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReturnEntry {
    pub campaign_id: i32,
    pub code: String,
    pub item: String,
    pub reason: String,
}

/// The tasks of the units whose self-assessment the viewer fills.
#[server(endpoint = "evaluation/rectification_mine", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn my_tasks() -> Result<Vec<UnitTasks>, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::mine(&state.db, &viewer).await
        }
        .await,
    )
}

/// Closes a task (or changes how it was closed); answers the viewer's tasks.
#[server(endpoint = "evaluation/rectification_close", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn close_task(entry: ClosingEntry) -> Result<Vec<UnitTasks>, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::close(&state.db, &viewer, entry).await?;
            super::ssr::mine(&state.db, &viewer).await
        }
        .await,
    )
}

/// Sends a closing back to the unit (the bureau's); answers the unit's review.
#[server(endpoint = "evaluation/rectification_return", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn send_back(
    entry: ReturnEntry,
) -> Result<Option<crate::evaluation::api::UnitReview>, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::send_back::send_back(&state.db, &viewer, &entry).await?;
            let (id, code) = (entry.campaign_id, entry.code.as_str());
            crate::evaluation::ssr::review::review(&state.db, &viewer, id, code).await
        }
        .await,
    )
}
