//! Visits (走访): recorded on the phone, offline if need be, and stored once on the server.
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
