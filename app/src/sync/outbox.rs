//! The phone's outbox: every record the user saved, kept until the server has answered for it,
//! and after (as synced) so that 我的记录 shows it. Storage sits behind [`OutboxStore`]: IndexedDB
//! in the browser, [`MemoryStore`] in native tests.
use crate::domain::visit::VisitDraft;
use crate::sync::api::{KIND_VISIT, Problem, RecordEnvelope, RecordOutcome, RecordResult};
use crate::visits::api::VisitRecord;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;
use uuid::Uuid;

/// Where a record stands, as shown to the user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum RecordState {
    /// 待同步: saved on the phone, not yet answered by the server.
    Pending,
    /// 已同步: stored on the server.
    Synced { received_at_ms: i64 },
    /// 被拒绝: the server refused it; the user can edit and save again.
    Rejected { problems: Vec<Problem> },
}

impl RecordState {
    pub fn label(&self) -> &'static str {
        match self {
            Self::Pending => "待同步",
            Self::Synced { .. } => "已同步",
            Self::Rejected { .. } => "被拒绝",
        }
    }
}

/// A visit as the phone keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxRecord {
    pub id: Uuid,
    pub person_id: i32,
    pub version: u32,
    pub device_time_ms: i64,
    pub draft: VisitDraft,
    pub state: RecordState,
}

impl OutboxRecord {
    pub fn is_unsynced(&self) -> bool {
        !matches!(self.state, RecordState::Synced { .. })
    }

    pub fn envelope(&self) -> RecordEnvelope {
        RecordEnvelope {
            id: self.id,
            kind: KIND_VISIT.to_owned(),
            version: self.version,
            device_time_ms: self.device_time_ms,
            payload: serde_json::to_value(&self.draft).unwrap_or(serde_json::Value::Null),
        }
    }

    /// A record stored on the server (pulled), as the phone keeps it.
    pub fn from_server(person_id: i32, v: &VisitRecord) -> Self {
        OutboxRecord {
            id: v.id,
            person_id,
            version: v.version,
            device_time_ms: v.received_at_ms,
            draft: VisitDraft {
                enterprise_id: v.enterprise_id,
                visit_date: v.visit_date.clone(),
                purpose: v.purpose.code().to_owned(),
                findings: v.findings.clone(),
                follow_up: v.follow_up,
            },
            state: RecordState::Synced {
                received_at_ms: v.received_at_ms,
            },
        }
    }
}

/// The person's records to push next: pending ones, oldest first, at most `max`. Another
/// person's records on a shared phone wait for that person's own session.
pub fn next_batch(records: &[OutboxRecord], person_id: i32, max: usize) -> Vec<OutboxRecord> {
    let mut pending: Vec<OutboxRecord> = records
        .iter()
        .filter(|r| r.person_id == person_id && r.state == RecordState::Pending)
        .cloned()
        .collect();
    pending.sort_by_key(|r| (r.device_time_ms, r.id));
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
            };
            Some(updated)
        })
        .collect()
}

/// Why the phone could not keep a record.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StoreError {
    #[error("手机存储空间不足，记录未保存。请清理空间后重试")]
    QuotaExceeded,
    #[error("无法打开手机上的存储：{0}")]
    Unavailable(String),
    #[error("手机存储出错：{0}")]
    Failed(String),
}

/// Durable storage of the outbox. `put` returns only once the record is durably written.
#[allow(async_fn_in_trait)] // used by this crate only, with concrete types
pub trait OutboxStore {
    async fn put_all(&self, records: &[OutboxRecord]) -> Result<(), StoreError>;
    async fn all(&self) -> Result<Vec<OutboxRecord>, StoreError>;
}

/// An outbox in memory, for tests of the sync logic off the browser.
#[derive(Default)]
pub struct MemoryStore {
    records: RefCell<BTreeMap<Uuid, OutboxRecord>>,
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

#[cfg(test)]
#[path = "outbox_tests.rs"]
pub(crate) mod tests;
