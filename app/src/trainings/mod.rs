//! Trainings and continuing education (培训 / 统计继续教育): recorded on the phone for the
//! members who attended, offline first, synced like visits; each member's hours of the year
//! count toward the continuing-education duty.
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
