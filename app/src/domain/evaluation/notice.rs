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

/// The notice of `results`, graded by `thresholds`, named from `places`.
pub fn notice(results: &[Evaluated], thresholds: &Thresholds, places: &Gazetteer) -> Notice {
    let summary = Summary::of(thresholds, results.iter().map(|r| r.total));
    let mut ordered: Vec<&Evaluated> = results.iter().collect();
    ordered.sort_by(|a, b| (a.code, &a.name).cmp(&(b.code, &b.name)));
    let mut sections = Vec::new();
    for grade in [Grade::Excellent, Grade::Qualified, Grade::Unqualified] {
        let mut cities: Vec<CityLine> = Vec::new();
        for unit in ordered
            .iter()
            .filter(|r| thresholds.grade(r.total) == grade)
        {
            let city = places.city_of(unit.code).map_or(NO_CITY, |c| c.listed());
            let name = (unit.name.clone()).unwrap_or_else(|| places.listed_name(unit.code));
            match cities.last_mut() {
                Some(line) if line.city == city => line.units.push(name),
                _ => cities.push(CityLine {
                    city: city.to_string(),
                    units: vec![name],
                }),
            }
        }
        if !cities.is_empty() {
            let ordinal = ORDINALS[sections.len()];
            let heading = format!("（{ordinal}）{}", thresholds.heading(grade));
            sections.push(Section {
                grade,
                heading,
                cities,
            });
        }
    }
    Notice {
        opening: summary.text(thresholds),
        summary,
        sections,
    }
}
