//! The enterprise grid leader's annual work plan (年度工作计划, 001 §三(二)): one per grid and
//! year, written by the grid's leader or deputy, due by the policy's date (end of March under
//! the presets, when grids are set up).

use serde::{Deserialize, Serialize};

use super::draft::{Draft, FieldError, KIND_ANNUAL_PLAN};
use time::Date;

use super::cadence::{Rule, Status, Subject, Waiver, judge_year};
use super::grid::GridId;
use super::text::{TextError, required};

/// Longest text of each part of a plan, in characters.
pub const PART_MAX_CHARS: usize = 2000;

/// An annual plan as entered, before validation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnnualPlanDraft {
    /// The planning grid; 0 when none is chosen yet.
    pub grid_id: GridId,
    pub year: i32,
    /// 工作目标.
    pub goals: String,
    /// 主要措施.
    pub measures: String,
    /// 走访、活动与培训安排.
    pub schedule: String,
}

/// A plan that passed validation, its texts trimmed.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidAnnualPlan {
    pub grid_id: GridId,
    pub year: i32,
    pub goals: String,
    pub measures: String,
    pub schedule: String,
}

/// A problem with one field of an [`AnnualPlanDraft`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AnnualPlanError {
    #[error("请选择制定计划的网格")]
    NoGrid,
    #[error("只能制定去年、今年或明年的计划")]
    YearOutOfRange,
    #[error(transparent)]
    Text(#[from] TextError),
}

impl FieldError for AnnualPlanError {
    /// Stable machine code for the sync API.
    fn code(&self) -> &'static str {
        match self {
            Self::NoGrid => "no_grid",
            Self::YearOutOfRange => "year_out_of_range",
            Self::Text(e) => e.code(),
        }
    }

    /// The [`AnnualPlanDraft`] field the error concerns.
    fn field(&self) -> &'static str {
        match self {
            Self::NoGrid => "grid_id",
            Self::YearOutOfRange => "year",
            Self::Text(e) => e.field(),
        }
    }
}

/// The parts of a plan in form order: field, label, and the draft's text.
pub const PARTS: [(&str, &str); 3] = [
    ("goals", "工作目标"),
    ("measures", "主要措施"),
    ("schedule", "走访、活动与培训安排"),
];

impl AnnualPlanDraft {
    /// The texts of the parts, in the order of [`PARTS`].
    pub fn parts(&self) -> [&String; 3] {
        [&self.goals, &self.measures, &self.schedule]
    }
}

impl Draft for AnnualPlanDraft {
    const KIND: &'static str = KIND_ANNUAL_PLAN;
    type Valid = ValidAnnualPlan;
    type Error = AnnualPlanError;
    const LABEL: &'static str = "年度工作计划";

    fn describe(&self) -> Vec<(&'static str, String)> {
        std::iter::once(("年份", self.year.to_string()))
            .chain(
                PARTS
                    .iter()
                    .zip(self.parts())
                    .map(|((_, l), t)| (*l, t.clone())),
            )
            .collect()
    }

    /// The year's first day.
    fn date(&self) -> String {
        format!("{:04}-01-01", self.year)
    }

    fn validate(&self, today: Date) -> Result<Self::Valid, Vec<Self::Error>> {
        let mut errors = Vec::new();
        if self.grid_id <= 0 {
            errors.push(AnnualPlanError::NoGrid);
        }
        if !(today.year() - 1..=today.year() + 1).contains(&self.year) {
            errors.push(AnnualPlanError::YearOutOfRange);
        }
        let [goals, measures, schedule] = PARTS
            .iter()
            .zip(self.parts())
            .map(|(name, value)| {
                required(value, PART_MAX_CHARS, *name)
                    .map_err(|e| errors.push(e.into()))
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .try_into()
            .unwrap_or_default();
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidAnnualPlan {
            grid_id: self.grid_id,
            year: self.year,
            goals,
            measures,
            schedule,
        })
    }
}

/// The plan duty of enterprise `grid` for `year`, judged on `today` by the cadence engine's
/// [`judge_year`] under `rule` (the policy's [`super::cadence::ObligationKind::AnnualPlan`]
/// rule) with the `waivers`, for a plan first received on `submitted_on`.
pub fn plan_status(
    rule: &Rule,
    grid: GridId,
    year: i32,
    submitted_on: Option<Date>,
    waivers: &[Waiver],
    today: Date,
) -> Status {
    judge_year(
        rule,
        Subject::Grid(grid),
        year,
        submitted_on,
        waivers,
        today,
    )
}

#[cfg(test)]
#[path = "annual_plan_tests.rs"]
mod tests;
