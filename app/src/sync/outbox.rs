//! The phone's outbox: every record the user saved, kept until the server has answered for it,
//! and after (as synced) so that 我的记录 shows it. Storage sits behind [`OutboxStore`]: IndexedDB
//! in the browser, [`MemoryStore`] in native tests.
use crate::domain::tagged::{TagError, required, unknown};
use crate::sync::api::{Problem, RecordEnvelope, RecordOutcome, RecordResult};
pub use crate::sync::record_draft::RecordDraft;
use crate::sync::record_draft::Recorded;
use crate::sync::words;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;
use uuid::Uuid;

/// Where a record stands, as shown to the user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case", try_from = "StateFields")]
pub enum RecordState {
    /// 待同步: saved on the phone, not yet answered by the server.
    Pending,
    /// 已同步: stored on the server.
    Synced { received_at_ms: i64 },
    /// 被拒绝: the server refused it; the user can edit and save again.
    Rejected { problems: Vec<Problem> },
    /// 有冲突: the server holds another version, made meanwhile elsewhere. Both are kept until
    /// the user chooses one.
    Conflict {
        theirs: RecordDraft,
        their_version: u32,
        problems: Vec<Problem>,
    },
    /// 被退回: a report the township sent back with a comment, to be edited and resubmitted.
    Returned { comment: Option<String> },
    /// 已通过: a report the township approved; its month is locked.
    Approved,
}

impl RecordState {
    pub fn label(&self) -> &'static str {
        match self {
            Self::Pending => "待同步",
            Self::Synced { .. } => "已同步",
            Self::Rejected { .. } => "被拒绝",
            Self::Conflict { .. } => "有冲突",
            Self::Returned { .. } => "被退回",
            Self::Approved => "已通过",
        }
    }
}

/// Every state's fields, read flat ([`crate::domain::tagged`]): the phone reads each record it
/// keeps through it.
#[derive(Deserialize)]
struct StateFields {
    state: String,
    received_at_ms: Option<i64>,
    problems: Option<Vec<Problem>>,
    theirs: Option<RecordDraft>,
    their_version: Option<u32>,
    comment: Option<String>,
}

impl TryFrom<StateFields> for RecordState {
    type Error = TagError;

    fn try_from(f: StateFields) -> Result<Self, TagError> {
        let tag = f.state.as_str();
        Ok(match tag {
            "pending" => Self::Pending,
            "synced" => Self::Synced {
                received_at_ms: required(f.received_at_ms, tag, "received_at_ms")?,
            },
            "rejected" => Self::Rejected {
                problems: required(f.problems, tag, "problems")?,
            },
            "conflict" => Self::Conflict {
                theirs: required(f.theirs, tag, "theirs")?,
                their_version: required(f.their_version, tag, "their_version")?,
                problems: required(f.problems, tag, "problems")?,
            },
            "returned" => Self::Returned { comment: f.comment },
            "approved" => Self::Approved,
            _ => return Err(unknown(tag)),
        })
    }
}

/// A record as the phone keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxRecord {
    pub id: Uuid,
    pub person_id: i32,
    pub version: u32,
    pub device_time_ms: i64,
    pub draft: RecordDraft,
    pub state: RecordState,
    /// This version withdraws the record (撤回). Once the server has taken it, the record
    /// leaves the phone.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub withdrawn: bool,
}

impl OutboxRecord {
    /// Where the record stands, in words: its state, or that its withdrawal waits to be sent.
    pub fn label(&self) -> &'static str {
        match (&self.state, self.withdrawn) {
            (RecordState::Pending, true) => "撤回待同步",
            (state, _) => state.label(),
        }
    }

    /// Whether the user may withdraw it: not while a conflict waits for a choice, nor once the
    /// township approved it (the server judges locked months and read events).
    pub fn withdrawable(&self) -> bool {
        !self.withdrawn
            && self.draft.withdrawable()
            && !matches!(
                self.state,
                RecordState::Conflict { .. } | RecordState::Approved
            )
    }

    /// Not yet stored on the server as it stands on the phone.
    pub fn is_unsynced(&self) -> bool {
        matches!(
            self.state,
            RecordState::Pending | RecordState::Rejected { .. } | RecordState::Conflict { .. }
        )
    }

    /// The record's draft, if it is of kind `D`.
    pub fn draft_of<D: Recorded>(&self) -> Option<&D> {
        D::of(&self.draft)
    }

    pub fn envelope(&self) -> RecordEnvelope {
        RecordEnvelope {
            id: self.id,
            kind: self.draft.kind().to_owned(),
            version: self.version,
            device_time_ms: self.device_time_ms,
            payload: self.draft.payload(),
            withdrawn: self.withdrawn,
        }
    }

    /// A record of the person's as the server keeps it, pulled back.
    pub fn synced(
        person_id: i32,
        id: Uuid,
        version: u32,
        received_at_ms: i64,
        draft: RecordDraft,
    ) -> Self {
        OutboxRecord {
            id,
            person_id,
            version,
            device_time_ms: received_at_ms,
            draft,
            state: RecordState::Synced { received_at_ms },
            withdrawn: false,
        }
    }

    /// Whether the user may still change it: a visit the server refused; a report until the
    /// township approves it; an activity or training until its month is locked (the server
    /// judges that); a major event or a plan at any time (an edited event is flagged anew).
    pub fn editable(&self) -> bool {
        if self.withdrawn {
            return false;
        }
        match &self.state {
            // A conflict is settled by choosing a version first.
            RecordState::Conflict { .. } => false,
            RecordState::Rejected { .. } => true,
            // Only reports are approved, and approval locks them.
            RecordState::Approved => false,
            _ => self.draft.editable(),
        }
    }
}

