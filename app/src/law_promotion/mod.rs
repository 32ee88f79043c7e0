//! 统计法治宣传 in the township view: each township's, department's and zone's law promotion of
//! the quarter (its activities and visits of that purpose, in the unit and the grids below), with
//! the verdict where the policy asks it, and reminders to the unit's leader and instructor
//! (001 and 003 §三(二): 网格指导员……定期开展统计法治宣传).
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
