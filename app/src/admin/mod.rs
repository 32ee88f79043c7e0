//! Administration for the city statistics bureau: importing the directory and the people of the
//! grids, exporting them back, and the audit log of every change.
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
