//! The city's reporting cadence (报送节奏) as stored data: the policy in force, which the city
//! administrator picks from a preset and adjusts. The rules themselves and their evaluation are
//! pure, in `domain::cadence`.
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
