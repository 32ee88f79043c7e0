//! Score sheets filled in the field (规范化建设评分, 000 §一; 002 §二): an inspector assigned to
//! a unit of a campaign, or the unit for its self-assessment, scores the campaign's template
//! item by item on a phone, offline first; any inspector of the unit carries the same sheet on,
//! and two versions made apart meet as a conflict.
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod mine;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
