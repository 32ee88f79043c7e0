//! Who is asking: login by phone and password, sessions, and what part of the grid tree a
//! person may see.
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
