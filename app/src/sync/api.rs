//! Wire types of the sync protocol, shared by the server, the browser client and tests.
use crate::activities::api::ActivityRecord;
use crate::auth::api::Profile;
use crate::directory::api::Directory;
use crate::major_events::api::MajorEventRecord;
use crate::plans::api::PlanRecord;
use crate::reports::api::ReportRecord;
use crate::trainings::api::TrainingRecord;
use crate::visits::api::VisitRecord;
use serde::{Deserialize, Serialize};
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
pub const KIND_VISIT: &str = "visit";
pub const KIND_MONTHLY_REPORT: &str = "monthly_report";
pub const KIND_ACTIVITY: &str = "activity";
pub const KIND_TRAINING: &str = "training";
pub const KIND_MAJOR_EVENT: &str = "major_event";
pub const KIND_ANNUAL_PLAN: &str = "annual_plan";

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
        serde_json::from_value(self.payload.clone())
            .map_err(|_| vec![Problem::new("malformed_payload", None, "记录内容格式错误")])
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PushResponse {
    pub protocol: u32,
    pub results: Vec<RecordResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordResult {
    pub id: Uuid,
    #[serde(flatten)]
    pub outcome: RecordOutcome,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

/// A draft's validation error, as a record problem: its code, field and Chinese message.
pub trait FieldError: std::fmt::Display {
    fn code(&self) -> &'static str;
    fn field(&self) -> &'static str;
}

impl FieldError for crate::domain::visit::VisitError {
    fn code(&self) -> &'static str {
        Self::code(self)
    }
    fn field(&self) -> &'static str {
        Self::field(self)
    }
}

impl FieldError for crate::domain::activity::ActivityError {
    fn code(&self) -> &'static str {
        Self::code(self)
    }
    fn field(&self) -> &'static str {
        Self::field(self)
    }
}

impl FieldError for crate::domain::training::TrainingError {
    fn code(&self) -> &'static str {
        Self::code(self)
    }
    fn field(&self) -> &'static str {
        Self::field(self)
    }
}

impl FieldError for crate::domain::major_event::MajorEventError {
    fn code(&self) -> &'static str {
        Self::code(self)
    }
    fn field(&self) -> &'static str {
        Self::field(self)
    }
}

impl FieldError for crate::domain::annual_plan::AnnualPlanError {
    fn code(&self) -> &'static str {
        Self::code(self)
    }
    fn field(&self) -> &'static str {
        Self::field(self)
    }
}

impl FieldError for crate::domain::report::ReportError {
    fn code(&self) -> &'static str {
        Self::code(self)
    }
    fn field(&self) -> &'static str {
        Self::field(self)
    }
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

/// `GET /api/v1/sync/pull?since=<cursor>`: what the phone needs to work offline, and the
/// person's own records received after `since`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PullResponse {
    pub protocol: u32,
    pub cursor: i64,
    pub profile: Profile,
    /// The part of the grid tree the person sees; `None` when it equals the copy the phone
    /// named by its digest, so an unchanged directory is not sent again every minute.
    pub directory: Option<Directory>,
    /// Names the directory as it stands now; the phone sends it back on its next pull.
    #[serde(default)]
    pub directory_digest: String,
    pub visits: Vec<VisitRecord>,
    /// The monthly reports of the grids the person reports for (leaders only).
    #[serde(default)]
    pub reports: Vec<ReportRecord>,
    /// The person's own grid activities.
    #[serde(default)]
    pub activities: Vec<ActivityRecord>,
    /// The trainings the person recorded.
    #[serde(default)]
    pub trainings: Vec<TrainingRecord>,
    /// The major events the person reported.
    #[serde(default)]
    pub major_events: Vec<MajorEventRecord>,
    /// The annual plans of the grids the person leads.
    #[serde(default)]
    pub plans: Vec<PlanRecord>,
    /// Records withdrawn since the cursor that this phone may hold: to be removed from it.
    #[serde(default)]
    pub withdrawn: Vec<Uuid>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PullQuery {
    #[serde(default)]
    pub since: i64,
    /// The digest of the directory the phone holds, if any.
    #[serde(default)]
    pub directory: Option<String>,
}
