//! Training and continuing education (业务培训 / 统计继续教育): one training or 联审辅导
//! session attended by grid members, recorded by one of them or by the township, with its
//! hours; and a member's hours of the year against the continuing-education duty (001 §四(二)1,
//! 001 §三(二), 001 §三(三)3, 003 §三(二)).

use serde::{Deserialize, Serialize};

use super::draft::{Draft, FieldError, KIND_TRAINING};
use time::Date;

use super::cadence::{Period, Rule, Status, Subject, Waiver, judge};
use super::grid::GridId;
use super::period::{self, RecordDateError};

/// Longest title or organiser, in characters.
pub const NAME_MAX_CHARS: usize = 100;
/// Most hours one training counts for.
pub const HOURS_MAX: u32 = 40;

/// What the training covered (the training plan's subjects, 001 §四(二)1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrainingTopic {
    /// 统计实务
    Practice,
    /// 统计法律知识
    Law,
    /// 统计人员管理
    Staff,
    /// 统计网格管理
    Grid,
    /// 统计日常管理系统操作
    System,
    /// 其他
    Other,
}

impl TrainingTopic {
    pub const ALL: [TrainingTopic; 6] = [
        Self::Practice,
        Self::Law,
        Self::Staff,
        Self::Grid,
        Self::System,
        Self::Other,
    ];

    pub fn code(&self) -> &'static str {
        match self {
            Self::Practice => "practice",
            Self::Law => "law",
            Self::Staff => "staff",
            Self::Grid => "grid",
            Self::System => "system",
            Self::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.code() == code)
    }

    pub fn label(&self) -> &'static str {
        match self {
            Self::Practice => "统计实务",
            Self::Law => "统计法律知识",
            Self::Staff => "统计人员管理",
            Self::Grid => "统计网格管理",
            Self::System => "统计日常管理系统操作",
            Self::Other => "其他",
        }
    }
}

/// How the session was held (001 §三(三)3: 开展业务培训及联审辅导工作).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TrainingSession {
    /// 业务培训: a lesson.
    Training,
    /// 联审辅导: statisticians going over their reports together with the township's staff.
    JointReview,
    /// 在线学习: an online course studied alone (001 §三(三)1: 在线教育培训).
    Online,
}

impl TrainingSession {
    pub const ALL: [TrainingSession; 3] = [Self::Training, Self::JointReview, Self::Online];

    pub fn code(&self) -> &'static str {
        match self {
            Self::Training => "training",
            Self::JointReview => "joint_review",
            Self::Online => "online",
        }
    }

    /// The session of this code; a draft saved before sessions were recorded has none, and
    /// was a training.
    pub fn from_code(code: &str) -> Option<Self> {
        match code.trim() {
            "" => Some(Self::Training),
            code => Self::ALL.into_iter().find(|s| s.code() == code),
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            Self::Training => "业务培训",
            Self::JointReview => "联审辅导",
            Self::Online => "在线学习",
        }
    }
}

/// A training form as entered, before validation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainingDraft {
    /// The grid whose members attended; 0 when none is chosen yet.
    pub grid_id: GridId,
    pub title: String,
    /// `YYYY-MM-DD`.
    pub training_date: String,
    pub organiser: String,
    /// A [`TrainingTopic`] code.
    pub topic: String,
    /// A [`TrainingSession`] code; empty in drafts saved before it was asked.
    #[serde(default)]
    pub session: String,
    /// 学时 it counts for; 0 when not filled in.
    pub hours: u32,
    /// The grid members who attended (person ids).
    pub attendees: Vec<i32>,
}

/// A training that passed validation.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidTraining {
    pub grid_id: GridId,
    pub title: String,
    pub training_date: Date,
    pub organiser: String,
    pub topic: TrainingTopic,
    pub session: TrainingSession,
    pub hours: u32,
    /// Sorted, without repeats, at least one.
    pub attendees: Vec<i32>,
}

/// A problem with one field of a [`TrainingDraft`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TrainingError {
    #[error("请选择参训人员所在的网格")]
    NoGrid,
    #[error("请填写培训名称")]
    TitleEmpty,
    #[error("培训名称不能超过{max}字")]
    TitleTooLong { max: usize },
    #[error("培训日期格式应为 年-月-日，例如 2026-11-22")]
    DateMalformed,
    #[error("培训日期不能晚于今天")]
    DateInFuture,
    #[error("培训日期不能早于一年前")]
    DateTooOld,
    #[error("请填写举办单位")]
    OrganiserEmpty,
    #[error("举办单位不能超过{max}字")]
    OrganiserTooLong { max: usize },
    #[error("请选择培训内容")]
    TopicUnknown,
    #[error("请选择培训形式")]
    SessionUnknown,
    #[error("学时应为 1 到 {max} 之间的整数")]
    HoursOutOfRange { max: u32 },
    #[error("请选择参加培训的网格成员")]
    NoAttendees,
}

