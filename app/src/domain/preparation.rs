//! The preparation stage (准备实施阶段, 001 §四(一)): by the end of March the city issues its work
//! and assessment plans and, in mid-March, holds the mobilisation meeting; each township,
//! street, development zone and the department grid draws its four-level grids and registers
//! its statistics staff; each township (street) issues its own working rules. Then the
//! operating stage (具体操作阶段, 001 §四(二), April): each unit holds the grids' offline
//! exchanges, joins the digital platform and starts standardizing its statistics work (its
//! training plan, the stage's first task, is a duty of its own: `domain::training_plan`).
//! Each is marked done on a day by the unit, and judged against the day the document gives.

use super::cadence::Status;
use super::grid::GridKind;
use super::period::parse_date;
use super::text::{TextProblem, bounded, clean_line};
use serde::{Deserialize, Serialize};
use time::{Date, Month};

/// Longest title of the document a milestone issued.
pub const DOCUMENT_MAX_CHARS: usize = 200;

/// One thing the preparation stage asks of a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Milestone {
    /// 出台工作方案、考核方案 (the city).
    WorkPlan,
    /// 召开动员部署大会, in mid-March (the city).
    Mobilisation,
    /// 完成四级网格划分 (each level-2 unit).
    GridsDrawn,
    /// 完善统计人员信息 (each level-2 unit).
    StaffRegistered,
    /// 出台网格化工作细则 (each township or street, and the development zone counted with them).
    UnitRules,
    /// 开展网格线下交流活动 (培训、座谈、经验分享、户外团建等), in April (each level-2 unit).
    OfflineExchanges,
    /// 配合市统计局建立数字化智治平台, in April (each level-2 unit): its grids record their
    /// work on it.
    Platform,
    /// 开展统计工作规范化建设, in April (each level-2 unit).
    Standardization,
}

impl Milestone {
    pub const ALL: [Milestone; 8] = [
        Milestone::WorkPlan,
        Milestone::Mobilisation,
        Milestone::GridsDrawn,
        Milestone::StaffRegistered,
        Milestone::UnitRules,
        Milestone::OfflineExchanges,
        Milestone::Platform,
        Milestone::Standardization,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Milestone::WorkPlan => "work_plan",
            Milestone::Mobilisation => "mobilisation",
            Milestone::GridsDrawn => "grids_drawn",
            Milestone::StaffRegistered => "staff_registered",
            Milestone::UnitRules => "unit_rules",
            Milestone::OfflineExchanges => "offline_exchanges",
            Milestone::Platform => "platform",
            Milestone::Standardization => "standardization",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.code() == code)
    }

    /// Chinese name shown to users, in the document's words.
    pub fn label(self) -> &'static str {
        match self {
            Milestone::WorkPlan => "出台网格化管理工作方案、考核方案",
            Milestone::Mobilisation => "召开网格化智治动员部署大会",
            Milestone::GridsDrawn => "完成四级网格划分",
            Milestone::StaffRegistered => "完善统计人员信息",
            Milestone::UnitRules => "出台网格化工作细则",
            Milestone::OfflineExchanges => "开展网格线下交流活动",
            Milestone::Platform => "配合建立数字化智治平台",
            Milestone::Standardization => "开展统计工作规范化建设",
        }
    }

    /// The milestones asked of a unit of `kind`, in the document's order.
    pub fn of_kind(kind: GridKind) -> &'static [Milestone] {
        match kind {
            GridKind::City => &[Milestone::WorkPlan, Milestone::Mobilisation],
            GridKind::Township | GridKind::DevelopmentZone => &[
                Milestone::GridsDrawn,
                Milestone::StaffRegistered,
                Milestone::UnitRules,
                Milestone::OfflineExchanges,
                Milestone::Platform,
                Milestone::Standardization,
            ],
            GridKind::Department => &[
                Milestone::GridsDrawn,
                Milestone::StaffRegistered,
                Milestone::OfflineExchanges,
                Milestone::Platform,
                Milestone::Standardization,
            ],
            GridKind::WorkArea | GridKind::Enterprise => &[],
        }
    }

    /// The last day of the stage it is due by in `year`: mid-March (3月中旬, the 20th) for the
    /// mobilisation meeting, the end of March for the rest of the preparation stage, the end of
    /// April for the operating stage.
    pub fn due(self, year: i32) -> Option<Date> {
        let (month, day) = match self {
            Milestone::Mobilisation => (Month::March, 20),
            Milestone::OfflineExchanges | Milestone::Platform | Milestone::Standardization => {
                (Month::April, 30)
            }
            _ => (Month::March, 31),
        };
        Date::from_calendar_date(year, month, day).ok()
    }

    /// Whether marking it done asks for the title of the document issued (for standardization,
    /// the unit's plan for it).
    pub fn issues_document(self) -> bool {
        matches!(
            self,
            Milestone::WorkPlan | Milestone::UnitRules | Milestone::Standardization
        )
    }
}

