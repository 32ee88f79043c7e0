//! 规范化建设评价: the bureau plans a campaign (templates, calendar, thresholds, the units under a
//! city or county) and draws the city's sample from a recorded seed. The pure rules are in
//! `domain::evaluation`.
pub mod api;
#[cfg(feature = "ssr")]
pub mod archive;
pub mod components;
#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod export;
pub mod materials;
pub mod rectification;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