/// The record withdrawn by the user: a new version that asks the server to remove it.
pub fn withdraw(record: &OutboxRecord, now_ms: i64) -> OutboxRecord {
    OutboxRecord {
        version: record.version + 1,
        device_time_ms: now_ms,
        state: RecordState::Pending,
        withdrawn: true,
        ..record.clone()
    }
}

/// Which version of a conflicting record the user keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// The phone's: sent again as the version after the server's, so it replaces it.
    Mine,
    /// The server's: kept as synced; the phone's edit is given up, by the user's choice.
    Theirs,
}

/// The record once the user chose in a conflict; `None` when it is not in conflict.
pub fn resolve(record: &OutboxRecord, choice: Choice, now_ms: i64) -> Option<OutboxRecord> {
    let RecordState::Conflict {
        theirs,
        their_version,
        ..
    } = &record.state
    else {
        return None;
    };
    let mut resolved = record.clone();
    match choice {
        Choice::Mine => {
            resolved.version = their_version + 1;
            resolved.device_time_ms = now_ms;
            resolved.state = RecordState::Pending;
        }
        Choice::Theirs => {
            resolved.version = *their_version;
            resolved.draft = theirs.clone();
            resolved.withdrawn = false;
            resolved.state = RecordState::Synced {
                received_at_ms: now_ms,
            };
        }
    }
    Some(resolved)
}

/// The person's records to push next: pending ones, urgent ones (major events) first, then
/// oldest first, at most `max`. Another person's records on a shared phone wait for that
/// person's own session.
pub fn next_batch(records: &[OutboxRecord], person_id: i32, max: usize) -> Vec<OutboxRecord> {
    let mut pending: Vec<OutboxRecord> = records
        .iter()
        .filter(|r| r.person_id == person_id && r.state == RecordState::Pending)
        .cloned()
        .collect();
    pending.sort_by_key(|r| (!r.draft.is_urgent(), r.device_time_ms, r.id));
    pending.truncate(max);
    pending
}

/// The server's answers applied to the records sent. A record the answer does not name stays
/// pending, so nothing is dropped by a short or garbled answer.
pub fn apply_results(sent: &[OutboxRecord], results: &[RecordResult]) -> Vec<OutboxRecord> {
    sent.iter()
        .filter_map(|record| {
            let result = results.iter().find(|r| r.id == record.id)?;
            let mut updated = record.clone();
            updated.state = match &result.outcome {
                RecordOutcome::Accepted { received_at_ms } => RecordState::Synced {
                    received_at_ms: *received_at_ms,
                },
                RecordOutcome::Rejected { problems } => RecordState::Rejected {
                    problems: problems.clone(),
                },
                // A server version the phone cannot read is reported as a refusal: the user's
                // own version stays either way.
                RecordOutcome::Conflict { current, problems } => {
                    match RecordDraft::from_wire(record.draft.kind(), &current.payload) {
                        Ok(theirs) => RecordState::Conflict {
                            theirs,
                            their_version: current.version,
                            problems: problems.clone(),
                        },
                        _ => RecordState::Rejected {
                            problems: problems.clone(),
                        },
                    }
                }
            };
            Some(updated)
        })
        .collect()
}

/// Why the phone could not keep a record.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StoreError {
    #[error("{}", words::STORAGE_FULL)]
    QuotaExceeded,
    #[error("{}{}", words::STORAGE_UNOPENED, .0)]
    Unavailable(String),
    #[error("{}{}", words::STORAGE_FAILED, .0)]
    Failed(String),
}

/// Durable storage of the outbox. `put` returns only once the record is durably written.
#[allow(async_fn_in_trait)] // used by this crate only, with concrete types
pub trait OutboxStore {
    async fn put_all(&self, records: &[OutboxRecord]) -> Result<(), StoreError>;
    async fn all(&self) -> Result<Vec<OutboxRecord>, StoreError>;
    /// Removes records the server has withdrawn.
    async fn remove(&self, ids: &[Uuid]) -> Result<(), StoreError>;
}

