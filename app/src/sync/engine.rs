//! One sync run: push the outbox in batches until nothing is pending, storing each answer
//! before the next batch goes, then pull what changed and merge it. Independent of the
//! browser, so it is tested natively.
use crate::auth::api::Profile;
use crate::directory::api::Directory;
use crate::error::AppError;
use crate::sync::api::{MAX_BATCH, PullResponse, RecordEnvelope, RecordResult};
use crate::sync::error::PhoneError;
use crate::sync::kv::{self, KeyValue};
use crate::sync::outbox::{
    OutboxRecord, OutboxStore, PhotoStore, RecordState, StoredPhoto, apply_results, next_batch,
};
use crate::sync::pulled::{PullKind, merge, pulled_records};
use crate::sync::words;
use std::time::Duration;

/// Sends one batch, or one photo, to the server.
#[allow(async_fn_in_trait)] // used by this crate only, with concrete types
pub trait Transport {
    async fn push(&self, records: Vec<RecordEnvelope>) -> Result<Vec<RecordResult>, AppError>;
    /// Stores the photo under its id; sending it again is harmless.
    async fn upload_photo(&self, photo: &StoredPhoto) -> Result<(), AppError>;
    /// What changed after the cursor `after`; `held` names the directory and profile the
    /// phone holds.
    async fn pull(&self, after: i64, held: Option<String>) -> Result<PullResponse, AppError>;
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncReport {
    pub round_trips: usize,
    pub accepted: usize,
    pub rejected: usize,
}

/// What a sync run brought that the page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Synced {
    pub report: SyncReport,
    /// The person as the server knows them now, when that changed.
    pub profile: Option<Profile>,
    /// The directory, when it changed.
    pub directory: Option<Directory>,
}

/// One whole run for the person: push, then pull the records of `kinds` since the kept cursor
/// and merge them. The cursor moves only once what it covers is kept, so an interrupted run
/// pulls the same again; the digest is kept only with the directory and profile it names.
pub async fn sync_once(
    store: &(impl OutboxStore + PhotoStore),
    transport: &impl Transport,
    settings: &impl KeyValue,
    person_id: i32,
    kinds: &[PullKind],
    progress: impl Fn(usize, usize),
) -> Result<Synced, PhoneError> {
    let report = push_outbox(store, transport, person_id, progress).await?;
    let after = settings.get::<i64>(&kv::cursor(person_id)).unwrap_or(0);
    let pulled = transport
        .pull(after, settings.get(kv::DIRECTORY_DIGEST))
        .await?;
    let fresh = pulled_records(person_id, &pulled, kinds).map_err(|_| AppError::internal())?;
    let merged = merge(&store.all().await?, fresh, &pulled.withdrawn);
    store.remove(&merged.remove).await?;
    store.put_all(&merged.put).await?;
    settings.set(&kv::cursor(person_id), &pulled.cursor);
    let profile_kept = pulled
        .profile
        .as_ref()
        .is_none_or(|p| settings.set(kv::PROFILE, p));
    if let Some(directory) = &pulled.directory
        && settings.set(kv::DIRECTORY, directory)
        && profile_kept
    {
        settings.set(kv::DIRECTORY_DIGEST, &pulled.directory_digest);
    }
    Ok(Synced {
        report,
        profile: pulled.profile,
        directory: pulled.directory,
    })
}

/// Pushes every pending record of the person, telling `progress` (answered, total) after each
/// batch. A batch's photos go first, so the server never stores a record whose photos it lacks.
/// Stops at the first failed round trip, leaving the rest pending, and when a round changes
/// nothing (so a confused server cannot loop it forever).
pub async fn push_outbox(
    store: &(impl OutboxStore + PhotoStore),
    transport: &impl Transport,
    person_id: i32,
    progress: impl Fn(usize, usize),
) -> Result<SyncReport, PhoneError> {
    let mut report = SyncReport::default();
    let total = next_batch(&store.all().await?, person_id, usize::MAX).len();
    loop {
        let batch = next_batch(&store.all().await?, person_id, MAX_BATCH);
        if batch.is_empty() {
            return Ok(report);
        }
        upload_photos(store, transport, &batch).await?;
        let results = transport
            .push(batch.iter().map(|r| r.envelope()).collect())
            .await?;
        report.round_trips += 1;
        let updated = apply_results(&batch, &results);
        if updated.is_empty() {
            return Ok(report);
        }
        // A withdrawal the server took leaves the phone with its record.
        let (gone, kept): (Vec<OutboxRecord>, Vec<OutboxRecord>) = updated
            .iter()
            .cloned()
            .partition(|r| r.withdrawn && matches!(r.state, RecordState::Synced { .. }));
        store.put_all(&kept).await?;
        store
            .remove(&gone.iter().map(|r| r.id).collect::<Vec<_>>())
            .await?;
        for r in &updated {
            match r.state {
                RecordState::Synced { .. } => report.accepted += 1,
                _ => report.rejected += 1,
            }
        }
        progress(report.accepted + report.rejected, total);
    }
}

/// Uploads the photos of `batch` not uploaded yet, marking each once the server has it. A photo
/// missing on the phone is left to the server, which refuses its record in words.
async fn upload_photos(
    store: &impl PhotoStore,
    transport: &impl Transport,
    batch: &[OutboxRecord],
) -> Result<(), PhoneError> {
    for id in batch.iter().flat_map(|r| r.draft.photos()) {
        if let Some(mut photo) = store.photo(id).await?
            && !photo.uploaded
        {
            transport.upload_photo(&photo).await?;
            photo.uploaded = true;
            store.put_photo(&photo).await?;
        }
    }
    Ok(())
}

/// What a failed sync run leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AfterFailure {
    /// Try again by itself after the wait: the network or the server may come back.
    Retry(Duration),
    /// Sending the same again cannot help: nothing is sent by itself until the user acts
    /// (logs in, changes the password, updates the app, or taps 立即同步). The records stay.
    Halt,
}

impl PhoneError {
    /// Whether the same run may succeed later without the user doing anything: the server's
    /// answer decides (`docs/sync.md`, Errors); the phone's own storage may recover.
    pub fn retryable(&self) -> bool {
        match self {
            Self::Store(_) => true,
            Self::Server(e) => e.retryable(),
            _ => false,
        }
    }

    /// What follows this failure, the `failures`-th in a row.
    pub fn after(&self, failures: u32) -> AfterFailure {
        if self.retryable() {
            AfterFailure::Retry(retry_after(failures))
        } else {
            AfterFailure::Halt
        }
    }
}

/// The failure in words for the user, with what happens next. The records stay on the phone
/// whatever happened, and the notice says so where the user might fear for them.
pub fn failure_notice(err: &PhoneError, after: &AfterFailure) -> String {
    match (err, after) {
        (PhoneError::Server(AppError::Unauthenticated), _) => words::SESSION_EXPIRED.into(),
        (PhoneError::Server(AppError::PasswordChangeRequired), _) => {
            words::CHANGE_PASSWORD_FIRST.into()
        }
        (PhoneError::Server(AppError::Network(_)), AfterFailure::Retry(wait)) => {
            words::offline_retry(wait.as_secs())
        }
        (other, AfterFailure::Retry(wait)) => words::failed_retry(other, wait.as_secs()),
        (other, AfterFailure::Halt) => words::failed_halted(other),
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
