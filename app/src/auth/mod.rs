//! Who is asking: login by phone and password, sessions, and what part of the grid tree a
//! person may see.
#[cfg(feature = "ssr")]
pub mod address;
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod grids;
pub mod office;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod rotation;
#[cfg(feature = "ssr")]
pub mod session;
pub mod sessions;
pub mod sessions_page;
#[cfg(feature = "ssr")]
pub mod ssr;
#[cfg(feature = "ssr")]
pub mod throttle;
pub mod words;
