//! The metrics the features record, by name (`docs/deploy.md` lists them). They go to whatever
//! recorder the server installed (Prometheus on `STATGRID_METRICS_ADDR`), and to nothing when
//! none is. Every label value is one of a fixed set, never text a client sent.
use crate::sync::api::{RecordOutcome, RecordResult};

pub const SYNC_RECORDS: &str = "statgrid_sync_records_total";
pub const SYNC_BATCH_RECORDS: &str = "statgrid_sync_batch_records";
pub const LOGIN_FAILURES: &str = "statgrid_login_failures_total";

/// The kind label of records whose kind this server does not store.
pub const UNKNOWN_KIND: &str = "unknown";
/// The kind label of withdrawals, whatever kind they withdraw.
pub const WITHDRAWAL: &str = "withdrawal";

/// Counts a kind's answered records by outcome.
pub fn record_outcomes(kind: &'static str, results: &[RecordResult]) {
    for result in results {
        let outcome = match result.outcome {
            RecordOutcome::Accepted { .. } => "accepted",
            RecordOutcome::Rejected { .. } => "rejected",
            RecordOutcome::Conflict { .. } => "conflict",
        };
        ::metrics::counter!(SYNC_RECORDS, "kind" => kind, "outcome" => outcome).increment(1);
    }
}

/// A push's number of records.
pub fn push_batch(records: usize) {
    ::metrics::histogram!(SYNC_BATCH_RECORDS).record(records as f64);
}

/// Why a login failed.
#[derive(Debug, Clone, Copy)]
pub enum LoginFailure {
    /// Wrong password, or a phone number nobody has.
    Credentials,
    /// Refused unheard: too many failures lately.
    Throttled,
}

pub fn login_failure(reason: LoginFailure) {
    let reason = match reason {
        LoginFailure::Credentials => "credentials",
        LoginFailure::Throttled => "throttled",
    };
    ::metrics::counter!(LOGIN_FAILURES, "reason" => reason).increment(1);
}
