//! What every record kind's draft is, on the phone and on the server alike: a kind name on the
//! wire, the same validation before saving and before storing, and field errors with a code,
//! a field and a Chinese message.
use serde::Serialize;
use serde::de::DeserializeOwned;
use time::Date;
use uuid::Uuid;

/// The kinds of record a phone can make, as named on the wire (`docs/sync.md`).
pub const KIND_VISIT: &str = "visit";
pub const KIND_MONTHLY_REPORT: &str = "monthly_report";
pub const KIND_ACTIVITY: &str = "activity";
pub const KIND_TRAINING: &str = "training";
pub const KIND_MAJOR_EVENT: &str = "major_event";
pub const KIND_ANNUAL_PLAN: &str = "annual_plan";
pub const KIND_ANALYSIS_MEETING: &str = "analysis_meeting";
pub const KIND_PROGRESS_REPORT: &str = "progress_report";
pub const KIND_SCORE_SHEET: &str = "score_sheet";

/// A draft's validation error: its stable code, the draft field it concerns, and (through
/// `Display`) the message shown to the user.
pub trait FieldError: std::fmt::Display {
    fn code(&self) -> &'static str;
    fn field(&self) -> &'static str;
}

/// What a user wrote for one record kind, before it is checked.
pub trait Draft: Clone + PartialEq + Serialize + DeserializeOwned {
    /// The kind's name on the wire.
    const KIND: &'static str;
    /// The draft once every field has been parsed.
    type Valid;
    type Error: FieldError;
    /// The kind in words, as users name it.
    const LABEL: &'static str;
    /// Sent before any other record once a connection appears.
    const URGENT: bool = false;
    /// Whether its author may change it after saving it (until a conflict, or the township's
    /// approval, says otherwise). A visit records what was seen on the day: it changes only
    /// when the server refuses it.
    const EDITABLE: bool = true;
    /// Whether its author may withdraw it (撤回). A score sheet is one record per unit,
    /// shared by its inspectors: it is corrected, never withdrawn.
    const WITHDRAWABLE: bool = true;

    /// Checks every field against `today` (the Beijing date), returning all problems at once,
    /// in field order.
    fn validate(&self, today: Date) -> Result<Self::Valid, Vec<Self::Error>>;

    /// The record's fields in words, for showing two versions side by side.
    fn describe(&self) -> Vec<(&'static str, String)>;

    /// The day the record is about, `YYYY-MM-DD`, for ordering lists.
    fn date(&self) -> String;

    /// The photos the record carries as evidence.
    fn photos(&self) -> Vec<Uuid> {
        Vec::new()
    }
}
