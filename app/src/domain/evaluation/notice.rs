//! The results notice in the form of 000 §二: per grade, per city in division order, the
//! units in division order — "长沙市（9个）：芙蓉区荷花园街道、天心区新开铺街道、……".
use super::division::{DivisionCode, Gazetteer};
use super::grading::{Summary, Thresholds};
use crate::domain::assessment::{Grade, Tenths};
use serde::{Deserialize, Serialize};

/// A unit's final total, where it sits in the divisions and, for a unit that is not a
/// division (a department, a development zone not in the table), the name to list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluated {
    pub code: DivisionCode,
    #[serde(default)]
    pub name: Option<String>,
    pub total: Tenths,
}

/// One city's units of one grade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CityLine {
    pub city: String,
    pub units: Vec<String>,
}

impl CityLine {
    /// "长沙市（9个）：芙蓉区荷花园街道、天心区新开铺街道".
    pub fn text(&self) -> String {
        format!(
            "{}（{}个）：{}",
            self.city,
            self.units.len(),
            self.units.join("、")
        )
    }
}

/// One grade's part of the notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub grade: Grade,
    /// "（一）优秀（90分及以上）".
    pub heading: String,
    pub cities: Vec<CityLine>,
}

/// The notice's results: the opening figures and a section per grade that has units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub summary: Summary,
    pub opening: String,
    pub sections: Vec<Section>,
}

const ORDINALS: [&str; 3] = ["一", "二", "三"];

/// Where no city is known for a unit.
const NO_CITY: &str = "其他";

/// One unit as the notice lists it, with its total: a line of the results table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub grade: Grade,
    pub city: String,
    pub code: DivisionCode,
    pub name: String,
    pub total: Tenths,
}

/// The units of `results` in the notice's order: by grade, then in division order, each with
/// its city and the name it is listed by.
pub fn listing(results: &[Evaluated], thresholds: &Thresholds, places: &Gazetteer) -> Vec<Listed> {
    let mut listed: Vec<(Grade, &Evaluated)> = (results.iter())
        .map(|r| (thresholds.grade(r.total), r))
        .collect();
    // Best grade first (`Grade` orders from 不合格 up).
    listed.sort_by(|(ga, a), (gb, b)| (gb, a.code, &a.name).cmp(&(ga, b.code, &b.name)));
    (listed.into_iter())
        .map(|(grade, unit)| Listed {
            grade,
            city: places
                .city_of(unit.code)
                .map_or(NO_CITY, |c| c.listed())
                .to_string(),
            code: unit.code,
            name: (unit.name.clone()).unwrap_or_else(|| places.listed_name(unit.code)),
            total: unit.total,
        })
        .collect()
}

/// The notice of `results`, graded by `thresholds`, named from `places`.
pub fn notice(results: &[Evaluated], thresholds: &Thresholds, places: &Gazetteer) -> Notice {
    let summary = Summary::of(thresholds, results.iter().map(|r| r.total));
    let mut sections: Vec<Section> = Vec::new();
    for unit in listing(results, thresholds, places) {
        if sections.last().is_none_or(|s| s.grade != unit.grade) {
            let ordinal = ORDINALS[sections.len()];
            sections.push(Section {
                grade: unit.grade,
                heading: format!("（{ordinal}）{}", thresholds.heading(unit.grade)),
                cities: Vec::new(),
            });
        }
        let Some(section) = sections.last_mut() else {
            continue;
        };
        match section.cities.last_mut() {
            Some(line) if line.city == unit.city => line.units.push(unit.name),
            _ => section.cities.push(CityLine {
                city: unit.city,
                units: vec![unit.name],
            }),
        }
    }
    Notice {
        opening: summary.text(thresholds),
        summary,
        sections,
    }
}
