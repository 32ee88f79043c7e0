//! Meeting minutes (会议纪要): what a grid's meeting settled, kept by one of its members. The
//! smallest record kind, kept to show what adding a kind takes.
use serde::{Deserialize, Serialize};
use time::Date;

use super::draft::{Draft, FieldError};
use super::grid::GridId;
use super::period::{RecordDateError, record_date};
use super::text::{TextError, required};

pub const KIND_MINUTES: &str = "meeting_minutes";
pub const NOTES_MAX_CHARS: usize = 2000;

/// Minutes as entered, before validation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MinutesDraft {
    /// The grid that met; 0 when none is chosen yet.
    pub grid_id: GridId,
    /// The day of the meeting, `YYYY-MM-DD`.
    pub held_on: String,
    /// What was discussed and settled.
    pub notes: String,
}

/// Minutes that passed validation, the notes trimmed.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidMinutes {
    pub grid_id: GridId,
    pub held_on: Date,
    pub notes: String,
}

/// A problem with one field of a [`MinutesDraft`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MinutesError {
    #[error("请选择开会的网格")]
    NoGrid,
    #[error("日期格式应为 年-月-日，例如 2026-11-22")]
    DateMalformed,
    #[error("会议日期不能晚于今天")]
    DateInFuture,
    #[error("会议日期太早，只能补记最近的会议")]
    DateTooOld,
    #[error(transparent)]
    Text(#[from] TextError),
}

impl FieldError for MinutesError {
    fn code(&self) -> &'static str {
        match self {
            Self::NoGrid => "no_grid",
            Self::DateMalformed => "date_malformed",
            Self::DateInFuture => "date_in_future",
            Self::DateTooOld => "date_too_old",
            Self::Text(e) => e.code(),
        }
    }

    fn field(&self) -> &'static str {
        match self {
            Self::NoGrid => "grid_id",
            Self::DateMalformed | Self::DateInFuture | Self::DateTooOld => "held_on",
            Self::Text(e) => e.field(),
        }
    }
}

impl Draft for MinutesDraft {
    const KIND: &'static str = KIND_MINUTES;
    type Valid = ValidMinutes;
    type Error = MinutesError;
    const LABEL: &'static str = "会议纪要";

    fn describe(&self) -> Vec<(&'static str, String)> {
        vec![
            ("会议日期", self.held_on.clone()),
            ("会议内容", self.notes.clone()),
        ]
    }

    fn date(&self) -> String {
        self.held_on.clone()
    }

    fn validate(&self, today: Date) -> Result<ValidMinutes, Vec<MinutesError>> {
        let mut errors = Vec::new();
        if self.grid_id <= 0 {
            errors.push(MinutesError::NoGrid);
        }
        let held_on = record_date(self.held_on.trim(), today)
            .map_err(|e| {
                errors.push(match e {
                    RecordDateError::Malformed => MinutesError::DateMalformed,
                    RecordDateError::InFuture => MinutesError::DateInFuture,
                    RecordDateError::TooOld => MinutesError::DateTooOld,
                })
            })
            .ok();
        let notes = required(&self.notes, NOTES_MAX_CHARS, ("notes", "会议内容"))
            .map_err(|e| errors.push(e.into()))
            .unwrap_or_default();
        match held_on {
            Some(held_on) if errors.is_empty() => Ok(ValidMinutes {
                grid_id: self.grid_id,
                held_on,
                notes,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
#[path = "minutes_tests.rs"]
mod tests;
