//! The server's integration tests, in one test binary. Each module was once a binary of its
//! own, and every one of them linked the whole server: 51 links and about 18 GB of disk per
//! build, for tests that share one harness (`common`).
#![allow(clippy::unwrap_used, clippy::expect_used)]
#[macro_use]
mod common;

mod access;
mod access_matrix;
mod activities;
mod admin;
mod admin_directory;
mod admin_tree;
mod analysis_meetings;
mod assessments;
mod auth;
mod backup;
mod city_roles;
mod courses;
mod crash;
mod data_quality;
mod demo_history;
mod divisions;
mod duties;
mod evaluation;
mod evaluation_units;
mod filings;
mod funds;
mod import_limits;
mod law_promotion;
mod level_two_review;
mod login_guard;
mod membership;
mod notices;
mod photos;
mod preparation;
mod progress_reports;
mod push_fuzz;
mod record_kinds;
mod reports;
mod request_id;
mod score_sheets;
mod sessions;
mod staffing;
mod stats_homes;
mod status;
mod surveyors;
mod sync_api;
mod sync_cursor;
mod township_coverage;
mod township_work;
mod trainings;
mod two_servers;
mod upgrade;
mod waivers;
mod web_guard;
mod withdrawals;
mod work_area_reports;
