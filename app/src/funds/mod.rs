//! 网格活动经费: each enterprise grid's activity funds for the year (500 yuan per member, or
//! per survey object) against what its activities recorded spending, in the township view.
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod count;
#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod mine;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod statement;
pub mod warning;
pub mod words;
