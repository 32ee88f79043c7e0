//! A level-2 unit's statistics staff (统计人员名册) and the floor the documents set: 确保乡镇(街道)
//! 统计工作的职能和人员落实到位……其中，乡镇(街道)不少于5人 (001 §三(四)3); the ways a person is
//! staffed, 派驻、专职、购买服务 (004 §四), and 兼职, which townships also use; and the village
//! (community) statistical surveyors the unit appoints, with their yearly work subsidy (004 §三(一):
//! 在村（社区）聘任统计调查员，落实村级……统计人员工作补助经费), who are not its office staff.

use serde::{Deserialize, Serialize};

use super::grid::GridKind;
use super::money::{YuanError, parse_yuan};
use super::text::{TextError, clean_line, required};

/// The fewest statistics staff a township (street) must have (001 §三(四)3).
pub const TOWNSHIP_FLOOR: usize = 5;

/// The fewest a development zone must have (001 §三(四)3: 开发区不少于3人).
pub const DEVELOPMENT_ZONE_FLOOR: usize = 3;

/// Longest name, in characters.
pub const NAME_MAX_CHARS: usize = 20;

/// Longest post, in characters.
pub const POST_MAX_CHARS: usize = 30;

/// Most people on one unit's roster: far above any floor, and a bound on what one unit stores
/// (a township has a few dozen villages, each with a surveyor).
pub const ROSTER_MAX: usize = 120;

/// Largest yearly work subsidy of one person, in yuan: a bound on typing, not a rule (the
/// documents set no amount).
pub const SUBSIDY_MAX_YUAN: i64 = 100_000;

/// How a person is staffed in the unit's statistics office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Employment {
    /// 专职: works on statistics only.
    FullTime,
    /// 兼职: statistics beside other duties.
    PartTime,
    /// 派驻: sent by the county (city) statistics bureau (004 §四).
    Seconded,
    /// 购买服务: a contractor paid by the unit (004 §四).
    Contracted,
    /// 村（社区）统计调查员: appointed in a village or community (004 §三(一)); not office staff.
    VillageSurveyor,
    /// 联网直报企业统计员: an enterprise's statistician who reports online, paid a work subsidy
    /// (004 §三(一): 落实村级和联网直报企业统计人员工作补助经费); not office staff.
    EnterpriseReporter,
}

impl Employment {
    pub const ALL: [Employment; 6] = [
        Employment::FullTime,
        Employment::PartTime,
        Employment::Seconded,
        Employment::Contracted,
        Employment::VillageSurveyor,
        Employment::EnterpriseReporter,
    ];

    /// Stable snake_case code, as stored.
    pub fn code(self) -> &'static str {
        match self {
            Employment::FullTime => "full_time",
            Employment::PartTime => "part_time",
            Employment::Seconded => "seconded",
            Employment::Contracted => "contracted",
            Employment::VillageSurveyor => "village_surveyor",
            Employment::EnterpriseReporter => "enterprise_reporter",
        }
    }

    pub fn from_code(code: &str) -> Option<Employment> {
        Self::ALL.into_iter().find(|e| e.code() == code)
    }

    /// Chinese name shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Employment::FullTime => "专职",
            Employment::PartTime => "兼职",
            Employment::Seconded => "派驻",
            Employment::Contracted => "购买服务",
            Employment::VillageSurveyor => "村（社区）统计调查员",
            Employment::EnterpriseReporter => "联网直报企业统计员",
        }
    }

    /// Whether the person works in the unit's statistics office, and so counts toward its
    /// floor.
    pub fn in_office(self) -> bool {
        !matches!(
            self,
            Employment::VillageSurveyor | Employment::EnterpriseReporter
        )
    }
}

/// A person to add to a roster, as entered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffDraft {
    pub name: String,
    /// 职务, e.g. 统计站站长, 统计员.
    pub post: String,
    pub employment: Employment,
    /// 年工作补助, yuan as typed; empty for none.
    #[serde(default)]
    pub subsidy_yuan: String,
}

/// A person that passed validation, names trimmed to one line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValidStaff {
    pub name: String,
    pub post: String,
    pub employment: Employment,
    /// In fen; 0 for none.
    pub subsidy_fen: i64,
}

/// Why an entry of the roster was refused, in words for the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum StaffError {
    #[error(transparent)]
    Text(#[from] TextError),
    #[error("年工作补助应为金额（元），最多两位小数，例如 1200")]
    SubsidyMalformed,
    #[error("年工作补助不能超过{max}元")]
    SubsidyTooLarge { max: i64 },
}

