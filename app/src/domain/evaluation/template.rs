//! A score sheet's template (评价表、评分表): aspects, the items under each with their points,
//! how the inspector checks each one (看 / 问 / 查, 000 §二) and the evidence it asks for.
//! A template is data, versioned: a campaign keeps the version it started with.
use crate::domain::assessment::Tenths;
use crate::domain::grid::coded_enum;
use serde::{Deserialize, Serialize};

/// Most aspects in a template, items in an aspect, characters in an item's text.
pub const ASPECTS_MAX: usize = 20;
pub const ITEMS_MAX: usize = 40;
pub const TEXT_MAX_CHARS: usize = 200;

coded_enum! {
    /// How an item is checked in the field (000 §二: 采取看、问、查).
    Method {
        /// 看: the office, the ledgers, the computer and network.
        Look = "look", "看";
        /// 问: the work done, the staff and funds, what the service achieved.
        Ask = "ask", "问";
        /// 查: analysis reports, the directory's upkeep, the 四上 entry files, data quality.
        Check = "check", "查";
    }
}

coded_enum! {
    /// The kind of unit a template scores.
    UnitKind {
        /// 县级统计机构 (002 §一).
        CountyBureau = "county_bureau", "县级统计机构";
        /// 乡镇（街道）统计站所.
        TownshipOffice = "township_office", "乡镇统计机构";
        /// 园区、开发区统计机构 (000; 001 §三(四)3).
        DevelopmentZone = "development_zone", "园区统计机构";
        /// 部门统计 (001 四有 / 003 五有).
        Department = "department", "部门";
    }
}

/// One item of a sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// Stable within the template's versions, e.g. `"staffing.2"`; scores refer to it.
    pub id: String,
    pub text: String,
    /// Most points the item gives.
    pub points: Tenths,
    pub method: Method,
    /// What the inspector looks at or asks for, e.g. "统计台账、原始记录".
    #[serde(default)]
    pub evidence: String,
}

/// One aspect (方面) of a sheet, e.g. 人员配备.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Aspect {
    pub name: String,
    pub items: Vec<Item>,
}

impl Aspect {
    pub fn points(&self) -> Tenths {
        self.items.iter().map(|i| i.points).sum()
    }
}

/// A versioned score-sheet template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    pub name: String,
    pub version: u32,
    pub unit_kind: UnitKind,
    pub aspects: Vec<Aspect>,
    /// Whether the points are the documents' or a local choice to adjust: the documents name
    /// the aspects, never their points.
    #[serde(default)]
    pub points_local: bool,
}

/// Why a template was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("评分表应有 1 至 {ASPECTS_MAX} 个方面")]
    Aspects,
    #[error("“{0}”应有 1 至 {ITEMS_MAX} 个评分项")]
    Items(String),
    #[error("方面或评分项的文字不能为空，也不能超过 {TEXT_MAX_CHARS} 字")]
    Text,
    #[error("评分项编号“{0}”重复")]
    Repeated(String),
    #[error("评分项“{0}”的分值应大于 0")]
    NoPoints(String),
    #[error("各项分值合计应为 100 分，现为 {0} 分")]
    NotHundred(String),
}

impl Template {
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.aspects.iter().flat_map(|a| a.items.iter())
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().find(|i| i.id == id)
    }

    pub fn points(&self) -> Tenths {
        self.aspects.iter().map(Aspect::points).sum()
    }

    /// Every reason the template cannot be used, in the order a reader meets them.
    pub fn validate(&self) -> Result<(), Vec<TemplateError>> {
        let mut errors = Vec::new();
        let text_ok = |t: &str| !t.trim().is_empty() && t.chars().count() <= TEXT_MAX_CHARS;
        if self.aspects.is_empty() || self.aspects.len() > ASPECTS_MAX {
            errors.push(TemplateError::Aspects);
        }
        let mut seen = std::collections::BTreeSet::new();
        for aspect in &self.aspects {
            if aspect.items.is_empty() || aspect.items.len() > ITEMS_MAX {
                errors.push(TemplateError::Items(aspect.name.clone()));
            }
            let texts_ok = text_ok(&aspect.name)
                && aspect
                    .items
                    .iter()
                    .all(|i| text_ok(&i.text) && text_ok(&i.id));
            if !texts_ok && !errors.contains(&TemplateError::Text) {
                errors.push(TemplateError::Text);
            }
            for item in &aspect.items {
                if !seen.insert(item.id.as_str()) {
                    errors.push(TemplateError::Repeated(item.id.clone()));
                }
                if item.points == 0 {
                    errors.push(TemplateError::NoPoints(item.text.clone()));
                }
            }
        }
        if self.points() != 1000 {
            let total = crate::domain::assessment::points_text(self.points());
            errors.push(TemplateError::NotHundred(total));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}
