//! Progress reports due on fixed days (004 §七: 各相关试点市、县（市、区）统计局于7月15日、9月15日及
//! 12月10日前……报送试点工作推进情况总结及出台的相关文件材料): a report answers one deadline of one
//! fixed-date rule of the policy, for a grid of the kind the rule binds, and the rule's verdict
//! comes from the day it first reached the server.

use serde::{Deserialize, Serialize};
use time::{Date, Duration};

use super::cadence::{
    FIXED_LABEL_MAX_CHARS, MonthDay, ObligationKind, Period, Policy, Rule, Status, Subject, Waiver,
    judge,
};
use super::draft::{Draft, FieldError, KIND_PROGRESS_REPORT};
use super::grid::{GridId, GridKind};
use super::period::parse_date;
use super::text::{TextError, clean_line, named};

/// Longest text of each part of a report, in characters.
pub const PART_MAX_CHARS: usize = 4000;

/// Longest name of the report answered: a rule's label, bounded as the policy bounds it.
pub const LABEL_MAX_CHARS: usize = FIXED_LABEL_MAX_CHARS;

/// How far from today a deadline a report answers may lie, either way: a report answers the
/// deadlines of the past year and the next one.
pub const DEADLINE_REACH_DAYS: i64 = 366;

/// A fixed-date report the policy asks for, as the phone needs it to offer its deadlines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixedReport {
    /// What is reported, e.g. 试点工作推进情况总结.
    pub label: String,
    /// The deadlines in each year.
    pub dates: Vec<MonthDay>,
    /// The kind of grid that reports.
    pub grid_kind: GridKind,
    /// The first day of the stage the report closes, where it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opens: Option<MonthDay>,
}

impl FixedReport {
    /// The report a fixed-date rule of this `kind` asks for; `None` for other kinds.
    pub fn of(kind: &ObligationKind) -> Option<FixedReport> {
        match kind {
            ObligationKind::FixedDate {
                label,
                dates,
                grid_kind,
                opens,
            } => Some(FixedReport {
                label: label.trim().to_owned(),
                dates: dates.clone(),
                grid_kind: *grid_kind,
                opens: *opens,
            }),
            _ => None,
        }
    }

    /// The fixed-date reports `policy` asks for.
    pub fn all_in(policy: &Policy) -> Vec<FixedReport> {
        policy
            .rules
            .iter()
            .filter_map(|rule| Self::of(&rule.kind))
            .collect()
    }

    /// Whether `deadline` is one of the report's days.
    pub fn due_on(&self, deadline: Date) -> bool {
        self.dates
            .iter()
            .any(|md| md.in_year(deadline.year()) == Some(deadline))
    }

    /// The day the stage closed by `deadline` opens, where the report has a stage.
    pub fn opening(&self, deadline: Date) -> Option<Date> {
        self.opens.and_then(|o| o.in_year(deadline.year()))
    }

    /// Whether the report for `deadline` may be filed on `today`: always, unless its stage
    /// has not opened yet.
    pub fn open_on(&self, deadline: Date, today: Date) -> bool {
        self.opening(deadline)
            .is_none_or(|opening| opening <= today)
    }
}

/// One deadline a grid may report for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    pub label: String,
    pub date: Date,
    /// The day its stage opens, for a report that closes a stage: it is filed from then on.
    pub opens: Option<Date>,
}

impl Deadline {
    /// Whether a report for it may be filed on `today`.
    pub fn open_on(&self, today: Date) -> bool {
        self.opens.is_none_or(|opening| opening <= today)
    }
}

/// The deadlines a grid of `kind` reports for around `today`: those of the past
/// [`DEADLINE_REACH_DAYS`] and the next one of each report, oldest first.
pub fn deadlines(reports: &[FixedReport], kind: GridKind, today: Date) -> Vec<Deadline> {
    let oldest = today - Duration::days(DEADLINE_REACH_DAYS);
    let mut out: Vec<Deadline> = Vec::new();
    for report in reports.iter().filter(|r| r.grid_kind == kind) {
        let mut days: Vec<Date> = (today.year() - 1..=today.year() + 1)
            .flat_map(|y| report.dates.iter().filter_map(move |md| md.in_year(y)))
            .filter(|d| *d >= oldest)
            .collect();
        days.sort_unstable();
        days.dedup();
        let next = days
            .iter()
            .position(|d| *d >= today)
            .map_or(days.len(), |i| i + 1);
        out.extend(days.into_iter().take(next).map(|date| Deadline {
            label: report.label.clone(),
            date,
            opens: report.opening(date),
        }));
    }
    out.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.label.cmp(&b.label)));
    out
}

/// A progress report as entered, before validation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressReportDraft {
    /// The grid reporting; 0 when none is chosen yet.
    pub grid_id: GridId,
    /// The report answered: a fixed-date rule's label.
    pub label: String,
    /// The deadline answered, `YYYY-MM-DD`.
    pub deadline: String,
    /// 工作推进情况.
    pub progress: String,
    /// 存在问题和意见建议.
    pub problems: String,
    /// 出台的相关文件: their titles (may be empty).
    pub documents: String,
    /// The documents scanned or photographed (ids of photos kept on the phone, then on the
    /// server); absent from reports written before they could carry any.
    #[serde(default)]
    pub photos: Vec<uuid::Uuid>,
}

/// A report that passed validation, its texts trimmed.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidProgressReport {
    pub grid_id: GridId,
    pub label: String,
    pub deadline: Date,
    pub progress: String,
    pub problems: String,
    pub documents: String,
    pub photos: Vec<uuid::Uuid>,
}

