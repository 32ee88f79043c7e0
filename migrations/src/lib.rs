//! Schema migrations, the same on SQLite and PostgreSQL. A landed migration is never edited:
//! changes come as new files.
pub use sea_orm_migration::prelude::*;

mod m20261122_000001_grid_tree;
mod m20261122_000002_visits_and_sessions;
mod m20261122_000003_audit_and_password_reset;
mod m20261122_000004_enterprise_closed;
mod m20261122_000005_cadence_policy;
mod m20261123_000006_monthly_reports;
mod m20261123_000007_waivers;
mod m20261130_000008_grid_activities;
mod m20261130_000009_trainings;
mod m20261130_000010_major_events_and_plans;
mod m20261130_000011_photos;
mod m20261130_000012_withdrawals;
mod m20261202_000013_login_attempts;
mod m20261202_000014_session_kinds;
mod m20261202_000015_change_sequence;
mod m20261202_000016_photo_limits;
mod m20261202_000017_audit_without_person;
mod m20261203_000018_backup_runs;
mod m20261203_000019_import_progress;
mod m20261203_000020_directory_version;
mod m20261203_000021_major_event_city_read;
mod m20261203_000022_analysis_meetings;
mod m20261204_000023_progress_reports;
mod m20261204_000024_staff_roster;
mod m20261204_000025_training_session;
mod m20261204_000026_training_plan;
mod m20261204_000027_staff_subsidy;
mod m20261204_000028_setup_milestones;
mod m20261204_000029_progress_report_photos;
mod m20261204_000030_stats_homes;
mod m20261205_000031_notices;
mod m20261205_000032_courses;
mod m20261205_000033_assessments;
mod m20261205_000034_fund_counts;
mod m20261205_000035_divisions;
mod m20261205_000036_evaluation_campaigns;
mod m20261205_000037_score_sheets;
mod m20261205_000038_rectifications;
mod m20261205_000039_evaluation_materials;
mod m20261205_000040_contact_points;
mod m20261205_000041_rectification_returns;
mod m20261205_000042_visit_enterprise_index;
mod m20261206_000043_visit_tally;
mod m20261206_000044_visit_month;

pub struct Migrator;

/// Runs `statements` in order: a migration written in each database's own SQL (triggers).
async fn execute_all(manager: &SchemaManager<'_>, statements: Vec<String>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    for statement in statements {
        db.execute_unprepared(&statement).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_grid_tree::Migration),
            Box::new(m20261122_000002_visits_and_sessions::Migration),
            Box::new(m20261122_000003_audit_and_password_reset::Migration),
            Box::new(m20261122_000004_enterprise_closed::Migration),
            Box::new(m20261122_000005_cadence_policy::Migration),
            Box::new(m20261123_000006_monthly_reports::Migration),
            Box::new(m20261123_000007_waivers::Migration),
            Box::new(m20261130_000008_grid_activities::Migration),
            Box::new(m20261130_000009_trainings::Migration),
            Box::new(m20261130_000010_major_events_and_plans::Migration),
            Box::new(m20261130_000011_photos::Migration),
            Box::new(m20261130_000012_withdrawals::Migration),
            Box::new(m20261202_000013_login_attempts::Migration),
            Box::new(m20261202_000014_session_kinds::Migration),
            Box::new(m20261202_000015_change_sequence::Migration),
            Box::new(m20261202_000016_photo_limits::Migration),
            Box::new(m20261202_000017_audit_without_person::Migration),
            Box::new(m20261203_000018_backup_runs::Migration),
            Box::new(m20261203_000019_import_progress::Migration),
            Box::new(m20261203_000020_directory_version::Migration),
            Box::new(m20261203_000021_major_event_city_read::Migration),
            Box::new(m20261203_000022_analysis_meetings::Migration),
            Box::new(m20261204_000023_progress_reports::Migration),
            Box::new(m20261204_000024_staff_roster::Migration),
            Box::new(m20261204_000025_training_session::Migration),
            Box::new(m20261204_000026_training_plan::Migration),
            Box::new(m20261204_000027_staff_subsidy::Migration),
            Box::new(m20261204_000028_setup_milestones::Migration),
            Box::new(m20261204_000029_progress_report_photos::Migration),
            Box::new(m20261204_000030_stats_homes::Migration),
            Box::new(m20261205_000031_notices::Migration),
            Box::new(m20261205_000032_courses::Migration),
            Box::new(m20261205_000033_assessments::Migration),
            Box::new(m20261205_000034_fund_counts::Migration),
            Box::new(m20261205_000035_divisions::Migration),
            Box::new(m20261205_000036_evaluation_campaigns::Migration),
            Box::new(m20261205_000037_score_sheets::Migration),
            Box::new(m20261205_000038_rectifications::Migration),
            Box::new(m20261205_000039_evaluation_materials::Migration),
            Box::new(m20261205_000040_contact_points::Migration),
            Box::new(m20261205_000041_rectification_returns::Migration),
            Box::new(m20261205_000042_visit_enterprise_index::Migration),
            Box::new(m20261206_000043_visit_tally::Migration),
            Box::new(m20261206_000044_visit_month::Migration),
        ]
    }
}
