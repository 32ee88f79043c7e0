//! The grid leader's monthly report (情况汇报) to the township, and its review: what a leader
//! may write, and which review step may follow which. Run alike on the phone and the server.

use serde::{Deserialize, Serialize};

use super::draft::{Draft, FieldError, KIND_MONTHLY_REPORT};
use time::Date;

use super::cadence::{Period, Rule, Status, Subject, Waiver, judge};
use super::grid::GridId;
use super::period::{Month, format_date};

/// Longest text of each part of a report, in characters.
pub const PART_MAX_CHARS: usize = 2000;

/// Oldest month a report may still be filed for, in months before this one.
const MAX_AGE_MONTHS: u32 = 12;

/// A monthly report as entered, before validation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportDraft {
    /// The reporting grid; 0 when none is chosen yet.
    pub grid_id: i32,
    /// `YYYY-MM`.
    pub month: String,
    /// 本月工作情况.
    pub work_done: String,
    /// 存在问题 (may be empty).
    pub problems: String,
    /// 下月工作打算.
    pub next_steps: String,
}

/// A grid's records of one month, as a report quotes them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthFigures {
    pub visits: usize,
    pub activities: usize,
    pub trainings: usize,
}

impl MonthFigures {
    /// The server's figures with the phone's records it has not received yet.
    pub fn plus(self, unsent: MonthFigures) -> MonthFigures {
        MonthFigures {
            visits: self.visits + unsent.visits,
            activities: self.activities + unsent.activities,
            trainings: self.trainings + unsent.trainings,
        }
    }

    /// The figures as a sentence of the report, e.g. for 本月工作情况.
    pub fn sentence(&self, month_label: &str) -> String {
        format!(
            "{month_label}，本网格走访企业 {} 次，开展统计之家活动 {} 次，组织培训 {} 次。",
            self.visits, self.activities, self.trainings
        )
    }
}

/// A report that passed validation, its texts trimmed.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidReport {
    pub grid_id: i32,
    pub month: Month,
    pub work_done: String,
    pub problems: String,
    pub next_steps: String,
}

/// A problem with one field of a [`ReportDraft`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    #[error("请选择汇报的网格")]
    NoGrid,
    #[error("月份格式应为 年-月，例如 2026-11")]
    MonthMalformed,
    #[error("不能为尚未开始的月份汇报")]
    MonthInFuture,
    #[error("只能汇报最近12个月的工作")]
    MonthTooOld,
    #[error("请填写本月工作情况")]
    WorkDoneEmpty,
    #[error("请填写下月工作打算")]
    NextStepsEmpty,
    #[error("{part}不能超过{max}字（当前{found}字）")]
    TooLong {
        part: &'static str,
        field: &'static str,
        max: usize,
        found: usize,
    },
}

impl FieldError for ReportError {
    /// Stable machine code for the sync API.
    fn code(&self) -> &'static str {
        match self {
            Self::NoGrid => "no_grid",
            Self::MonthMalformed => "month_malformed",
            Self::MonthInFuture => "month_in_future",
            Self::MonthTooOld => "month_too_old",
            Self::WorkDoneEmpty => "work_done_empty",
            Self::NextStepsEmpty => "next_steps_empty",
            Self::TooLong { .. } => "too_long",
        }
    }

    /// The [`ReportDraft`] field the error concerns.
    fn field(&self) -> &'static str {
        match self {
            Self::NoGrid => "grid_id",
            Self::MonthMalformed | Self::MonthInFuture | Self::MonthTooOld => "month",
            Self::WorkDoneEmpty => "work_done",
            Self::NextStepsEmpty => "next_steps",
            Self::TooLong { field, .. } => field,
        }
    }
}

impl Draft for ReportDraft {
    const KIND: &'static str = KIND_MONTHLY_REPORT;
    type Valid = ValidReport;
    type Error = ReportError;
    const LABEL: &'static str = "情况汇报";

    fn describe(&self) -> Vec<(&'static str, String)> {
        vec![
            ("本月工作情况", self.work_done.clone()),
            ("存在问题", self.problems.clone()),
            ("下月工作打算", self.next_steps.clone()),
        ]
    }

    /// The month's last day.
    fn date(&self) -> String {
        Month::parse(&self.month)
            .map(|m| format_date(m.last_day()))
            .unwrap_or_default()
    }

    fn validate(&self, today: Date) -> Result<Self::Valid, Vec<Self::Error>> {
        let mut errors = Vec::new();
        if self.grid_id <= 0 {
            errors.push(ReportError::NoGrid);
        }
        let month = check_month(&self.month, today).map_err(|e| errors.push(e));
        let mut text = |value: &str,
                        (field, part): (&'static str, &'static str),
                        required: Option<ReportError>| {
            let trimmed = super::text::clean_text(value);
            let found = trimmed.chars().count();
            match required {
                Some(missing) if found == 0 => errors.push(missing),
                _ if found > PART_MAX_CHARS => errors.push(ReportError::TooLong {
                    part,
                    field,
                    max: PART_MAX_CHARS,
                    found,
                }),
                _ => {}
            }
            trimmed
        };
        let work_done = text(
            &self.work_done,
            ("work_done", "本月工作情况"),
            Some(ReportError::WorkDoneEmpty),
        );
        let problems = text(&self.problems, ("problems", "存在问题"), None);
        let next_steps = text(
            &self.next_steps,
            ("next_steps", "下月工作打算"),
            Some(ReportError::NextStepsEmpty),
        );
        match month {
            Ok(month) if errors.is_empty() => Ok(ValidReport {
                grid_id: self.grid_id,
                month,
                work_done,
                problems,
                next_steps,
            }),
            _ => Err(errors),
        }
    }
}

