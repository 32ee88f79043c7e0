//! 整改: the items a unit's inspection took points off come back to the unit as tasks, which
//! its people (those assigned its self-assessment) close with a note and photos of the
//! evidence; the bureau sees on the campaign board what is still open, and may send a closing
//! back with its reason. The rules are in
//! `domain::evaluation::rectification`.
pub mod api;
#[cfg(feature = "hydrate")]
mod evidence;
pub mod page;
#[cfg(feature = "ssr")]
mod send_back;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
