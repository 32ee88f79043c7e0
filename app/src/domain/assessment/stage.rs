//! Where a unit's assessment of a year stands, and what may happen next: the unit scores and
//! submits; the city bureau confirms, which locks it, or returns it with a reason; a
//! confirmed year is unlocked only with a reason (001 §四(三): 12月底……完成对所属各网格员的
//! 考核,并将考核结果上报至市统计局).
use crate::domain::grid::coded_enum;
use crate::domain::text::{TextError, clean_line, named};

/// Longest reason for returning or unlocking, in characters.
pub const REASON_MAX_CHARS: usize = 200;

coded_enum! {
    /// An assessment's stage.
    Stage {
        /// The unit is scoring (nothing saved yet counts as this too).
        Draft = "draft", "评定中";
        /// Submitted to the city bureau, which has not decided.
        Submitted = "submitted", "已上报，待市统计局确认";
        /// Returned by the city bureau, or unlocked: the unit scores again.
        Returned = "returned", "已退回，待重新评定";
        /// Confirmed by the city bureau: locked.
        Confirmed = "confirmed", "市统计局已确认";
    }
}

/// What the city bureau decides on a submitted or confirmed assessment.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum Decision {
    Confirm,
    Return { reason: String },
    Unlock { reason: String },
}

/// Why a step was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StageError {
    #[error("考核结果已上报或已确认，不能再修改")]
    Locked,
    #[error("考核结果尚未上报，不能确认或退回")]
    NotSubmitted,
    #[error("只有已确认的考核结果需要解锁")]
    NotConfirmed,
    /// Returning and unlocking say why.
    #[error(transparent)]
    Reason(TextError),
}

impl Stage {
    /// The stage in a word, for the city's list of units.
    pub fn short(self) -> &'static str {
        match self {
            Stage::Draft => "评定中",
            Stage::Submitted => "待确认",
            Stage::Returned => "已退回",
            Stage::Confirmed => "已确认",
        }
    }

    /// Whether the unit may change points and remarks, and submit.
    pub fn open(self) -> bool {
        matches!(self, Stage::Draft | Stage::Returned)
    }

    /// The unit's step: changing a sheet or submitting.
    pub fn check_open(self) -> Result<(), StageError> {
        if self.open() {
            Ok(())
        } else {
            Err(StageError::Locked)
        }
    }

    /// The stage after the city bureau's `decision`, and the reason kept with it.
    pub fn decide(self, decision: &Decision) -> Result<(Stage, String), StageError> {
        let reason = |text: &str| {
            named(
                &clean_line(text),
                REASON_MAX_CHARS,
                true,
                ("reason", "原因"),
            )
            .map_err(StageError::Reason)
        };
        match (self, decision) {
            (Stage::Submitted, Decision::Confirm) => Ok((Stage::Confirmed, String::new())),
            (Stage::Submitted, Decision::Return { reason: r }) => Ok((Stage::Returned, reason(r)?)),
            (Stage::Confirmed, Decision::Unlock { reason: r }) => Ok((Stage::Returned, reason(r)?)),
            (_, Decision::Unlock { .. }) => Err(StageError::NotConfirmed),
            _ => Err(StageError::NotSubmitted),
        }
    }
}
