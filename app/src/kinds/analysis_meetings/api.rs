//! Shared analysis-meeting types.
use crate::domain::analysis_meeting::AnalysisMeetingDraft;
use serde::{Deserialize, Serialize};

/// The name this kind's records go under in a pull.
pub const PULLED_AS: &str = "analysis_meetings";

/// Minutes as the server stored them, pulled by their recorder.
pub type MeetingRecord = crate::sync::pulled::StoredRecord<AnalysisMeetingDraft>;

/// A township's meetings of a month and the month's duty, as the township view shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthMeetings {
    pub township: String,
    /// The duty under the policy's rule; `None` when the policy asks for no meeting.
    pub status: Option<crate::domain::cadence::Status>,
    /// Oldest first.
    pub held: Vec<MeetingMinutes>,
    /// The month's meeting as the viewer may excuse it (the city bureau).
    pub excuse: Option<crate::waivers::api::DutyRef>,
}

/// One meeting's minutes, with who recorded them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingMinutes {
    pub minutes: AnalysisMeetingDraft,
    pub recorded_by: String,
}
