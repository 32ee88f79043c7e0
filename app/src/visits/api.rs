//! Shared visit types.
use crate::domain::visit::{VisitDraft, VisitPurpose};
use crate::sync::outbox::OutboxRecord;
use crate::sync::pulled::PulledRecord;
use crate::sync::record_draft::Recorded;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The name this kind's records go under in a pull.
pub const PULLED_AS: &str = "visits";

/// A visit as the server stored it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VisitRecord {
    pub id: Uuid,
    pub enterprise_id: i32,
    pub visit_date: String,
    pub purpose: VisitPurpose,
    pub findings: String,
    pub follow_up: bool,
    #[serde(default)]
    pub photos: Vec<Uuid>,
    pub version: u32,
    pub received_at_ms: i64,
}

impl PulledRecord for VisitRecord {
    fn into_outbox(self, person_id: i32) -> OutboxRecord {
        let draft = VisitDraft {
            enterprise_id: self.enterprise_id,
            visit_date: self.visit_date,
            purpose: self.purpose.code().to_owned(),
            findings: self.findings,
            follow_up: self.follow_up,
            photos: self.photos,
        };
        OutboxRecord::synced(
            person_id,
            self.id,
            self.version,
            self.received_at_ms,
            draft.wrap(),
        )
    }
}
