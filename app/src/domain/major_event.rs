//! A major event (重大事项): something that has or will have a large effect on statistical data,
//! reported by a grid member to the city bureau at once (001 §三(三)3). Urgent: the phone sends
//! it before anything else, and the township and city see it flagged until someone has read it.

use serde::{Deserialize, Serialize};

use super::draft::{Draft, FieldError, KIND_MAJOR_EVENT};
use time::{Date, Duration};

use super::cadence::{DEFAULT_CITY_READ_HOURS, ObligationKind, Policy};
use super::grid::GridId;
use super::period::parse_date;
use super::text::{TextError, required};

pub const TITLE_MAX_CHARS: usize = 60;
pub const DETAILS_MAX_CHARS: usize = 2000;
pub const IMPACT_MAX_CHARS: usize = 500;
/// How far from today the event's day may lie, either way: an event may be reported before
/// it happens ("即将发生").
const WINDOW_DAYS: i64 = 366;

/// A major event as entered, before validation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MajorEventDraft {
    /// The reporter's enterprise grid; 0 when none is chosen yet.
    pub grid_id: GridId,
    /// The enterprise concerned, when the event is about one.
    #[serde(default)]
    pub enterprise_id: Option<i32>,
    /// The day it happened or will happen, `YYYY-MM-DD`.
    pub occurred_on: String,
    pub title: String,
    /// What happened.
    pub details: String,
    /// The expected effect on the statistics (产值、用工、停产、迁移 …).
    pub impact: String,
}

/// A major event that passed validation, its texts trimmed.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidMajorEvent {
    pub grid_id: GridId,
    pub enterprise_id: Option<i32>,
    pub occurred_on: Date,
    pub title: String,
    pub details: String,
    pub impact: String,
}

/// A problem with one field of a [`MajorEventDraft`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MajorEventError {
    #[error("请选择所在网格")]
    NoGrid,
    #[error("日期格式应为 年-月-日，例如 2026-11-22")]
    DateMalformed,
    #[error("日期应在前后一年之内")]
    DateOutOfRange,
    #[error(transparent)]
    Text(#[from] TextError),
}

impl FieldError for MajorEventError {
    /// Stable machine code for the sync API.
    fn code(&self) -> &'static str {
        match self {
            Self::NoGrid => "no_grid",
            Self::DateMalformed => "date_malformed",
            Self::DateOutOfRange => "date_out_of_range",
            Self::Text(e) => e.code(),
        }
    }

    /// The [`MajorEventDraft`] field the error concerns.
    fn field(&self) -> &'static str {
        match self {
            Self::NoGrid => "grid_id",
            Self::DateMalformed | Self::DateOutOfRange => "occurred_on",
            Self::Text(e) => e.field(),
        }
    }
}

impl Draft for MajorEventDraft {
    const KIND: &'static str = KIND_MAJOR_EVENT;
    type Valid = ValidMajorEvent;
    type Error = MajorEventError;
    const LABEL: &'static str = "重大事项";
    const URGENT: bool = true;

    fn describe(&self) -> Vec<(&'static str, String)> {
        vec![
            ("事项标题", self.title.clone()),
            ("发生日期", self.occurred_on.clone()),
            ("事项经过", self.details.clone()),
            ("对统计数据的影响", self.impact.clone()),
        ]
    }

    fn date(&self) -> String {
        self.occurred_on.clone()
    }

    fn validate(&self, today: Date) -> Result<Self::Valid, Vec<Self::Error>> {
        let mut errors = Vec::new();
        if self.grid_id <= 0 {
            errors.push(MajorEventError::NoGrid);
        }
        let window = Duration::days(WINDOW_DAYS);
        let occurred_on = match parse_date(self.occurred_on.trim()) {
            Ok(day) if (day - today).abs() <= window => Some(day),
            Ok(_) => {
                errors.push(MajorEventError::DateOutOfRange);
                None
            }
            Err(_) => {
                errors.push(MajorEventError::DateMalformed);
                None
            }
        };
        let mut text = |value: &str, max, name| {
            required(value, max, name)
                .map_err(|e| errors.push(e.into()))
                .unwrap_or_default()
        };
        let title = text(&self.title, TITLE_MAX_CHARS, ("title", "事项标题"));
        let details = text(&self.details, DETAILS_MAX_CHARS, ("details", "事项经过"));
        let impact = text(
            &self.impact,
            IMPACT_MAX_CHARS,
            ("impact", "对统计数据的影响"),
        );
        match occurred_on {
            Some(occurred_on) if errors.is_empty() => Ok(ValidMajorEvent {
                grid_id: self.grid_id,
                enterprise_id: self.enterprise_id.filter(|id| *id > 0),
                occurred_on,
                title,
                details,
                impact,
            }),
            _ => Err(errors),
        }
    }
}

/// How many hours the city bureau has to read a major event before it is escalated to the
/// bureau's leaders, as `policy` sets them on its major-event rule: a local setting, since
/// 001 §三(三)3 says only that the event goes to the city at once. A policy without the rule
/// still escalates, after [`DEFAULT_CITY_READ_HOURS`].
pub fn city_read_hours(policy: &Policy) -> u32 {
    let rule = policy.rule(&ObligationKind::MajorEvent {
        city_read_hours: DEFAULT_CITY_READ_HOURS,
    });
    match rule.map(|r| &r.kind) {
        Some(ObligationKind::MajorEvent { city_read_hours }) => *city_read_hours,
        _ => DEFAULT_CITY_READ_HOURS,
    }
}

/// Whether an event received at `received_at_ms` that the city has not read is past the city's
/// `within_hours` to read it at `now_ms`. A read event is never escalated.
pub fn city_escalated(
    received_at_ms: i64,
    city_read: bool,
    now_ms: i64,
    within_hours: u32,
) -> bool {
    !city_read && now_ms.saturating_sub(received_at_ms) >= i64::from(within_hours) * 3_600_000
}

#[cfg(test)]
#[path = "major_event_tests.rs"]
mod tests;
