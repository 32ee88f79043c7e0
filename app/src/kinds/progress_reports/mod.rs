//! Progress reports due on fixed days (004 §七): written on the phone by whoever files the
//! grid's reports, offline first, and the deadlines of the year met or missed on the city
//! bureau's board.
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
