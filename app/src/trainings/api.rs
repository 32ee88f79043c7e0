//! Shared training types.
use crate::domain::training::TrainingDraft;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The name this kind's records go under in a pull.
pub const PULLED_AS: &str = "trainings";

/// A training as the server stored it, pulled back by its recorder.
pub type TrainingRecord = crate::sync::pulled::StoredRecord<TrainingDraft>;

/// A training the person attended, whoever recorded it: what their hours are made of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attended {
    pub id: Uuid,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub title: String,
    pub hours: u32,
}