/// A month from this one back [`MAX_AGE_MONTHS`].
fn check_month(text: &str, today: Date) -> Result<Month, ReportError> {
    let month = Month::parse(text).map_err(|_| ReportError::MonthMalformed)?;
    let this = Month::of(today);
    if month > this {
        return Err(ReportError::MonthInFuture);
    }
    let age =
        (this.year() - month.year()) * 12 + i32::from(this.number()) - i32::from(month.number());
    if age > MAX_AGE_MONTHS as i32 {
        return Err(ReportError::MonthTooOld);
    }
    Ok(month)
}

/// Where a report stands with the township.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    /// 待审核: submitted (or resubmitted), not yet reviewed.
    Submitted,
    /// 被退回: returned with a comment; the leader edits and resubmits.
    Returned,
    /// 已通过: approved; the grid's records of the month are locked.
    Approved,
}

impl ReviewStatus {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Submitted => "submitted",
            Self::Returned => "returned",
            Self::Approved => "approved",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Submitted, Self::Returned, Self::Approved]
            .into_iter()
            .find(|s| s.code() == code)
    }

    pub fn label(&self) -> &'static str {
        match self {
            Self::Submitted => "待审核",
            Self::Returned => "被退回",
            Self::Approved => "已通过",
        }
    }

    /// Whether the grid leader may still change the report (and the month's records).
    pub fn editable(&self) -> bool {
        !matches!(self, Self::Approved)
    }
}

/// What a township leader does with a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewAction {
    /// 通过: accept it and lock the month.
    Approve,
    /// 退回: send it back with a comment.
    Return,
    /// 解锁: reopen an approved month, with a reason; the report goes back to the leader.
    Unlock,
}

impl ReviewAction {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Approve => "approved",
            Self::Return => "returned",
            Self::Unlock => "unlocked",
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            Self::Approve => "通过",
            Self::Return => "退回",
            Self::Unlock => "解锁",
        }
    }
}

/// Why a review step was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ReviewError {
    #[error("退回时请写明需要修改的地方")]
    CommentRequired,
    #[error("解锁时请写明原因")]
    ReasonRequired,
    #[error("意见不能超过{PART_MAX_CHARS}字")]
    CommentTooLong,
    #[error("该汇报已审核通过；如需修改请先解锁")]
    AlreadyApproved,
    #[error("该汇报已退回，等待网格长修改后重新提交")]
    AwaitingResubmission,
    #[error("只有已通过的汇报才能解锁")]
    NotLocked,
}

/// The status after `action` on a report in `status`, with the comment trimmed; refused
/// steps say why. Approving needs no comment; returning and unlocking do.
pub fn review(
    status: ReviewStatus,
    action: ReviewAction,
    comment: &str,
) -> Result<(ReviewStatus, String), ReviewError> {
    let comment = super::text::clean_text(comment);
    if comment.chars().count() > PART_MAX_CHARS {
        return Err(ReviewError::CommentTooLong);
    }
    let next = match (status, action) {
        (ReviewStatus::Submitted, ReviewAction::Approve) => ReviewStatus::Approved,
        (ReviewStatus::Submitted, ReviewAction::Return) if comment.is_empty() => {
            return Err(ReviewError::CommentRequired);
        }
        (ReviewStatus::Submitted, ReviewAction::Return) => ReviewStatus::Returned,
        (ReviewStatus::Approved, ReviewAction::Unlock) if comment.is_empty() => {
            return Err(ReviewError::ReasonRequired);
        }
        (ReviewStatus::Approved, ReviewAction::Unlock) => ReviewStatus::Returned,
        (ReviewStatus::Approved, _) => return Err(ReviewError::AlreadyApproved),
        (ReviewStatus::Returned, ReviewAction::Unlock) => return Err(ReviewError::NotLocked),
        (ReviewStatus::Returned, _) => return Err(ReviewError::AwaitingResubmission),
        (ReviewStatus::Submitted, ReviewAction::Unlock) => return Err(ReviewError::NotLocked),
    };
    Ok((next, comment))
}

/// The monthly report duty of `grids` for `months` (those begun by `today`), judged on
/// `today` by the cadence engine's [`judge`] under `rule` (the policy's
/// [`super::cadence::ObligationKind::MonthlyLeaderReport`] rule) from the reports `filed`
/// (grid, month reported on, day it was sent) and the `waivers`; by grid, then month. The
/// phone runs this on the reports it holds, synced and pending, so 本月待办 works offline.
pub fn report_duties(
    rule: &Rule,
    grids: &[GridId],
    filed: &[(GridId, Month, Date)],
    months: &[Month],
    waivers: &[Waiver],
    today: Date,
) -> Vec<(GridId, Month, Status)> {
    let begun: Vec<Month> = months
        .iter()
        .copied()
        .filter(|m| m.first_day() <= today)
        .collect();
    let mut out = Vec::new();
    for &grid in grids {
        for &month in &begun {
            let sent: Vec<(Date, u32)> = filed
                .iter()
                .filter(|&&(g, m, _)| g == grid && m == month)
                .map(|&(_, _, day)| (day, 1))
                .collect();
            let period = Period::Month(month);
            let judged = judge(rule, Subject::Grid(grid), period, &sent, waivers, today);
            out.push((grid, month, judged.status));
        }
    }
    out
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
