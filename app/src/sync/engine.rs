//! One sync run: push the outbox in batches until nothing is pending, storing each answer
//! before the next batch goes. Independent of the browser, so it is tested natively.
use crate::error::AppError;
use crate::sync::api::{MAX_BATCH, RecordEnvelope, RecordResult};
use crate::sync::outbox::{OutboxStore, RecordState, StoreError, apply_results, next_batch};
use std::time::Duration;

/// Sends one batch to the server.
#[allow(async_fn_in_trait)] // used by this crate only, with concrete types
pub trait Transport {
    async fn push(&self, records: Vec<RecordEnvelope>) -> Result<Vec<RecordResult>, AppError>;
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncReport {
    pub round_trips: usize,
    pub accepted: usize,
    pub rejected: usize,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Server(#[from] AppError),
}

/// Pushes every pending record of the person, telling `progress` (answered, total) after each
/// batch. Stops at the first failed round trip, leaving the rest pending, and when a round
/// changes nothing (so a confused server cannot loop it forever).
pub async fn push_outbox(
    store: &impl OutboxStore,
    transport: &impl Transport,
    person_id: i32,
    progress: impl Fn(usize, usize),
) -> Result<SyncReport, SyncError> {
    let mut report = SyncReport::default();
    let total = next_batch(&store.all().await?, person_id, usize::MAX).len();
    loop {
        let batch = next_batch(&store.all().await?, person_id, MAX_BATCH);
        if batch.is_empty() {
            return Ok(report);
        }
        let results = transport
            .push(batch.iter().map(|r| r.envelope()).collect())
            .await?;
        report.round_trips += 1;
        let updated = apply_results(&batch, &results);
        if updated.is_empty() {
            return Ok(report);
        }
        store.put_all(&updated).await?;
        for r in &updated {
            match r.state {
                RecordState::Synced { .. } => report.accepted += 1,
                _ => report.rejected += 1,
            }
        }
        progress(report.accepted + report.rejected, total);
    }
}

/// How long to wait before trying again after `failures` failed syncs in a row: 5 seconds,
/// doubling, at most 5 minutes, so a phone on a poor link neither hammers the server nor
/// waits long once the link is back.
pub fn retry_after(failures: u32) -> Duration {
    let seconds = 5u64.saturating_mul(1 << failures.saturating_sub(1).min(6));
    Duration::from_secs(seconds.min(300))
}

#[cfg(test)]
#[path = "engine_tests.rs"]
mod tests;
