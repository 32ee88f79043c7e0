//! The reporting cadence (报送节奏): which duties fall due for which grid,
//! person or enterprise in which period, and where each stands.
//!
//! Rules are data ([`Policy`], with presets for Yuhuan and Yueqing) that a
//! city administrator adjusts; [`evaluate`] applies them to the facts the
//! caller hands in, on the calendar in Beijing, and [`summary`] turns the
//! result into completeness and timeliness figures. Pure and I/O-free, so the
//! phone offline and the server give the same answers.

mod engine;
mod error;
mod input;
mod kind;
mod month_day;
mod period;
mod preset;
mod rule;
mod status;

pub use engine::{evaluate, evaluate_between, judge, judge_year};
pub use error::CadenceError;
pub use input::{
    Fact, FactKind, Subject, Subjects, WAIVER_REASON_MAX_CHARS, Waiver, WaiverPeriodError,
};
pub use kind::{Cadence, DEFAULT_CITY_READ_HOURS, FIXED_LABEL_MAX_CHARS, ObligationKind};
pub use month_day::{MonthDay, days_text, parse_days};
pub use period::Period;
pub use rule::{DueRule, Policy, Rule};
pub use status::{Completeness, Obligation, Status, summary};