/// The verdict on a milestone due on `due`, done on `done_on` if it was, as of `today`: due
/// soon in the month it is due in, the month its stage runs in.
pub fn status(due: Date, done_on: Option<Date>, today: Date) -> Status {
    match done_on {
        Some(done) if done <= due => Status::OnTime,
        Some(_) => Status::Late,
        None if today > due => Status::Overdue,
        None if today.year() == due.year() && today.month() == due.month() => Status::DueSoon,
        None => Status::NotYetDue,
    }
}

/// What the grid tree and the roster show of a unit, which a milestone's mark must agree with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UnitFacts {
    /// Open enterprise grids below the unit, and how many of them have a leader.
    pub enterprise_grids: usize,
    pub led_grids: usize,
    /// People on the unit's roster of statistics staff.
    pub staff: usize,
    /// Grid activities held in the stage's year in the unit and below.
    pub activities: usize,
    /// Grids of the unit (itself included) that recorded a visit or an activity that year.
    pub recording_grids: usize,
}

/// A milestone marked done, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MilestoneMark {
    pub milestone: Milestone,
    /// `YYYY-MM-DD`.
    pub done_on: String,
    /// The title of the document issued (文件名称), where one was.
    pub document: String,
}

/// A mark that passed [`MilestoneMark::check`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidMark {
    pub milestone: Milestone,
    pub done_on: Date,
    pub document: String,
}

/// Why a mark was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PreparationError {
    #[error("本单位没有“{}”这一项", .0.label())]
    NotAsked(Milestone),
    #[error("请填写完成日期（年-月-日）")]
    BadDate,
    #[error("完成日期不能晚于今天")]
    InFuture,
    #[error("完成日期应在 {0} 年内")]
    OtherYear(i32),
    #[error("请填写所出台文件的名称")]
    NoDocument,
    #[error("文件名称不能超过 {max} 个字（现有 {found} 个）")]
    DocumentTooLong { max: usize, found: usize },
    #[error("本单位下还没有企业网格，请先在网格管理中划分网格")]
    NoGrids,
    #[error("还有 {0} 个企业网格没有网格长，请先配齐网格长")]
    Leaderless(usize),
    #[error("统计人员名册还是空的，请先登记统计人员")]
    NoStaff,
    #[error("本单位及所属网格今年还没有记录网格活动，请先记录开展的线下交流活动")]
    NoActivities,
    #[error("本单位及所属网格今年还没有在平台上记录走访或活动")]
    NotOnPlatform,
}

impl MilestoneMark {
    /// The mark for a unit of `kind` in the stage of `year`, as of `today`, against `facts`.
    pub fn check(
        &self,
        kind: GridKind,
        year: i32,
        today: Date,
        facts: UnitFacts,
    ) -> Result<ValidMark, PreparationError> {
        let milestone = self.milestone;
        if !Milestone::of_kind(kind).contains(&milestone) {
            return Err(PreparationError::NotAsked(milestone));
        }
        let done_on = parse_date(self.done_on.trim()).map_err(|_| PreparationError::BadDate)?;
        if done_on > today {
            return Err(PreparationError::InFuture);
        }
        if done_on.year() != year {
            return Err(PreparationError::OtherYear(year));
        }
        let document = bounded(&clean_line(&self.document), DOCUMENT_MAX_CHARS, false).map_err(
            |p| match p {
                TextProblem::Empty => PreparationError::NoDocument,
                TextProblem::TooLong { max, found } => {
                    PreparationError::DocumentTooLong { max, found }
                }
            },
        )?;
        if milestone.issues_document() && document.is_empty() {
            return Err(PreparationError::NoDocument);
        }
        match milestone {
            Milestone::GridsDrawn if facts.enterprise_grids == 0 => {
                return Err(PreparationError::NoGrids);
            }
            Milestone::GridsDrawn if facts.led_grids < facts.enterprise_grids => {
                let leaderless = facts.enterprise_grids - facts.led_grids;
                return Err(PreparationError::Leaderless(leaderless));
            }
            Milestone::StaffRegistered if facts.staff == 0 => {
                return Err(PreparationError::NoStaff);
            }
            Milestone::OfflineExchanges if facts.activities == 0 => {
                return Err(PreparationError::NoActivities);
            }
            Milestone::Platform if facts.recording_grids == 0 => {
                return Err(PreparationError::NotOnPlatform);
            }
            _ => {}
        }
        Ok(ValidMark {
            milestone,
            done_on,
            document,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "preparation_tests.rs"]
mod tests;
