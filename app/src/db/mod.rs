//! Database entities (server only). They never cross the wire: each feature turns them into
//! its own shared types first. A record kind added later keeps its entity in its own module
//! (see `crate::kinds`), so adding a kind touches no list here.
pub mod annual_plan;
pub mod audit_entry;
pub mod backup_run;
pub mod cadence_policy;
pub mod enterprise;
pub mod grid;
pub mod grid_activity;
pub mod import_progress;
pub mod login_failure;
pub mod major_event;
pub mod monthly_report;
pub mod person;
pub mod photo;
pub mod report_event;
pub mod role_assignment;
pub mod session;
pub mod training;
pub mod training_attendee;
pub mod visit;
pub mod waiver;
pub mod withdrawal;