/// A photo kept on the phone: until it is uploaded, and after, for showing it offline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredPhoto {
    pub id: Uuid,
    pub person_id: i32,
    /// The shrunk JPEG as a `data:image/jpeg;base64,…` URL, ready for an `<img>`.
    pub data_url: String,
    pub uploaded: bool,
}

/// Durable storage of photos, beside the outbox.
#[allow(async_fn_in_trait)] // used by this crate only, with concrete types
pub trait PhotoStore {
    async fn put_photo(&self, photo: &StoredPhoto) -> Result<(), StoreError>;
    async fn photo(&self, id: Uuid) -> Result<Option<StoredPhoto>, StoreError>;
    async fn photo_ids(&self) -> Result<Vec<Uuid>, StoreError>;
    async fn remove_photos(&self, ids: &[Uuid]) -> Result<(), StoreError>;
}

/// How long a photo listed by no record stays on the phone: a form left open keeps its photos.
pub const ORPHAN_PHOTO_MS: i64 = 24 * 60 * 60 * 1000;

/// The photos to delete from the phone: listed by no record it holds (the form was left, the
/// photo removed from it, or its record withdrawn), and taken more than [`ORPHAN_PHOTO_MS`] ago
/// (an id made by the phone carries its time).
pub fn orphan_photos(records: &[OutboxRecord], photos: &[Uuid], now_ms: i64) -> Vec<Uuid> {
    let listed: std::collections::HashSet<Uuid> =
        records.iter().flat_map(|r| r.draft.photos()).collect();
    photos
        .iter()
        .filter(|id| !listed.contains(*id))
        .filter(|id| {
            id.get_timestamp().is_some_and(|t| {
                let (secs, _) = t.to_unix();
                i64::try_from(secs).is_ok_and(|s| now_ms - s * 1000 > ORPHAN_PHOTO_MS)
            })
        })
        .copied()
        .collect()
}

/// An outbox in memory, for tests of the sync logic off the browser.
#[derive(Default)]
pub struct MemoryStore {
    records: RefCell<BTreeMap<Uuid, OutboxRecord>>,
    photos: RefCell<BTreeMap<Uuid, StoredPhoto>>,
}

impl PhotoStore for MemoryStore {
    async fn put_photo(&self, photo: &StoredPhoto) -> Result<(), StoreError> {
        self.photos.borrow_mut().insert(photo.id, photo.clone());
        Ok(())
    }

    async fn photo(&self, id: Uuid) -> Result<Option<StoredPhoto>, StoreError> {
        Ok(self.photos.borrow().get(&id).cloned())
    }

    async fn photo_ids(&self) -> Result<Vec<Uuid>, StoreError> {
        Ok(self.photos.borrow().keys().copied().collect())
    }

    async fn remove_photos(&self, ids: &[Uuid]) -> Result<(), StoreError> {
        let mut photos = self.photos.borrow_mut();
        for id in ids {
            photos.remove(id);
        }
        Ok(())
    }
}

impl OutboxStore for MemoryStore {
    async fn put_all(&self, records: &[OutboxRecord]) -> Result<(), StoreError> {
        let mut map = self.records.borrow_mut();
        for r in records {
            map.insert(r.id, r.clone());
        }
        Ok(())
    }

    async fn all(&self) -> Result<Vec<OutboxRecord>, StoreError> {
        Ok(self.records.borrow().values().cloned().collect())
    }

    async fn remove(&self, ids: &[Uuid]) -> Result<(), StoreError> {
        let mut map = self.records.borrow_mut();
        for id in ids {
            map.remove(id);
        }
        Ok(())
    }
}

/// Which pulled server records to write into the outbox: new or changed ones, as synced. A
/// record the phone still holds unsynced is left alone, so a pull never overwrites the user's work.
pub fn pulled_to_store(local: &[OutboxRecord], pulled: Vec<OutboxRecord>) -> Vec<OutboxRecord> {
    pulled
        .into_iter()
        .filter(|p| {
            local
                .iter()
                .find(|l| l.id == p.id)
                .is_none_or(|l| !l.is_unsynced() && l != p)
        })
        .collect()
}

/// Which records to remove from the phone because the server says they were withdrawn
/// (on another phone): those it holds synced. One still unsynced stays, so the user's work is
/// not dropped unseen; the server refuses it in words when it is sent.
pub fn withdrawn_elsewhere(local: &[OutboxRecord], withdrawn: &[Uuid]) -> Vec<Uuid> {
    local
        .iter()
        .filter(|r| withdrawn.contains(&r.id) && !r.is_unsynced())
        .map(|r| r.id)
        .collect()
}

#[cfg(test)]
#[path = "outbox_tests.rs"]
pub(crate) mod tests;
