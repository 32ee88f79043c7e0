//! A score sheet as a record kind (评分表): one unit's sheet in a campaign, filled by its
//! inspectors (检查评分) or by the unit itself (自评), item by item, offline on a phone. Its id
//! is made from the campaign, the unit and the role, so two inspectors scoring the same sheet
//! write versions of one record and the second meets a conflict, never a second sheet.
use super::campaign::Linker;
use super::sheet::{Mark, NOTE_MAX_CHARS, PHOTOS_MAX};
use crate::domain::draft::{Draft, FieldError, KIND_SCORE_SHEET};
use crate::domain::period::parse_date;
use serde::{Deserialize, Serialize};
use time::Date;
use uuid::Uuid;

/// Most marks a sheet may carry: every template is bounded well below it.
pub const MARKS_MAX: usize = 200;
/// Longest item id a mark may name, in characters.
pub const ITEM_ID_MAX_CHARS: usize = 40;

/// Who fills the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SheetRole {
    /// The inspectors of the first check: a contact point (000) or the county (002 县级检查).
    Inspection,
    /// The city's spot check of a sampled unit (002 市级抽查), a sheet of its own beside the
    /// county's; where it is filled, it decides the unit's total and tasks.
    CityInspection,
    /// The unit itself (自评, 002 §二 第一阶段).
    SelfAssessment,
}

impl SheetRole {
    pub const ALL: [SheetRole; 3] = [
        SheetRole::Inspection,
        SheetRole::CityInspection,
        SheetRole::SelfAssessment,
    ];
    /// The inspections, the one that decides first.
    pub const INSPECTIONS: [SheetRole; 2] = [SheetRole::CityInspection, SheetRole::Inspection];

    pub fn code(self) -> &'static str {
        match self {
            SheetRole::Inspection => "inspection",
            SheetRole::CityInspection => "city_inspection",
            SheetRole::SelfAssessment => "self_assessment",
        }
    }

    pub fn from_code(code: &str) -> Option<SheetRole> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            SheetRole::Inspection => "检查评分",
            SheetRole::CityInspection => "市级抽查",
            SheetRole::SelfAssessment => "自评",
        }
    }
}

/// Why someone may not be given a unit's sheet of a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AssignmentError {
    #[error("联点和包县区只用于检查评分")]
    LinkerNotInspection,
    #[error("这次评价没有市级检查阶段，不能安排市级抽查")]
    NoCityStage,
    #[error("该单位未被抽中：市级抽查只检查抽中的单位，请先抽取样本")]
    NotSampled,
}

/// Whether a unit's sheet of `role` may be given to someone, as `linker` if any: a contact
/// point answers for an inspection only, and the city spot-checks the units its sample drew
/// in a campaign with a city stage (002 第三阶段).
pub fn assignable(
    role: SheetRole,
    linker: Option<Linker>,
    city_stage: bool,
    sampled: bool,
) -> Result<(), AssignmentError> {
    if linker.is_some() && role != SheetRole::Inspection {
        return Err(AssignmentError::LinkerNotInspection);
    }
    match role {
        SheetRole::CityInspection if !city_stage => Err(AssignmentError::NoCityStage),
        SheetRole::CityInspection if !sampled => Err(AssignmentError::NotSampled),
        _ => Ok(()),
    }
}

/// The one id of unit `unit_id`'s sheet of `role` in campaign `campaign_id`: a UUID of version
/// 8 (custom) whose bytes hold the three, so every phone makes the same id offline.
pub fn sheet_id(campaign_id: i32, unit_id: i32, role: SheetRole) -> Uuid {
    let mut bytes = [0u8; 16];
    bytes[0..4].copy_from_slice(&campaign_id.to_be_bytes());
    bytes[4..6].copy_from_slice(b"SG");
    bytes[6] = 0x80
        | match role {
            SheetRole::Inspection => 0,
            SheetRole::SelfAssessment => 1,
            SheetRole::CityInspection => 2,
        };
    bytes[7] = b'E';
    bytes[8] = 0x80;
    bytes[9..12].copy_from_slice(b"VAL");
    bytes[12..16].copy_from_slice(&unit_id.to_be_bytes());
    Uuid::from_bytes(bytes)
}

/// A sheet as the phone keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreSheetDraft {
    pub campaign_id: i32,
    pub unit_id: i32,
    pub role: SheetRole,
    /// The day it was scored, `YYYY-MM-DD`.
    pub scored_on: String,
    pub marks: Vec<Mark>,
}

/// A sheet whose fields parse; its marks are checked against the campaign's template where
/// the template is known (the phone's form, the server's admission).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidScoreSheet {
    pub campaign_id: i32,
    pub unit_id: i32,
    pub role: SheetRole,
    pub scored_on: Date,
    pub marks: Vec<Mark>,
}

