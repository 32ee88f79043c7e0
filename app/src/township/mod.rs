//! The township grid leader's view of visits in their township, by grid and month.
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
mod coverage;
pub mod edited;
#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
mod history;
#[cfg(feature = "ssr")]
pub mod ssr;
#[cfg(feature = "ssr")]
pub(crate) mod units;
pub mod words;
