//! What must be done (the obligation kinds of `domain.md`), how often, and
//! which recorded facts fulfil it.

use serde::{Deserialize, Serialize};
use time::Date;

use super::{FactKind, MonthDay, Period};
use crate::domain::grid::GridKind;
use crate::domain::period::{Month, Quarter};
use crate::domain::tagged::{TagError, required, unknown};

/// A recurring duty of a grid, person or enterprise. Parameters such as
/// counts are part of the kind so a policy can adjust them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", try_from = "KindFields")]
pub enum ObligationKind {
    /// The township (level-2) leader hears each lower grid leader's report at
    /// least once a month (001 §三(二), 003 §三(二)); one per lower grid.
    MonthlyLeaderReport,
    /// At least one grid activity a quarter per enterprise grid (003 §三(三)1;
    /// Yuhuan's "定期", 001 §三(二)).
    QuarterlyActivity,
    /// At least one activity a quarter organised by the city grid (the statistics bureau) and
    /// each township, street, department, development zone and work area for the grids below
    /// it (003 §三(三)1: 各级网格每季度要组织统计网格成员开展……活动; Yuhuan asks it of the
    /// enterprise grids only).
    UnitActivity,
    /// Each enterprise visited at least `per_quarter` times a quarter.
    EnterpriseVisits {
        /// Visits required per quarter (default 1).
        per_quarter: u32,
    },
    /// The enterprise grid leader's annual work plan (001 §三(二), §四(一)).
    AnnualPlan,
    /// Each township's, department's and development zone's training plan for the year, drawn
    /// up in the April stage (001 §四(二)1: 制定培训计划).
    TrainingPlan,
    /// Continuing education hours per grid member per year.
    ContinuingEducation {
        /// Hours required per year.
        hours_per_year: u32,
    },
    /// The township's monthly analysis meeting (001 §三(三)3).
    TownshipAnalysisMeeting,
    /// Each township's, department's and development zone's instructor (the 分管领导) promotes
    /// the statistics law regularly (001 §三(二), 003 §三(二): 定期开展统计法治宣传, taken as
    /// quarterly): a 统计法治宣传 activity or visit in the unit or a grid below it.
    LawPromotion,
    /// A major event reported to the city bureau at once (001 §三(三)3): one
    /// obligation per subject and day an event occurred.
    MajorEvent {
        /// Hours the city bureau has to read a reported event before it is escalated to the
        /// bureau's leaders: a local setting (the document says only "at once").
        city_read_hours: u32,
    },
    /// Reports due on fixed days of each year, e.g. Guangxi's progress
    /// reports on 7/15, 9/15 and 12/10 (004 §七). Each report covers the days
    /// since the previous deadline, or a stage with its own window.
    FixedDate {
        /// What is reported, shown to users; also ties facts and waivers to the rule.
        label: String,
        /// The deadlines in each year.
        dates: Vec<MonthDay>,
        /// The kind of grid that must report.
        grid_kind: GridKind,
        /// The first day of the stage the report closes, for a single deadline (004 §五(四):
        /// 总结阶段 12月1日—12月10日): the report is filed within the stage, not before it.
        #[serde(skip_serializing_if = "Option::is_none")]
        opens: Option<MonthDay>,
    },
}

/// Longest name of a fixed-date report, in characters: the name a report filed for it repeats.
pub const FIXED_LABEL_MAX_CHARS: usize = 60;

/// The city bureau's hours to read a major event when a policy sets none: a day.
pub const DEFAULT_CITY_READ_HOURS: u32 = 24;

/// Every variant's fields, read flat ([`crate::domain::tagged`]): the phone reads the rules of
/// its duty list through it.
#[derive(Deserialize)]
struct KindFields {
    kind: String,
    per_quarter: Option<u32>,
    hours_per_year: Option<u32>,
    city_read_hours: Option<u32>,
    label: Option<String>,
    dates: Option<Vec<MonthDay>>,
    grid_kind: Option<GridKind>,
    opens: Option<MonthDay>,
}

