//! A grid activity (网格活动) held at the grid's 统计之家, as recorded by a grid member, and its
//! validation, run alike on the phone (offline) and on the server. Yueqing asks for one per grid
//! and quarter (003 §三(三)1); Yuhuan funds them (001 §三(四)5).

use serde::{Deserialize, Serialize};

use super::draft::{Draft, FieldError, KIND_ACTIVITY};
use time::Date;

use super::cadence::{Period, Rule, Status, Subject, Waiver, judge};
use super::grid::GridId;
use super::money::{self, YuanError};
use super::period::{self, Quarter, RecordDateError};

/// Longest place name, in characters.
pub const PLACE_MAX_CHARS: usize = 100;
/// Longest summary, in characters.
pub const SUMMARY_MAX_CHARS: usize = 2000;
/// Largest spend on one activity, in yuan: a grid's yearly funds are a few thousand yuan.
pub const SPEND_MAX_YUAN: i64 = 100_000;

/// What kind of activity it was (the list in 001 §三(二) and 003 §三(三)1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityType {
    /// 统计知识学习
    Study,
    /// 业务交流
    Exchange,
    /// 问题探讨
    Discussion,
    /// 团建互联
    TeamBuilding,
    /// 统计法治宣传
    LawPromotion,
    /// 培训
    Training,
    /// 座谈
    Forum,
    /// 经验分享
    ExperienceSharing,
    /// 户外团建
    Outdoor,
    /// 其他
    Other,
}

impl ActivityType {
    /// Every type, in display order.
    pub const ALL: [ActivityType; 10] = [
        Self::Study,
        Self::Exchange,
        Self::Discussion,
        Self::TeamBuilding,
        Self::LawPromotion,
        Self::Training,
        Self::Forum,
        Self::ExperienceSharing,
        Self::Outdoor,
        Self::Other,
    ];

    /// Stable snake_case code, as stored and sent over the wire.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Study => "study",
            Self::Exchange => "exchange",
            Self::Discussion => "discussion",
            Self::TeamBuilding => "team_building",
            Self::LawPromotion => "law_promotion",
            Self::Training => "training",
            Self::Forum => "forum",
            Self::ExperienceSharing => "experience_sharing",
            Self::Outdoor => "outdoor",
            Self::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.code() == code)
    }

    /// Chinese name shown to users.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Study => "统计知识学习",
            Self::Exchange => "业务交流",
            Self::Discussion => "问题探讨",
            Self::TeamBuilding => "团建互联",
            Self::LawPromotion => "统计法治宣传",
            Self::Training => "培训",
            Self::Forum => "座谈",
            Self::ExperienceSharing => "经验分享",
            Self::Outdoor => "户外团建",
            Self::Other => "其他",
        }
    }
}

/// An activity form as entered, before validation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivityDraft {
    /// The grid that held it; 0 when none is chosen yet.
    pub grid_id: GridId,
    /// An [`ActivityType`] code.
    pub activity_type: String,
    /// `YYYY-MM-DD`.
    pub activity_date: String,
    pub place: String,
    /// The grid members who took part (person ids).
    pub participants: Vec<i32>,
    pub summary: String,
    /// Money spent, in yuan as typed; empty for none.
    pub spend_yuan: String,
    /// Photos taken as evidence (ids of photos kept on the phone, then on the server).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photos: Vec<uuid::Uuid>,
}

/// An activity that passed validation.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidActivity {
    pub grid_id: GridId,
    pub activity_type: ActivityType,
    /// Within the last year, in Beijing.
    pub activity_date: Date,
    /// Trimmed, 1 to [`PLACE_MAX_CHARS`] characters.
    pub place: String,
    /// Sorted, without repeats, at least one.
    pub participants: Vec<i32>,
    /// Trimmed, 1 to [`SUMMARY_MAX_CHARS`] characters.
    pub summary: String,
    pub spend_fen: i64,
}

/// A problem with one field of an [`ActivityDraft`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ActivityError {
    #[error("请选择举办活动的网格")]
    NoGrid,
    #[error("请选择活动类型")]
    TypeUnknown,
    #[error("活动日期格式应为 年-月-日，例如 2026-11-22")]
    DateMalformed,
    #[error("活动日期不能晚于今天")]
    DateInFuture,
    #[error("活动日期不能早于一年前")]
    DateTooOld,
    #[error("请填写活动地点")]
    PlaceEmpty,
    #[error("活动地点不能超过{max}字（当前{found}字）")]
    PlaceTooLong { max: usize, found: usize },
    #[error("请选择参加活动的网格成员")]
    NoParticipants,
    #[error("请填写活动内容")]
    SummaryEmpty,
    #[error("活动内容不能超过{max}字（当前{found}字）")]
    SummaryTooLong { max: usize, found: usize },
    #[error("活动经费应为金额，例如 120 或 86.50")]
    SpendMalformed,
    #[error("活动经费不能超过{max_yuan}元")]
    SpendTooLarge { max_yuan: i64 },
}

