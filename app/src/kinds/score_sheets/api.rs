//! Shared score-sheet types.
use crate::domain::evaluation::{ScoreSheetDraft, SheetRole, Template, Thresholds, sheet_id};
use serde::{Deserialize, Serialize};

/// The name this kind's records go under in a pull.
pub const PULLED_AS: &str = "score_sheets";

/// Where the phone reads the sheets its person is assigned to.
pub const MINE_PATH: &str = "/api/v1/evaluation/mine";

/// A sheet as the server stored it, pulled by everyone assigned to its unit.
pub type SheetRecord = crate::sync::pulled::StoredRecord<ScoreSheetDraft>;

/// A sheet the person is assigned to fill, with what the phone needs to fill it offline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assigned {
    pub campaign_id: i32,
    pub campaign: String,
    pub unit_id: i32,
    /// The unit as the notice lists it (青山县青山镇).
    pub unit: String,
    pub role: SheetRole,
    pub template: Template,
    pub thresholds: Thresholds,
}

impl Assigned {
    /// The id of the one record this sheet is.
    pub fn id(&self) -> uuid::Uuid {
        sheet_id(self.campaign_id, self.unit_id, self.role)
    }
}
