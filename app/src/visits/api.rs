//! Shared visit types.
use crate::domain::visit::VisitPurpose;
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
