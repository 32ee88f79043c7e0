//! The grids and enterprises a person works with, as the phone caches them for pickers.
pub mod api;
#[cfg(feature = "ssr")]
pub mod import;
pub mod picker;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
