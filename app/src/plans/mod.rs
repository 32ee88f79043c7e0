//! Annual work plans (年度工作计划) of enterprise grids: written on the phone by the grid's
//! leader or deputy, offline first, one per grid and year, and shown to the township.
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
