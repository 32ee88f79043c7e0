//! 行政区划: the administrative divisions above the grid, imported from XLSX or CSV like the
//! directory and listed in official order; the evaluation campaigns (issue 15) place and name
//! their units by them.
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
