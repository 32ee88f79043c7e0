//! Major events (重大事项): reported from the phone, sent before any other record, and flagged
//! for the township and the city until one of them has read the current version.
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
