//! Standardization evaluation (规范化建设评价) and look-back inspections (回头看): townships
//! and counties scored item by item on a versioned template, graded, and published by city in
//! division order (000 §二; 002 §二–§三; 004 §二); departments on 四有 / 五有 (001 §三(四)2,
//! 003 §三(四)1).
pub mod campaign;
pub mod division;
pub mod grading;
pub mod notice;
pub mod plan;
pub mod presets;
pub mod questionnaire;
pub mod rectification;
pub mod sample;
pub mod score;
pub mod sheet;
pub mod template;

pub use campaign::{
    ContactPoint, CountyProgress, Linker, Quota, StageKind, Timing, Window, contact_points,
    county_progress,
};
pub use division::{CodeError, Division, DivisionCode, Gazetteer, Level};
pub use grading::{Summary, Thresholds};
pub use notice::{CityLine, Evaluated, Listed, Notice, Section, listing, notice};
pub use plan::{CampaignKind, Plan, PlanError};
pub use rectification::{ClosingError, Progress};
pub use sample::{Sample, SampleSize};
pub use score::{
    AssignmentError, ScoreSheetDraft, SheetRole, ValidScoreSheet, assignable, sheet_id,
};
pub use sheet::{Mark, MarkError, Shortfall, Tally};
pub use template::{Aspect, Item, Method, Template, TemplateError, UnitKind};

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "tests.rs"]
mod tests;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "quota_tests.rs"]
mod quota_tests;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "notice_tests.rs"]
mod notice_tests;
