//! Grid leaders' monthly reports (情况汇报): written on the phone (offline if need be), synced
//! like visits, reviewed by the township (approve, return with a comment, unlock).
pub mod api;
pub mod components;
pub mod lines;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
