//! 统计之家: the rooms each township, street or zone registers for its grids' activities
//! (001 §三(四)5), kept by the unit's leader and 分管领导 (or the city bureau), shown in the
//! township view with the activities held in each this year; the activity form offers them.
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
