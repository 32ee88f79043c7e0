//! Notices (通知): a township, street, department or the city bureau tells the grids below it
//! something online (001 §三(三)1: 线上联络与线下例会相结合). The unit writes and removes them
//! in the township view and sees who has read each; its people read them on the phone, on a
//! page of the filing app that keeps the last list for offline reading, and are reminded of
//! the unread ones among their duties.
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod entity;
pub mod page;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
