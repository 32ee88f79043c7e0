//! Notices as the phone reads them (`GET NOTICES_PATH`, `POST NOTICE_READ_PATH`) and as the
//! township view shows them (server functions).
use crate::domain::notice::NoticeDraft;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The notices sent to the person, newest first.
pub const NOTICES_PATH: &str = "/api/v1/notices";
/// Marks notices read (`ReadMarks`); a notice read twice, or not sent to the person, changes
/// nothing.
pub const NOTICE_READ_PATH: &str = "/api/v1/notices/read";

/// A notice as one of its readers sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReceivedNotice {
    pub id: i32,
    /// The unit that sent it, e.g. 东湖镇 or 市统计局.
    pub unit: String,
    pub title: String,
    pub body: String,
    /// `YYYY-MM-DD`.
    pub posted_on: String,
    pub poster: String,
    pub read: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReadMarks {
    pub ids: Vec<i32>,
}

/// A unit's notices as the township view shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitNotices {
    pub grid_id: i32,
    pub unit: String,
    /// Whether the viewer may send and remove the unit's notices.
    pub may_post: bool,
    /// Newest first.
    pub sent: Vec<SentNotice>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentNotice {
    pub id: i32,
    pub title: String,
    pub body: String,
    /// `YYYY-MM-DD`.
    pub posted_on: String,
    pub poster: String,
    /// Everyone it went to (the people of the unit's grids, its sender aside) …
    pub audience: usize,
    /// … and those of them who have read it.
    pub read: usize,
    /// Who has not read it yet, by name.
    pub unread: Vec<String>,
}

/// The notices of unit `grid_id` (a level-2 unit or the city); `None` for any other grid.
#[server(endpoint = "unit_notices", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn load_unit_notices(grid_id: i32) -> Result<Option<UnitNotices>, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::unit_notices(&state.db, &viewer, grid_id).await
        }
        .await,
    )
}

/// Sends a notice to the grids of unit `grid_id`.
#[server(endpoint = "notice_post", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn post_notice(grid_id: i32, notice: NoticeDraft) -> Result<UnitNotices, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::post(&state.db, &viewer, grid_id, &notice).await
        }
        .await,
    )
}

/// Takes notice `id` back (sent by mistake): it leaves the phones at their next visit.
#[server(endpoint = "notice_remove", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn remove_notice(grid_id: i32, id: i32) -> Result<UnitNotices, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::remove(&state.db, &viewer, grid_id, id).await
        }
        .await,
    )
}
