//! 网格成员核对: whether the members of the enterprise grids in a scope are the statisticians of
//! its 四上 and 小升规 enterprises, and the deputies of 四上 ones (001 §三(一), §三(二)4),
//! matched by the phone the directory gives for each enterprise's statistician; shown in the
//! township view with whoever does not fit.
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