impl FieldError for TrainingError {
    fn code(&self) -> &'static str {
        match self {
            Self::NoGrid => "no_grid",
            Self::TitleEmpty => "title_empty",
            Self::TitleTooLong { .. } => "title_too_long",
            Self::DateMalformed => "date_malformed",
            Self::DateInFuture => "date_in_future",
            Self::DateTooOld => "date_too_old",
            Self::OrganiserEmpty => "organiser_empty",
            Self::OrganiserTooLong { .. } => "organiser_too_long",
            Self::TopicUnknown => "topic_unknown",
            Self::SessionUnknown => "session_unknown",
            Self::HoursOutOfRange { .. } => "hours_out_of_range",
            Self::NoAttendees => "no_attendees",
        }
    }

    fn field(&self) -> &'static str {
        match self {
            Self::NoGrid => "grid_id",
            Self::TitleEmpty | Self::TitleTooLong { .. } => "title",
            Self::DateMalformed | Self::DateInFuture | Self::DateTooOld => "training_date",
            Self::OrganiserEmpty | Self::OrganiserTooLong { .. } => "organiser",
            Self::TopicUnknown => "topic",
            Self::SessionUnknown => "session",
            Self::HoursOutOfRange { .. } => "hours",
            Self::NoAttendees => "attendees",
        }
    }
}

fn name(
    value: &str,
    empty: TrainingError,
    too_long: TrainingError,
) -> Result<String, TrainingError> {
    let value = super::text::clean_line(value);
    match value.chars().count() {
        0 => Err(empty),
        n if n > NAME_MAX_CHARS => Err(too_long),
        _ => Ok(value),
    }
}

impl Draft for TrainingDraft {
    const KIND: &'static str = KIND_TRAINING;
    type Valid = ValidTraining;
    type Error = TrainingError;
    const LABEL: &'static str = "培训";

    fn describe(&self) -> Vec<(&'static str, String)> {
        vec![
            ("培训名称", self.title.clone()),
            ("培训日期", self.training_date.clone()),
            ("举办单位", self.organiser.clone()),
            (
                "培训内容",
                TrainingTopic::from_code(&self.topic)
                    .map_or_else(|| self.topic.clone(), |p| p.label().to_owned()),
            ),
            (
                "培训形式",
                TrainingSession::from_code(&self.session)
                    .map_or_else(|| self.session.clone(), |s| s.label().to_owned()),
            ),
            ("学时", self.hours.to_string()),
            ("参训人数", self.attendees.len().to_string()),
        ]
    }

    fn date(&self) -> String {
        self.training_date.clone()
    }

    fn validate(&self, today: Date) -> Result<Self::Valid, Vec<Self::Error>> {
        let grid = (self.grid_id > 0)
            .then_some(self.grid_id)
            .ok_or(TrainingError::NoGrid);
        let title = name(
            &self.title,
            TrainingError::TitleEmpty,
            TrainingError::TitleTooLong {
                max: NAME_MAX_CHARS,
            },
        );
        let date = period::record_date(&self.training_date, today).map_err(|e| match e {
            RecordDateError::Malformed => TrainingError::DateMalformed,
            RecordDateError::InFuture => TrainingError::DateInFuture,
            RecordDateError::TooOld => TrainingError::DateTooOld,
        });
        let organiser = name(
            &self.organiser,
            TrainingError::OrganiserEmpty,
            TrainingError::OrganiserTooLong {
                max: NAME_MAX_CHARS,
            },
        );
        let topic = TrainingTopic::from_code(self.topic.trim()).ok_or(TrainingError::TopicUnknown);
        let session =
            TrainingSession::from_code(&self.session).ok_or(TrainingError::SessionUnknown);
        let hours = (1..=HOURS_MAX)
            .contains(&self.hours)
            .then_some(self.hours)
            .ok_or(TrainingError::HoursOutOfRange { max: HOURS_MAX });
        let mut attendees = self.attendees.clone();
        attendees.sort_unstable();
        attendees.dedup();
        let attendees = (!attendees.is_empty())
            .then_some(attendees)
            .ok_or(TrainingError::NoAttendees);
        match (
            grid, title, date, organiser, topic, session, hours, attendees,
        ) {
            (
                Ok(grid_id),
                Ok(title),
                Ok(training_date),
                Ok(organiser),
                Ok(topic),
                Ok(session),
                Ok(hours),
                Ok(attendees),
            ) => Ok(ValidTraining {
                grid_id,
                title,
                training_date,
                organiser,
                topic,
                session,
                hours,
                attendees,
            }),
            (grid, title, date, organiser, topic, session, hours, attendees) => Err([
                grid.err(),
                title.err(),
                date.err(),
                organiser.err(),
                topic.err(),
                session.err(),
                hours.err(),
                attendees.err(),
            ]
            .into_iter()
            .flatten()
            .collect()),
        }
    }
}

/// A person's continuing-education hours in `year` up to `today`, from the trainings they
/// `attended` (day, hours), and the duty's status judged by the cadence engine's [`judge`]
/// under `rule` (the policy's [`super::cadence::ObligationKind::ContinuingEducation`] rule)
/// with the `waivers`: met on the day the hours reach the yearly requirement.
pub fn education_status(
    rule: &Rule,
    person: i32,
    year: i32,
    attended: &[(Date, u32)],
    waivers: &[Waiver],
    today: Date,
) -> (u32, Status) {
    let counted: Vec<(Date, u32)> = attended
        .iter()
        .copied()
        .filter(|(day, _)| day.year() == year && *day <= today)
        .collect();
    let hours = counted.iter().map(|(_, h)| h).sum();
    let period = Period::Year(year);
    let judged = judge(
        rule,
        Subject::Person(person),
        period,
        &counted,
        waivers,
        today,
    );
    (hours, judged.status)
}

#[cfg(test)]
#[path = "training_tests.rs"]
mod tests;