impl TryFrom<KindFields> for ObligationKind {
    type Error = TagError;

    fn try_from(f: KindFields) -> Result<Self, TagError> {
        let tag = f.kind.as_str();
        Ok(match tag {
            "monthly_leader_report" => Self::MonthlyLeaderReport,
            "quarterly_activity" => Self::QuarterlyActivity,
            "unit_activity" => Self::UnitActivity,
            "enterprise_visits" => Self::EnterpriseVisits {
                per_quarter: required(f.per_quarter, tag, "per_quarter")?,
            },
            "annual_plan" => Self::AnnualPlan,
            "training_plan" => Self::TrainingPlan,
            "continuing_education" => Self::ContinuingEducation {
                hours_per_year: required(f.hours_per_year, tag, "hours_per_year")?,
            },
            "township_analysis_meeting" => Self::TownshipAnalysisMeeting,
            "law_promotion" => Self::LawPromotion,
            "major_event" => Self::MajorEvent {
                city_read_hours: f.city_read_hours.unwrap_or(DEFAULT_CITY_READ_HOURS),
            },
            "fixed_date" => Self::FixedDate {
                label: required(f.label, tag, "label")?,
                dates: required(f.dates, tag, "dates")?,
                grid_kind: required(f.grid_kind, tag, "grid_kind")?,
                opens: f.opens,
            },
            _ => return Err(unknown(tag)),
        })
    }
}

/// How an obligation's periods are cut from the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    /// One period per calendar month.
    Monthly,
    /// One period per calendar quarter.
    Quarterly,
    /// One period per calendar year.
    Yearly,
    /// One period per day on which an event occurred.
    PerEvent,
    /// One period per fixed deadline, from the day after the previous one.
    FixedDates,
}

impl Cadence {
    /// Chinese name shown to users.
    pub fn label(&self) -> &'static str {
        match self {
            Cadence::Monthly => "每月",
            Cadence::Quarterly => "每季度",
            Cadence::Yearly => "每年",
            Cadence::PerEvent => "随事件",
            Cadence::FixedDates => "固定日期",
        }
    }
}

