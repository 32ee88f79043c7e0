//! 统计人员名册: each township's, street's and department's statistics staff, kept by the
//! unit's leader and 分管领导 (or the city bureau), shown in the township view against the floor
//! of 001 §三(四)3.
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod import;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
