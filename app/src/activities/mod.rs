//! Grid activities (网格活动) at the 统计之家: recorded on the phone, offline first, synced like
//! visits, and counted toward the quarterly activity duty.
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