impl ObligationKind {
    /// Stable snake_case code, as stored and sent over the wire.
    pub fn code(&self) -> &'static str {
        match self {
            Self::MonthlyLeaderReport => "monthly_leader_report",
            Self::QuarterlyActivity => "quarterly_activity",
            Self::UnitActivity => "unit_activity",
            Self::EnterpriseVisits { .. } => "enterprise_visits",
            Self::AnnualPlan => "annual_plan",
            Self::TrainingPlan => "training_plan",
            Self::ContinuingEducation { .. } => "continuing_education",
            Self::TownshipAnalysisMeeting => "township_analysis_meeting",
            Self::LawPromotion => "law_promotion",
            Self::MajorEvent { .. } => "major_event",
            Self::FixedDate { .. } => "fixed_date",
        }
    }

    /// Chinese name shown to users; a fixed-date obligation's own label.
    pub fn label(&self) -> &str {
        match self {
            Self::MonthlyLeaderReport => "网格长月度汇报",
            Self::QuarterlyActivity => "季度网格活动",
            Self::UnitActivity => "市、乡镇（部门）、工作管理片季度活动",
            Self::EnterpriseVisits { .. } => "企业走访",
            Self::AnnualPlan => "年度工作计划",
            Self::TrainingPlan => "年度培训计划",
            Self::ContinuingEducation { .. } => "统计继续教育",
            Self::TownshipAnalysisMeeting => "乡镇月度分析例会",
            Self::LawPromotion => "统计法治宣传",
            Self::MajorEvent { .. } => "重大事项报告",
            Self::FixedDate { label, .. } => label.trim(),
        }
    }

    /// How the kind's periods are cut.
    pub fn cadence(&self) -> Cadence {
        match self {
            Self::MonthlyLeaderReport | Self::TownshipAnalysisMeeting => Cadence::Monthly,
            Self::QuarterlyActivity
            | Self::UnitActivity
            | Self::EnterpriseVisits { .. }
            | Self::LawPromotion => Cadence::Quarterly,
            Self::AnnualPlan | Self::TrainingPlan | Self::ContinuingEducation { .. } => {
                Cadence::Yearly
            }
            Self::MajorEvent { .. } => Cadence::PerEvent,
            Self::FixedDate { .. } => Cadence::FixedDates,
        }
    }

    /// The amount (visits, hours, records) the facts of one period must add
    /// up to; at least 1.
    pub fn required_amount(&self) -> u32 {
        match self {
            Self::EnterpriseVisits { per_quarter } => (*per_quarter).max(1),
            Self::ContinuingEducation { hours_per_year } => (*hours_per_year).max(1),
            _ => 1,
        }
    }

    /// The period of this kind that a record dated `date` counts for.
    pub fn period_of(&self, date: Date) -> Period {
        match self {
            Self::FixedDate { dates, opens, .. } => fixed_window(dates, *opens, date),
            _ => match self.cadence() {
                Cadence::Monthly => Period::Month(Month::of(date)),
                Cadence::Quarterly => Period::Quarter(Quarter::of(date)),
                Cadence::Yearly => Period::Year(date.year()),
                Cadence::PerEvent | Cadence::FixedDates => Period::Day(date),
            },
        }
    }

    /// Whether a recorded fact of kind `fact` fulfils this obligation.
    pub fn fulfilled_by(&self, fact: &FactKind) -> bool {
        match (self, fact) {
            (Self::FixedDate { label, .. }, FactKind::FixedDateReport { label: done }) => {
                label.trim() == done.trim()
            }
            (Self::MonthlyLeaderReport, FactKind::LeaderReport)
            | (Self::QuarterlyActivity | Self::UnitActivity, FactKind::Activity)
            | (Self::EnterpriseVisits { .. }, FactKind::Visit)
            | (Self::AnnualPlan, FactKind::AnnualPlan)
            | (Self::TrainingPlan, FactKind::TrainingPlan)
            | (Self::ContinuingEducation { .. }, FactKind::Training)
            | (Self::TownshipAnalysisMeeting, FactKind::AnalysisMeeting)
            | (Self::LawPromotion, FactKind::LawPromotion)
            | (Self::MajorEvent { .. }, FactKind::MajorEventReported) => true,
            _ => false,
        }
    }

    /// Whether both name the same duty whatever their parameters (same kind,
    /// and for fixed dates the same label): a waiver granted under one still
    /// applies after an administrator changes a count.
    pub fn same_duty(&self, other: &ObligationKind) -> bool {
        self.code() == other.code() && self.label() == other.label()
    }
}

/// The window closed by the first deadline on or after `date`: from the day
/// after the previous deadline (which may lie in the year before), or from the stage's
/// opening day when later, to it.
fn fixed_window(dates: &[MonthDay], opens: Option<MonthDay>, date: Date) -> Period {
    let year = date.year();
    let mut deadlines: Vec<Date> = (year - 1..=year + 1)
        .flat_map(|y| dates.iter().filter_map(move |md| md.in_year(y)))
        .collect();
    deadlines.sort_unstable();
    deadlines.dedup();
    let Some(i) = deadlines.iter().position(|&d| d >= date) else {
        // No deadline at all (an invalid policy) or past the calendar's end.
        return Period::Day(date);
    };
    let last = deadlines.get(i).copied().unwrap_or(date);
    let first = i
        .checked_sub(1)
        .and_then(|j| deadlines.get(j))
        .and_then(|previous| previous.next_day())
        .unwrap_or(Period::Year(year).first_day());
    // A stage's report answers its deadline whenever it is written; the window is the stage.
    let first = (opens.and_then(|o| o.in_year(last.year()))).map_or(first, |o| first.max(o));
    Period::Span { first, last }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "kind_tests.rs"]
mod tests;
