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
pub mod visit_month;
pub mod visit_tally;
pub mod waiver;
pub mod withdrawal;

/// Begins a transaction that writes. On SQLite it takes the write lock at once (`BEGIN
/// IMMEDIATE`): a transaction that read first and then wrote would fail outright, not wait its
/// busy timeout, if another connection (a backup noting itself, another process) wrote in
/// between. PostgreSQL ignores the mode.
pub async fn begin_write<C: sea_orm::TransactionTrait>(
    db: &C,
) -> Result<C::Transaction, sea_orm::DbErr> {
    db.begin_with_options(sea_orm::TransactionOptions {
        sqlite_transaction_mode: Some(sea_orm::SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}
