//! Pure domain rules of StatGrid, shared by the browser (WASM) and the server:
//! identifiers, calendar periods in Beijing time, the grid vocabulary and
//! form validation. No I/O and no framework imports.

pub mod activity;
pub mod analysis_meeting;
pub mod annual_plan;
pub mod assessment;
pub mod cadence;
#[cfg(feature = "ssr")]
pub mod common_passwords;
pub mod course;
pub mod credit_code;
pub mod data_quality;
pub mod device;
pub mod draft;
pub mod enterprise;
pub mod evaluation;
pub mod funds;
pub mod grid;
pub mod grid_tree;
pub mod grouping;
pub mod login_throttle;
pub mod major_event;
pub mod membership;
pub mod money;
pub mod notice;
pub mod period;
pub mod permission;
pub mod phone;
pub mod photo;
pub mod preparation;
pub mod progress_report;
pub mod report;
pub mod server_status;
pub mod session_policy;
pub mod staffing;
pub mod stats_home;
pub mod tagged;
pub mod text;
pub mod training;
pub mod training_plan;
pub mod version;
pub mod visit;
