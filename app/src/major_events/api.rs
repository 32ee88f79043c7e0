//! Shared major-event types and the server functions of the township and city board.
use crate::domain::major_event::MajorEventDraft;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The name this kind's records go under in a pull.
pub const PULLED_AS: &str = "major_events";

/// A major event as the server stored it, pulled back by its reporter.
pub type MajorEventRecord = crate::sync::pulled::StoredRecord<MajorEventDraft>;

/// A major event as the township and the city see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MajorEventRow {
    pub id: Uuid,
    pub version: u32,
    pub grid_name: String,
    pub enterprise_name: Option<String>,
    pub reporter: String,
    pub occurred_on: String,
    pub title: String,
    pub details: String,
    pub impact: String,
    /// When the current version arrived, in Beijing time (`YYYY-MM-DD HH:MM`).
    pub received: String,
    /// Who at the township (or department) read the current version and when; `None` while
    /// it waits to be read there.
    pub read: Option<String>,
    /// Who at the city bureau read it and when; `None` while it waits there.
    pub city_read: Option<String>,
    /// The city has not read it within its time ([`crate::domain::major_event::city_escalated`]).
    pub escalated: bool,
    /// The city's time to read it, in hours (the policy's local setting).
    #[serde(default)]
    pub city_read_hours: u32,
    /// The viewer's button (标记已阅, or the city's 确认已阅) while it waits on the viewer's side.
    pub acknowledge: Option<String>,
}

/// The major events of the grids the viewer reviews (a township or department, or the whole
/// city), those waiting on the viewer's side first, then newest first.
#[server(endpoint = "major_events", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn load_major_events() -> Result<Vec<MajorEventRow>, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::board(&state.db, &viewer).await
        }
        .await,
    )
}

/// Marks `version` of an event as read by the viewer's side: the city bureau's mark for the
/// bureau, the township's for a township or department. Refused when a newer version has come
/// in since the page showed it, so nobody marks unseen text as read.
#[server(endpoint = "major_event_read", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn mark_major_event_read(id: Uuid, version: u32) -> Result<(), AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::mark_read(&state.db, &viewer, id, version).await
        }
        .await,
    )
}
