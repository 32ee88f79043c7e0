//! Shared activity types.
use crate::domain::activity::ActivityDraft;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The name this kind's records go under in a pull.
pub const PULLED_AS: &str = "activities";

/// An activity as the server stored it, pulled back by its recorder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivityRecord {
    pub id: Uuid,
    pub draft: ActivityDraft,
    pub version: u32,
    pub received_at_ms: i64,
}