/// A problem with one field of a [`ProgressReportDraft`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ProgressReportError {
    #[error("请选择报送单位")]
    NoGrid,
    #[error("请选择所报送的报告及其截止日期")]
    NoLabel,
    #[error("报告名称不能超过{LABEL_MAX_CHARS}字")]
    LabelTooLong,
    #[error("请按“年-月-日”填写截止日期")]
    DeadlineMalformed,
    #[error("只能报送一年以内截止的报告")]
    DeadlineOutOfReach,
    #[error(transparent)]
    Text(#[from] TextError),
}

impl FieldError for ProgressReportError {
    /// Stable machine code for the sync API.
    fn code(&self) -> &'static str {
        match self {
            Self::NoGrid => "no_grid",
            Self::NoLabel => "no_label",
            Self::LabelTooLong => "label_too_long",
            Self::DeadlineMalformed => "deadline_malformed",
            Self::DeadlineOutOfReach => "deadline_out_of_reach",
            Self::Text(e) => e.code(),
        }
    }

    /// The [`ProgressReportDraft`] field the error concerns.
    fn field(&self) -> &'static str {
        match self {
            Self::NoGrid => "grid_id",
            Self::NoLabel | Self::LabelTooLong => "label",
            Self::DeadlineMalformed | Self::DeadlineOutOfReach => "deadline",
            Self::Text(e) => e.field(),
        }
    }
}

/// The written parts of a report in form order: field, label and whether it is required.
pub const PARTS: [(&str, &str, bool); 3] = [
    ("progress", "工作推进情况", true),
    ("problems", "存在问题和意见建议", true),
    ("documents", "出台的相关文件", false),
];

impl ProgressReportDraft {
    /// The texts of the parts, in the order of [`PARTS`].
    pub fn parts(&self) -> [&String; 3] {
        [&self.progress, &self.problems, &self.documents]
    }

    /// The text of the `i`-th part of [`PARTS`], to write into.
    pub fn part_mut(&mut self, i: usize) -> &mut String {
        match i {
            0 => &mut self.progress,
            1 => &mut self.problems,
            _ => &mut self.documents,
        }
    }
}

impl Draft for ProgressReportDraft {
    const KIND: &'static str = KIND_PROGRESS_REPORT;
    type Valid = ValidProgressReport;
    type Error = ProgressReportError;
    const LABEL: &'static str = "阶段进展报告";

    fn describe(&self) -> Vec<(&'static str, String)> {
        [
            ("报告", self.label.clone()),
            ("截止日期", self.deadline.clone()),
        ]
        .into_iter()
        .chain(
            PARTS
                .iter()
                .zip(self.parts())
                .map(|((_, l, _), t)| (*l, t.clone())),
        )
        .collect()
    }

    fn date(&self) -> String {
        self.deadline.clone()
    }

    fn photos(&self) -> Vec<uuid::Uuid> {
        self.photos.clone()
    }

    fn validate(&self, today: Date) -> Result<Self::Valid, Vec<Self::Error>> {
        let mut errors = Vec::new();
        if self.grid_id <= 0 {
            errors.push(ProgressReportError::NoGrid);
        }
        let label = clean_line(&self.label);
        if label.is_empty() {
            errors.push(ProgressReportError::NoLabel);
        } else if label.chars().count() > LABEL_MAX_CHARS {
            errors.push(ProgressReportError::LabelTooLong);
        }
        let reach = Duration::days(DEADLINE_REACH_DAYS);
        let deadline = match parse_date(&self.deadline) {
            Err(_) => {
                errors.push(ProgressReportError::DeadlineMalformed);
                None
            }
            Ok(d) if (d - today).abs() > reach => {
                errors.push(ProgressReportError::DeadlineOutOfReach);
                None
            }
            Ok(d) => Some(d),
        };
        let mut texts = PARTS
            .iter()
            .zip(self.parts())
            .map(|(&(field, part, required), value)| {
                named(value, PART_MAX_CHARS, required, (field, part))
                    .map_err(|e| errors.push(e.into()))
                    .unwrap_or_default()
            });
        let [progress, problems, documents] = [(); 3].map(|_| texts.next().unwrap_or_default());
        match deadline {
            Some(deadline) if errors.is_empty() => Ok(ValidProgressReport {
                grid_id: self.grid_id,
                label,
                deadline,
                progress,
                problems,
                documents,
                photos: self.photos.clone(),
            }),
            _ => Err(errors),
        }
    }
}

impl ValidProgressReport {
    /// The rule of `policy` the report answers for a grid of `kind`: a fixed-date rule of that
    /// label, binding that kind, due on the report's deadline.
    pub fn rule_in<'p>(&self, policy: &'p Policy, kind: GridKind) -> Option<&'p Rule> {
        policy.rules.iter().find(|rule| {
            FixedReport::of(&rule.kind).is_some_and(|r| {
                r.label == self.label && r.grid_kind == kind && r.due_on(self.deadline)
            })
        })
    }
}

/// The verdict on grid `grid`'s report for `deadline` under the fixed-date `rule`, judged on
/// `today` by the cadence engine's [`judge`] from the day the report first reached the server
/// (`first_received`) and the `waivers`.
pub fn report_status(
    rule: &Rule,
    grid: GridId,
    deadline: Date,
    first_received: Option<Date>,
    waivers: &[Waiver],
    today: Date,
) -> Status {
    let period: Period = rule.kind.period_of(deadline);
    let filed: Vec<(Date, u32)> = first_received.map(|d| (d, 1)).into_iter().collect();
    judge(rule, Subject::Grid(grid), period, &filed, waivers, today).status
}

#[cfg(test)]
#[path = "progress_report_tests.rs"]
mod tests;
