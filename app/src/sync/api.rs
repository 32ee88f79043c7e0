//! Wire types of the sync protocol, shared by the server, the browser client and tests.
use crate::auth::api::Profile;
use crate::directory::api::Directory;
use crate::domain::tagged::{TagError, required, unknown};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use uuid::Uuid;

pub const PROTOCOL_VERSION: u32 = 1;
/// Most records in one push; the client splits its outbox into batches of this size.
pub const MAX_BATCH: usize = 500;

pub const PUSH_PATH: &str = "/api/v1/sync/push";
pub const PULL_PATH: &str = "/api/v1/sync/pull";
pub const LOGIN_PATH: &str = "/api/v1/auth/login";
pub const LOGOUT_PATH: &str = "/api/v1/auth/logout";
pub const PASSWORD_PATH: &str = "/api/v1/auth/password";

/// The kinds of record a phone can make. Unknown kinds are rejected record by record.
pub use crate::domain::draft::{
    FieldError, KIND_ACTIVITY, KIND_ANALYSIS_MEETING, KIND_ANNUAL_PLAN, KIND_MAJOR_EVENT,
    KIND_MONTHLY_REPORT, KIND_PROGRESS_REPORT, KIND_TRAINING, KIND_VISIT,
};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PushRequest {
    pub protocol: u32,
    pub records: Vec<RecordEnvelope>,
}

/// One record as the phone made it. The payload is kept loose so that one bad record is
/// answered on its own instead of failing the whole batch.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RecordEnvelope {
    pub id: Uuid,
    pub kind: String,
    pub version: u32,
    pub device_time_ms: i64,
    pub payload: serde_json::Value,
    /// This version withdraws the record (撤回): the server removes it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub withdrawn: bool,
}

impl RecordEnvelope {
    /// The payload as the record kind's draft, or the problem that says it is not one.
    pub fn payload_as<T: serde::de::DeserializeOwned>(&self) -> Result<T, Vec<Problem>> {
        serde_json::from_value(self.payload.clone()).map_err(|_| {
            vec![Problem::new(
                "malformed_payload",
                None,
                crate::sync::words::MALFORMED_PAYLOAD,
            )]
        })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PushResponse {
    pub protocol: u32,
    pub results: Vec<RecordResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "ResultFields")]
pub struct RecordResult {
    pub id: Uuid,
    #[serde(flatten)]
    pub outcome: RecordOutcome,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum RecordOutcome {
    /// Stored now, or earlier with the same id: a replay gets the same answer.
    Accepted { received_at_ms: i64 },
    /// Not stored; the user must change the record.
    Rejected { problems: Vec<Problem> },
    /// Not stored: the record changed on the server since the phone's version was made
    /// (another phone, or the same version edited twice). The phone shows both versions and
    /// the user chooses; `problems` says what happened.
    Conflict {
        current: CurrentVersion,
        problems: Vec<Problem>,
    },
}

/// A result's fields, read flat ([`crate::domain::tagged`]): the phone reads every push answer
/// through it.
#[derive(Deserialize)]
struct ResultFields {
    id: Uuid,
    status: String,
    received_at_ms: Option<i64>,
    problems: Option<Vec<Problem>>,
    current: Option<CurrentVersion>,
}

impl TryFrom<ResultFields> for RecordResult {
    type Error = TagError;

    fn try_from(f: ResultFields) -> Result<Self, TagError> {
        let tag = f.status.as_str();
        let outcome = match tag {
            "accepted" => RecordOutcome::Accepted {
                received_at_ms: required(f.received_at_ms, tag, "received_at_ms")?,
            },
            "rejected" => RecordOutcome::Rejected {
                problems: required(f.problems, tag, "problems")?,
            },
            "conflict" => RecordOutcome::Conflict {
                current: required(f.current, tag, "current")?,
                problems: required(f.problems, tag, "problems")?,
            },
            _ => return Err(unknown(tag)),
        };
        Ok(RecordResult { id: f.id, outcome })
    }
}

/// The server's version of a record, sent with a conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CurrentVersion {
    pub version: u32,
    /// The record kind's draft, as the phone would send it.
    pub payload: serde_json::Value,
}

/// Why a record was rejected, in words for the user and a code for programs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    pub code: String,
    pub field: Option<String>,
    pub message: String,
}

impl Problem {
    /// Every validation error of a draft, in order.
    pub fn of_fields<E: FieldError>(errors: Vec<E>) -> Vec<Problem> {
        errors
            .iter()
            .map(|e| Problem::new(e.code(), Some(e.field()), e.to_string()))
            .collect()
    }

    pub fn new(code: &str, field: Option<&str>, message: impl Into<String>) -> Self {
        Problem {
            code: code.to_owned(),
            field: field.map(str::to_owned),
            message: message.into(),
        }
    }
}

/// What the phone needs to work offline, and the records it holds that changed after its
/// cursor.
/// Read by [`crate::sync::pull_answer`], field by field: serde's reader for a `flatten` field
/// buffers the whole answer first.
#[derive(Debug, Clone, Serialize)]
pub struct PullResponse {
    pub protocol: u32,
    /// The last change number this answer covers: the next pull's `after`.
    pub cursor: i64,
    /// The person as the server knows them; `None` when the phone holds it (named by `held`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<Profile>,
    /// The part of the grid tree the person sees; `None` when it equals the copy the phone
    /// named by its digest, so an unchanged directory is not sent again every minute.
    pub directory: Option<Directory>,
    /// Names the directory and profile as they stand now; the phone sends it back on its next
    /// pull.
    pub directory_digest: String,
    /// Records withdrawn since the cursor that this phone may hold: to be removed from it.
    pub withdrawn: Vec<Uuid>,
    /// Each record kind's changed records under the kind's own name (`visits`, `reports`, …),
    /// as that kind's wire type; a kind with nothing new may be left out.
    #[serde(flatten)]
    pub records: BTreeMap<String, Vec<serde_json::Value>>,
}

impl PullResponse {
    /// The records pulled under `name`, read as the kind's wire type; none when absent.
    pub fn records_of<T: serde::de::DeserializeOwned>(
        &self,
        name: &str,
    ) -> Result<Vec<T>, serde_json::Error> {
        self.records.get(name).map_or(Ok(Vec::new()), |rows| {
            rows.iter().map(|r| T::deserialize(r)).collect()
        })
    }
}

/// `GET /api/v1/sync/pull?after=<cursor>`. The cursor is a change number the server gave out
/// (the last pull's `cursor`), 0 for everything. Before change numbers the cursor was a
/// millisecond under `since`; a phone that still sends it names no `after` and so gets
/// everything once, merged by id.
/// `POST LOGOUT_PATH?office=true`: the office pages' 退出登录 ends this browser's office
/// session only, as their login opened only that one; the phone's session stays.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
pub struct LogoutQuery {
    #[serde(default)]
    pub office: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PullQuery {
    #[serde(default)]
    pub after: i64,
    /// The digest of the directory and profile the phone holds, if any: when they are still
    /// current the answer carries neither.
    #[serde(default)]
    pub held: Option<String>,
    /// The same digest, as phones of an earlier release name it: they read a profile in every
    /// answer, so it is always sent them.
    #[serde(default)]
    pub directory: Option<String>,
}
