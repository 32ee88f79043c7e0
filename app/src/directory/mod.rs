//! The grids and enterprises a person works with, as the phone caches them for pickers.
pub mod api;
#[cfg(feature = "ssr")]
pub mod import;
#[cfg(feature = "ssr")]
pub mod ssr;
