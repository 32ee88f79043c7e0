//! The township's monthly analysis meeting (月度分析例会, 001 §三(三)3: 建立乡镇（街道）月度分析例会
//! 制度，对辖区经济运行情况进行分析研判): its minutes, recorded by the township's leader, its
//! 分管领导 or its 经发办 staff, and the monthly duty they meet.

use serde::{Deserialize, Serialize};
use time::Date;

use super::cadence::{Period, Rule, Status, Subject, Waiver, judge};
use super::draft::{Draft, FieldError, KIND_ANALYSIS_MEETING};
use super::grid::GridId;
use super::period::{self, Month, RecordDateError};
use super::text::{TextError, required};

/// Longest text of each part of the minutes, in characters.
pub const PART_MAX_CHARS: usize = 2000;

/// A meeting's minutes as entered, before validation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalysisMeetingDraft {
    /// The township that met; 0 when none is chosen yet.
    pub grid_id: GridId,
    /// `YYYY-MM-DD`.
    pub meeting_date: String,
    /// 参会人员.
    pub attendees: String,
    /// 经济运行分析: how the township's economy ran, as discussed.
    pub economy: String,
    /// 发现的问题.
    pub findings: String,
    /// 下一步措施.
    pub follow_ups: String,
}

/// Minutes that passed validation, their texts trimmed.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidAnalysisMeeting {
    pub grid_id: GridId,
    pub meeting_date: Date,
    pub attendees: String,
    pub economy: String,
    pub findings: String,
    pub follow_ups: String,
}

/// A problem with one field of an [`AnalysisMeetingDraft`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AnalysisMeetingError {
    #[error("请选择召开例会的乡镇（街道）")]
    NoGrid,
    #[error("请按“年-月-日”填写例会日期")]
    DateMalformed,
    #[error("例会日期不能晚于今天")]
    DateInFuture,
    #[error("只能记录一年以内召开的例会")]
    DateTooOld,
    #[error(transparent)]
    Text(#[from] TextError),
}

impl FieldError for AnalysisMeetingError {
    /// Stable machine code for the sync API.
    fn code(&self) -> &'static str {
        match self {
            Self::NoGrid => "no_grid",
            Self::DateMalformed => "date_malformed",
            Self::DateInFuture => "date_in_future",
            Self::DateTooOld => "date_too_old",
            Self::Text(e) => e.code(),
        }
    }

    /// The [`AnalysisMeetingDraft`] field the error concerns.
    fn field(&self) -> &'static str {
        match self {
            Self::NoGrid => "grid_id",
            Self::DateMalformed | Self::DateInFuture | Self::DateTooOld => "meeting_date",
            Self::Text(e) => e.field(),
        }
    }
}

/// The written parts of the minutes in form order: field and label.
pub const PARTS: [(&str, &str); 4] = [
    ("attendees", "参会人员"),
    ("economy", "经济运行分析"),
    ("findings", "发现的问题"),
    ("follow_ups", "下一步措施"),
];

impl AnalysisMeetingDraft {
    /// The texts of the parts, in the order of [`PARTS`].
    pub fn parts(&self) -> [&String; 4] {
        [
            &self.attendees,
            &self.economy,
            &self.findings,
            &self.follow_ups,
        ]
    }

    /// The text of the `i`-th part of [`PARTS`], to write into.
    pub fn part_mut(&mut self, i: usize) -> &mut String {
        match i {
            0 => &mut self.attendees,
            1 => &mut self.economy,
            2 => &mut self.findings,
            _ => &mut self.follow_ups,
        }
    }
}

impl Draft for AnalysisMeetingDraft {
    const KIND: &'static str = KIND_ANALYSIS_MEETING;
    type Valid = ValidAnalysisMeeting;
    type Error = AnalysisMeetingError;
    const LABEL: &'static str = "月度分析例会";

    fn describe(&self) -> Vec<(&'static str, String)> {
        std::iter::once(("例会日期", self.meeting_date.clone()))
            .chain(
                PARTS
                    .iter()
                    .zip(self.parts())
                    .map(|((_, l), t)| (*l, t.clone())),
            )
            .collect()
    }

    fn date(&self) -> String {
        self.meeting_date.clone()
    }

    fn validate(&self, today: Date) -> Result<Self::Valid, Vec<Self::Error>> {
        let mut errors = Vec::new();
        if self.grid_id <= 0 {
            errors.push(AnalysisMeetingError::NoGrid);
        }
        let date = period::record_date(&self.meeting_date, today)
            .map_err(|e| {
                errors.push(match e {
                    RecordDateError::Malformed => AnalysisMeetingError::DateMalformed,
                    RecordDateError::InFuture => AnalysisMeetingError::DateInFuture,
                    RecordDateError::TooOld => AnalysisMeetingError::DateTooOld,
                })
            })
            .ok();
        let parts: Vec<String> = PARTS
            .iter()
            .zip(self.parts())
            .map(|(name, value)| {
                required(value, PART_MAX_CHARS, *name)
                    .map_err(|e| errors.push(e.into()))
                    .unwrap_or_default()
            })
            .collect();
        match (date, <[String; 4]>::try_from(parts)) {
            (Some(meeting_date), Ok([attendees, economy, findings, follow_ups]))
                if errors.is_empty() =>
            {
                Ok(ValidAnalysisMeeting {
                    grid_id: self.grid_id,
                    meeting_date,
                    attendees,
                    economy,
                    findings,
                    follow_ups,
                })
            }
            _ => Err(errors),
        }
    }
}

/// The meeting duty of township `grid` for `month`, judged on `today` by the cadence engine's
/// [`judge`] under `rule` (the policy's
/// [`super::cadence::ObligationKind::TownshipAnalysisMeeting`] rule) from the days meetings
/// were `held` and the `waivers` (a month not begun is 未到期).
pub fn meeting_status(
    rule: &Rule,
    grid: GridId,
    month: Month,
    held: &[Date],
    waivers: &[Waiver],
    today: Date,
) -> Status {
    let days: Vec<(Date, u32)> = held
        .iter()
        .filter(|day| month.contains(**day))
        .map(|&day| (day, 1))
        .collect();
    let period = Period::Month(month);
    judge(rule, Subject::Grid(grid), period, &days, waivers, today).status
}

#[cfg(test)]
#[path = "analysis_meeting_tests.rs"]
mod tests;
