//! Shared activity types.
use crate::domain::activity::ActivityDraft;

/// The name this kind's records go under in a pull.
pub const PULLED_AS: &str = "activities";

/// An activity as the server stored it, pulled back by its recorder.
pub type ActivityRecord = crate::sync::pulled::StoredRecord<ActivityDraft>;