impl FieldError for ActivityError {
    /// Stable machine code for the sync API.
    fn code(&self) -> &'static str {
        match self {
            Self::NoGrid => "no_grid",
            Self::TypeUnknown => "type_unknown",
            Self::DateMalformed => "date_malformed",
            Self::DateInFuture => "date_in_future",
            Self::DateTooOld => "date_too_old",
            Self::PlaceEmpty => "place_empty",
            Self::PlaceTooLong { .. } => "place_too_long",
            Self::NoParticipants => "no_participants",
            Self::SummaryEmpty => "summary_empty",
            Self::SummaryTooLong { .. } => "summary_too_long",
            Self::SpendMalformed => "spend_malformed",
            Self::SpendTooLarge { .. } => "spend_too_large",
        }
    }

    /// The [`ActivityDraft`] field the error concerns.
    fn field(&self) -> &'static str {
        match self {
            Self::NoGrid => "grid_id",
            Self::TypeUnknown => "activity_type",
            Self::DateMalformed | Self::DateInFuture | Self::DateTooOld => "activity_date",
            Self::PlaceEmpty | Self::PlaceTooLong { .. } => "place",
            Self::NoParticipants => "participants",
            Self::SummaryEmpty | Self::SummaryTooLong { .. } => "summary",
            Self::SpendMalformed | Self::SpendTooLarge { .. } => "spend_yuan",
        }
    }
}

/// The text as `clean` keeps it, or the error for empty or too long text.
fn text(
    (value, clean): (&str, fn(&str) -> String),
    max: usize,
    empty: ActivityError,
    too_long: fn(usize, usize) -> ActivityError,
) -> Result<String, ActivityError> {
    let value = clean(value);
    match value.chars().count() {
        0 => Err(empty),
        n if n > max => Err(too_long(max, n)),
        _ => Ok(value),
    }
}

impl Draft for ActivityDraft {
    const KIND: &'static str = KIND_ACTIVITY;
    type Valid = ValidActivity;
    type Error = ActivityError;
    const LABEL: &'static str = "网格活动";

    fn describe(&self) -> Vec<(&'static str, String)> {
        vec![
            (
                "活动类型",
                ActivityType::from_code(&self.activity_type)
                    .map_or_else(|| self.activity_type.clone(), |t| t.label().to_owned()),
            ),
            ("活动日期", self.activity_date.clone()),
            ("地点", self.place.clone()),
            ("参加人数", self.participants.len().to_string()),
            ("活动内容", self.summary.clone()),
            ("活动经费（元）", self.spend_yuan.clone()),
        ]
    }

    fn date(&self) -> String {
        self.activity_date.clone()
    }

    fn validate(&self, today: Date) -> Result<Self::Valid, Vec<Self::Error>> {
        let grid = (self.grid_id > 0)
            .then_some(self.grid_id)
            .ok_or(ActivityError::NoGrid);
        let activity_type =
            ActivityType::from_code(self.activity_type.trim()).ok_or(ActivityError::TypeUnknown);
        let date = period::record_date(&self.activity_date, today).map_err(|e| match e {
            RecordDateError::Malformed => ActivityError::DateMalformed,
            RecordDateError::InFuture => ActivityError::DateInFuture,
            RecordDateError::TooOld => ActivityError::DateTooOld,
        });
        let place = text(
            (&self.place, super::text::clean_line),
            PLACE_MAX_CHARS,
            ActivityError::PlaceEmpty,
            |max, found| ActivityError::PlaceTooLong { max, found },
        );
        let mut participants = self.participants.clone();
        participants.sort_unstable();
        participants.dedup();
        let participants = (!participants.is_empty())
            .then_some(participants)
            .ok_or(ActivityError::NoParticipants);
        let summary = text(
            (&self.summary, super::text::clean_text),
            SUMMARY_MAX_CHARS,
            ActivityError::SummaryEmpty,
            |max, found| ActivityError::SummaryTooLong { max, found },
        );
        let spend = money::parse_yuan(&self.spend_yuan, SPEND_MAX_YUAN).map_err(|e| match e {
            YuanError::Malformed => ActivityError::SpendMalformed,
            YuanError::TooLarge { max_yuan } => ActivityError::SpendTooLarge { max_yuan },
        });
        match (
            grid,
            activity_type,
            date,
            place,
            participants,
            summary,
            spend,
        ) {
            (
                Ok(grid_id),
                Ok(activity_type),
                Ok(activity_date),
                Ok(place),
                Ok(participants),
                Ok(summary),
                Ok(spend_fen),
            ) => Ok(ValidActivity {
                grid_id,
                activity_type,
                activity_date,
                place,
                participants,
                summary,
                spend_fen,
            }),
            (grid, activity_type, date, place, participants, summary, spend) => Err([
                grid.err(),
                activity_type.err(),
                date.err(),
                place.err(),
                participants.err(),
                summary.err(),
                spend.err(),
            ]
            .into_iter()
            .flatten()
            .collect()),
        }
    }

    fn photos(&self) -> Vec<uuid::Uuid> {
        self.photos.clone()
    }
}

/// The quarterly activity duty of each of the enterprise `grids` for `quarter`, judged on
/// `today` by the cadence engine's [`judge`] under `rule` (the policy's
/// [`super::cadence::ObligationKind::QuarterlyActivity`] rule) from the days activities were
/// `held` and the `waivers`; by grid (a quarter not begun is 未到期). The phone runs this on
/// the days the server sent and its own records, sent or not, so the duty clears offline.
pub fn activity_duties(
    rule: &Rule,
    grids: &[GridId],
    held: &[(GridId, Date)],
    quarter: Quarter,
    waivers: &[Waiver],
    today: Date,
) -> Vec<(GridId, Status)> {
    let period = Period::Quarter(quarter);
    grids
        .iter()
        .map(|&grid| {
            let days: Vec<(Date, u32)> = held
                .iter()
                .filter(|&&(g, day)| g == grid && quarter.contains(day))
                .map(|&(_, day)| (day, 1))
                .collect();
            let judged = judge(rule, Subject::Grid(grid), period, &days, waivers, today);
            (grid, judged.status)
        })
        .collect()
}

#[cfg(test)]
#[path = "activity_tests.rs"]
mod tests;
