//! The duty list as the phone fetches it (`GET DUTIES_PATH`) and keeps it.
use crate::domain::cadence::Status;
use serde::{Deserialize, Serialize};

pub const DUTIES_PATH: &str = "/api/v1/duties";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DutyList {
    /// e.g. "2026年第4季度".
    pub quarter: String,
    /// `YYYY-MM-DD`.
    pub first_day: String,
    /// `YYYY-MM-DD`.
    pub last_day: String,
    /// The last day a visit counts as on time.
    pub due: String,
    /// The open duties, overdue first, then by grid and enterprise.
    pub duties: Vec<Duty>,
}

/// An enterprise still to be visited this quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Duty {
    pub enterprise_id: i32,
    pub enterprise_name: String,
    pub grid_name: String,
    /// Visits still needed this quarter.
    pub remaining: u32,
    pub status: Status,
}