impl ValidScoreSheet {
    pub fn id(&self) -> Uuid {
        sheet_id(self.campaign_id, self.unit_id, self.role)
    }

    /// Every item's photos.
    pub fn photos(&self) -> Vec<Uuid> {
        photos_of(&self.marks)
    }
}

/// The photos of `marks`, item by item.
fn photos_of(marks: &[Mark]) -> Vec<Uuid> {
    marks
        .iter()
        .flat_map(|m| m.photos.iter().copied())
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScoreSheetError {
    #[error("评分表没有对应的评价单位，请从“规范化建设评分”列表打开")]
    NoUnit,
    #[error("请按“年-月-日”填写评分日期")]
    DayMalformed,
    #[error("评分日期不能晚于今天")]
    DayInFuture,
    #[error("一张评分表最多 {MARKS_MAX} 项")]
    TooManyMarks,
    #[error("评分项编号不对，请重新打开评分表")]
    ItemMalformed,
    #[error("第 {0} 项的说明不能超过 {NOTE_MAX_CHARS} 字")]
    NoteTooLong(usize),
    #[error("第 {0} 项最多附 {PHOTOS_MAX} 张照片")]
    TooManyPhotos(usize),
}

impl FieldError for ScoreSheetError {
    fn code(&self) -> &'static str {
        match self {
            Self::NoUnit => "no_unit",
            Self::DayMalformed => "day_malformed",
            Self::DayInFuture => "day_in_future",
            Self::TooManyMarks => "too_many_marks",
            Self::ItemMalformed => "item_malformed",
            Self::NoteTooLong(_) => "note_too_long",
            Self::TooManyPhotos(_) => "too_many_photos",
        }
    }

    fn field(&self) -> &'static str {
        match self {
            Self::NoUnit => "unit_id",
            Self::DayMalformed | Self::DayInFuture => "scored_on",
            _ => "marks",
        }
    }
}

impl Draft for ScoreSheetDraft {
    const KIND: &'static str = KIND_SCORE_SHEET;
    type Valid = ValidScoreSheet;
    type Error = ScoreSheetError;
    const LABEL: &'static str = "评分表";
    const WITHDRAWABLE: bool = false;

    fn describe(&self) -> Vec<(&'static str, String)> {
        let mut lines = vec![
            ("评分方式", self.role.label().to_owned()),
            ("评分日期", self.scored_on.clone()),
        ];
        for mark in &self.marks {
            let points = crate::domain::assessment::points_text(mark.points);
            let checked = if mark.done { "" } else { "（未核实）" };
            let note = if mark.note.is_empty() {
                String::new()
            } else {
                format!("：{}", mark.note)
            };
            lines.push((
                "评分项",
                format!("{} {points} 分{checked}{note}", mark.item),
            ));
        }
        lines
    }

    fn date(&self) -> String {
        self.scored_on.clone()
    }

    fn photos(&self) -> Vec<Uuid> {
        photos_of(&self.marks)
    }

    fn validate(&self, today: Date) -> Result<ValidScoreSheet, Vec<ScoreSheetError>> {
        let mut errors = Vec::new();
        if self.campaign_id <= 0 || self.unit_id <= 0 {
            errors.push(ScoreSheetError::NoUnit);
        }
        let day = parse_date(self.scored_on.trim()).ok();
        match day {
            None => errors.push(ScoreSheetError::DayMalformed),
            Some(d) if d > today => errors.push(ScoreSheetError::DayInFuture),
            Some(_) => {}
        }
        if self.marks.len() > MARKS_MAX {
            errors.push(ScoreSheetError::TooManyMarks);
        }
        let malformed = |m: &Mark| m.item.is_empty() || m.item.chars().count() > ITEM_ID_MAX_CHARS;
        if self.marks.iter().any(malformed) {
            errors.push(ScoreSheetError::ItemMalformed);
        }
        for (n, mark) in self.marks.iter().enumerate() {
            if mark.note.chars().count() > NOTE_MAX_CHARS {
                errors.push(ScoreSheetError::NoteTooLong(n + 1));
            }
            if mark.photos.len() > PHOTOS_MAX {
                errors.push(ScoreSheetError::TooManyPhotos(n + 1));
            }
        }
        match (errors.is_empty(), day) {
            (true, Some(scored_on)) => Ok(ValidScoreSheet {
                campaign_id: self.campaign_id,
                unit_id: self.unit_id,
                role: self.role,
                scored_on,
                marks: self.marks.clone(),
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "score_tests.rs"]
mod tests;
