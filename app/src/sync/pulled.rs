//! The pull's half of a sync run, as pure code: the server's records read into what the phone
//! keeps, and merged with what it holds, so nothing the user has not sent is overwritten.
use crate::sync::api::PullResponse;
use crate::sync::outbox::{OutboxRecord, pulled_to_store, withdrawn_elsewhere};
use crate::sync::record_draft::Recorded;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

/// A record as the server stores it and sends it back to the phones that hold it: the draft
/// as written, with its version and when the server took it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredRecord<D> {
    pub id: Uuid,
    pub draft: D,
    pub version: u32,
    pub received_at_ms: i64,
}

/// A kind's record as a pull carries it.
pub trait PulledRecord: DeserializeOwned {
    /// What the phone keeps of it, for the person logged in.
    fn into_outbox(self, person_id: i32) -> OutboxRecord;
}

impl<D: Recorded> PulledRecord for StoredRecord<D> {
    fn into_outbox(self, person_id: i32) -> OutboxRecord {
        let draft = self.draft.wrap();
        OutboxRecord::synced(person_id, self.id, self.version, self.received_at_ms, draft)
    }
}

/// One kind on the phone's side of a pull: the list it comes under, and how to read it.
pub struct PullKind {
    pub name: &'static str,
    read: fn(i32, &[Value]) -> Result<Vec<OutboxRecord>, serde_json::Error>,
}

impl PullKind {
    pub const fn of<T: PulledRecord>(name: &'static str) -> Self {
        PullKind {
            name,
            read: read::<T>,
        }
    }
}

fn read<T: PulledRecord>(
    person_id: i32,
    rows: &[Value],
) -> Result<Vec<OutboxRecord>, serde_json::Error> {
    rows.iter()
        .map(|row| T::deserialize(row).map(|r| r.into_outbox(person_id)))
        .collect()
}

/// Every record of `kinds` the pull carries, as the phone keeps it. A list of a kind this
/// phone does not know (a newer server) is left alone; a record it cannot read fails the pull,
/// so the cursor does not move past it.
pub fn pulled_records(
    person_id: i32,
    pulled: &PullResponse,
    kinds: &[PullKind],
) -> Result<Vec<OutboxRecord>, serde_json::Error> {
    let mut all = Vec::new();
    for kind in kinds {
        if let Some(rows) = pulled.records.get(kind.name) {
            all.extend((kind.read)(person_id, rows)?);
        }
    }
    Ok(all)
}

/// What a pull changes on the phone.
#[derive(Debug, Default, PartialEq)]
pub struct Merge {
    /// New or changed records, as synced.
    pub put: Vec<OutboxRecord>,
    /// Records withdrawn on another phone that this one holds synced.
    pub remove: Vec<Uuid>,
}

/// The pull merged with what the phone holds: a record still unsent on the phone is neither
/// overwritten nor removed, so the user's work is never dropped unseen.
pub fn merge(local: &[OutboxRecord], pulled: Vec<OutboxRecord>, withdrawn: &[Uuid]) -> Merge {
    let remove = withdrawn_elsewhere(local, withdrawn);
    let put = pulled_to_store(local, pulled)
        .into_iter()
        .filter(|r| !withdrawn.contains(&r.id))
        .collect();
    Merge { put, remove }
}
