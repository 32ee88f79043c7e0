//! 数据质量核查 in the township view: this year's data-quality checks made on visits in a unit
//! (or the city) and below, the 四上 enterprises checked, and the enterprises still to follow
//! up, so that an instructor or a department can supervise the data (001 §三(二), §三(三)2).
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