impl StaffDraft {
    /// Checks every field, returning all problems at once in form order.
    pub fn validate(&self) -> Result<ValidStaff, Vec<StaffError>> {
        let mut errors = Vec::new();
        let mut line = |value: &str, max, names| {
            required(&clean_line(value), max, names)
                .map_err(|e| errors.push(StaffError::from(e)))
                .unwrap_or_default()
        };
        let name = line(&self.name, NAME_MAX_CHARS, ("name", "姓名"));
        let post = line(&self.post, POST_MAX_CHARS, ("post", "职务"));
        let subsidy_fen = parse_yuan(&self.subsidy_yuan, SUBSIDY_MAX_YUAN)
            .map_err(|e| {
                errors.push(match e {
                    YuanError::Malformed => StaffError::SubsidyMalformed,
                    YuanError::TooLarge { max_yuan } => {
                        StaffError::SubsidyTooLarge { max: max_yuan }
                    }
                })
            })
            .unwrap_or_default();
        if errors.is_empty() {
            Ok(ValidStaff {
                name,
                post,
                employment: self.employment,
                subsidy_fen,
            })
        } else {
            Err(errors)
        }
    }
}

/// The fewest statistics staff a unit of `kind` must have, where a document sets one: a
/// township (street) 5, a development zone 3 (001 §三(四)3).
pub fn floor(kind: GridKind) -> Option<usize> {
    match kind {
        GridKind::Township => Some(TOWNSHIP_FLOOR),
        GridKind::DevelopmentZone => Some(DEVELOPMENT_ZONE_FLOOR),
        _ => None,
    }
}

/// How many staff a unit of `kind` with `count` on its roster lacks; `None` when it meets its
/// floor or has none.
pub fn shortfall(kind: GridKind, count: usize) -> Option<usize> {
    floor(kind)
        .map(|floor| floor.saturating_sub(count))
        .filter(|&missing| missing > 0)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn draft(name: &str, post: &str) -> StaffDraft {
        StaffDraft {
            name: name.into(),
            post: post.into(),
            employment: Employment::Seconded,
            subsidy_yuan: String::new(),
        }
    }

    #[test]
    fn a_person_is_kept_on_one_line_and_every_problem_is_named() {
        let valid = draft(" 刘芳\n", "统计员").validate().unwrap();
        assert_eq!(valid.name, "刘芳");
        assert_eq!(valid.employment, Employment::Seconded);
        let errors = draft("  ", &"职".repeat(POST_MAX_CHARS + 1))
            .validate()
            .unwrap_err();
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        let too_long = format!("职务不能超过{POST_MAX_CHARS}字（当前31字）");
        assert_eq!(messages, ["请填写姓名".to_owned(), too_long]);
    }

    #[test]
    fn a_village_surveyor_has_a_yearly_subsidy_and_is_not_office_staff() {
        let mut surveyor = draft("王海", "东湖村统计调查员");
        surveyor.employment = Employment::VillageSurveyor;
        surveyor.subsidy_yuan = " 1,200 ".into();
        let valid = surveyor.validate().unwrap();
        assert_eq!(valid.subsidy_fen, 120_000);
        assert!(!valid.employment.in_office() && Employment::Seconded.in_office());
        assert!(!Employment::EnterpriseReporter.in_office());
        surveyor.subsidy_yuan = "一千".into();
        let messages: Vec<String> = (surveyor.validate().unwrap_err().iter())
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            messages,
            ["年工作补助应为金额（元），最多两位小数，例如 1200"]
        );
        surveyor.subsidy_yuan = "100000.01".into();
        assert_eq!(
            surveyor.validate().unwrap_err(),
            vec![StaffError::SubsidyTooLarge { max: 100_000 }]
        );
    }

    #[test]
    fn a_township_under_five_falls_short_and_other_units_have_no_floor() {
        assert_eq!(shortfall(GridKind::Township, 3), Some(2));
        assert_eq!(shortfall(GridKind::Township, 5), None);
        assert_eq!(shortfall(GridKind::Township, 7), None);
        assert_eq!(shortfall(GridKind::DevelopmentZone, 1), Some(2));
        assert_eq!(shortfall(GridKind::DevelopmentZone, 3), None);
        assert_eq!(shortfall(GridKind::Department, 0), None);
        assert_eq!(floor(GridKind::WorkArea), None);
    }

    #[test]
    fn every_employment_reads_back_from_its_code() {
        for e in Employment::ALL {
            assert_eq!(Employment::from_code(e.code()), Some(e));
            // The roster's column holds 20 characters (PostgreSQL refuses a longer code).
            assert!(e.code().len() <= 20, "{}", e.code());
        }
        assert_eq!(Employment::from_code("volunteer"), None);
    }
}
