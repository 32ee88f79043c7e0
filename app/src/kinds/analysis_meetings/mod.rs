//! The township's monthly analysis meetings (月度分析例会, 001 §三(三)3): minutes written on the
//! phone by the township's leader, 分管领导 or 经发办 staff, offline first, and the month's duty
//! in the township view.
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
