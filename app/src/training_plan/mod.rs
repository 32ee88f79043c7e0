//! 培训计划: each township's, street's and department's training plan for the year in the five
//! subjects of 001 §四(二)1, drawn up by the unit's leader and 分管领导 (or the city bureau),
//! shown in the township view against the trainings and 联审辅导 sessions held in the unit.
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
