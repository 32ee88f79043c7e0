//! A campaign as the bureau plans it: its name and year, the template of each kind of unit it
//! evaluates (a template's version is copied in, so later edits do not change it), the grade
//! thresholds, the stage windows, the size of the city's sample, and which units it covers.
use super::campaign::{Window, check_calendar, hunan, jinzhong};
use super::division::{Division, DivisionCode, Level};
use super::grading::Thresholds;
use super::presets;
use super::questionnaire::{Question, look_back_questions};
use super::sample::SampleSize;
use super::template::{Template, UnitKind};
use crate::domain::text::{TextError, named};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Longest campaign name, in characters; most units in a campaign (a province's townships
/// and counties).
pub const NAME_MAX_CHARS: usize = 60;
pub const UNITS_MAX: usize = 5_000;

/// The ways of running a campaign that the documents describe, each with its templates and
/// calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CampaignKind {
    /// 000: contact points scored on the eight aspects by the end of October.
    Hunan,
    /// 002: self-assessment, county and city inspections, submission by 7/1; counties and
    /// townships each on their own sheet.
    Jinzhong,
    /// 004 §二: townships against Guangxi's standard, on the look-back's calendar.
    Guangxi,
}

impl CampaignKind {
    pub const ALL: [CampaignKind; 3] = [
        CampaignKind::Hunan,
        CampaignKind::Jinzhong,
        CampaignKind::Guangxi,
    ];

    pub fn label(self) -> &'static str {
        match self {
            CampaignKind::Hunan => "联点评价（湖南“八化”）",
            CampaignKind::Jinzhong => "“回头看”检查（晋中）",
            CampaignKind::Guangxi => "乡镇规范化考核（广西）",
        }
    }

    pub fn templates(self) -> BTreeMap<UnitKind, Template> {
        let township = match self {
            CampaignKind::Hunan => presets::hunan_township(),
            CampaignKind::Jinzhong => presets::shanxi(UnitKind::TownshipOffice),
            CampaignKind::Guangxi => presets::guangxi_township(),
        };
        let mut templates = BTreeMap::from([(UnitKind::TownshipOffice, township)]);
        if self == CampaignKind::Jinzhong {
            templates.insert(
                UnitKind::CountyBureau,
                presets::shanxi(UnitKind::CountyBureau),
            );
        }
        templates
    }

    /// The questionnaire the inspected units fill: the look-back's (002 §二(二)); none for
    /// Hunan's contact points, which ask for none. Its questions are a local choice.
    pub fn questions(self) -> Vec<Question> {
        match self {
            CampaignKind::Hunan => Vec::new(),
            CampaignKind::Jinzhong | CampaignKind::Guangxi => look_back_questions(),
        }
    }

    pub fn calendar(self, year: i32) -> Option<Vec<Window>> {
        match self {
            CampaignKind::Hunan => hunan(year),
            CampaignKind::Jinzhong | CampaignKind::Guangxi => jinzhong(year),
        }
    }
}

/// A campaign's plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub name: String,
    pub year: i32,
    pub kind: CampaignKind,
    pub templates: BTreeMap<UnitKind, Template>,
    pub thresholds: Thresholds,
    pub windows: Vec<Window>,
    pub sample_size: SampleSize,
    /// The questionnaire, copied in like the templates; a campaign that has one also asks each
    /// unit for its summary report (002 §三(二)). Plans stored before it have none.
    #[serde(default)]
    pub questions: Vec<Question>,
}

/// Why a plan was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("{0}")]
    Name(TextError),
    #[error("年度应在 2000 至 2100 之间")]
    Year,
    #[error("{0}")]
    Template(String),
    #[error("{0}")]
    Calendar(String),
    #[error("{0}")]
    Thresholds(String),
    #[error("评价范围内没有可评价的单位：请先导入行政区划，并选择市或县的区划代码")]
    NoUnits,
    #[error("评价单位最多 {UNITS_MAX} 个")]
    TooManyUnits,
}

impl Plan {
    /// The plan of `kind` for `year`, with the documents' calendar and default thresholds.
    pub fn new(name: &str, year: i32, kind: CampaignKind) -> Result<Plan, PlanError> {
        let name =
            named(name, NAME_MAX_CHARS, true, ("name", "评价名称")).map_err(PlanError::Name)?;
        if !(2000..=2100).contains(&year) {
            return Err(PlanError::Year);
        }
        let windows = kind.calendar(year).ok_or(PlanError::Year)?;
        let plan = Plan {
            name,
            year,
            kind,
            templates: kind.templates(),
            thresholds: Thresholds::default(),
            windows,
            sample_size: SampleSize::default(),
            questions: kind.questions(),
        };
        plan.validate()?;
        Ok(plan)
    }

    /// The first reason the plan cannot run.
    pub fn validate(&self) -> Result<(), PlanError> {
        for template in self.templates.values() {
            if let Err(errors) = template.validate() {
                let why = errors.iter().map(ToString::to_string).collect::<Vec<_>>();
                return Err(PlanError::Template(why.join("；")));
            }
        }
        check_calendar(&self.windows).map_err(|errors| {
            PlanError::Calendar(
                errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("；"),
            )
        })?;
        self.thresholds
            .validate()
            .map_err(|e| PlanError::Thresholds(e.to_string()))
    }

    /// The units under `root` (a city or county) that the plan has a template for: its
    /// counties as county bureaus and its townships as township offices, in division order.
    pub fn units_under(
        &self,
        root: DivisionCode,
        divisions: &[Division],
    ) -> Result<Vec<(DivisionCode, UnitKind)>, PlanError> {
        let kind_of = |code: DivisionCode| match code.level() {
            Level::County => Some(UnitKind::CountyBureau),
            Level::Township => Some(UnitKind::TownshipOffice),
            _ => None,
        };
        let mut units: Vec<(DivisionCode, UnitKind)> = (divisions.iter())
            .filter(|d| d.code != root && d.code.ancestor(root.level()) == Some(root))
            .filter_map(|d| Some((d.code, kind_of(d.code)?)))
            .filter(|(_, kind)| self.templates.contains_key(kind))
            .collect();
        units.sort();
        units.dedup();
        match units.len() {
            0 => Err(PlanError::NoUnits),
            n if n > UNITS_MAX => Err(PlanError::TooManyUnits),
            _ => Ok(units),
        }
    }
}
