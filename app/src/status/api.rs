//! The status page as the server sends it.
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServerStatus {
    /// StatGrid's version.
    pub version: String,
    /// The database and its version, e.g. `PostgreSQL 15.14`.
    pub database: String,
    pub database_bytes: Option<i64>,
    /// The names of the migrations applied, oldest first.
    pub migrations: Vec<String>,
    pub last_backup: Option<BackupSeen>,
    /// Records stored or changed since Beijing's midnight, by kind, then photos.
    pub today: Vec<KindCount>,
    /// Local setting: days without contact after which a phone is listed.
    pub silent_days: u32,
    /// Phones silent longer than that, longest first (at most [`SILENT_SHOWN`]).
    pub silent_phones: Vec<SilentPhone>,
    pub silent_total: u64,
}

/// Most silent phones listed; the total says how many more there are.
pub const SILENT_SHOWN: u64 = 200;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupSeen {
    pub taken_at_ms: i64,
    pub file_name: String,
    pub bytes: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KindCount {
    pub label: String,
    pub count: u64,
}

/// A phone signed in for sync that has not been in contact for a while.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SilentPhone {
    pub name: String,
    /// The person's phone number, to call them.
    pub phone: String,
    /// The grids they work in, joined.
    pub grids: String,
    /// "Android · Chrome", as the login saw it; empty when not recognised.
    pub device: String,
    pub last_seen_ms: i64,
}

#[server(endpoint = "admin/status", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn load_status() -> Result<ServerStatus, AppError> {
    crate::error::respond(super::ssr::current().await)
}
