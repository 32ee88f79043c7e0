//! Shared directory types.
use crate::domain::grid::{GridKind, Industry};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GridSummary {
    pub id: i32,
    pub parent_id: Option<i32>,
    pub level: i16,
    pub kind: GridKind,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnterpriseSummary {
    pub id: i32,
    pub grid_id: i32,
    pub name: String,
    pub credit_code: String,
    pub industry: Industry,
    /// 四上 enterprise.
    pub above_scale: bool,
    /// 小升规 cultivation enterprise.
    pub cultivation: bool,
}

/// The part of the grid tree a person may see.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Directory {
    pub grids: Vec<GridSummary>,
    pub enterprises: Vec<EnterpriseSummary>,
}

impl Directory {
    pub fn enterprise(&self, id: i32) -> Option<&EnterpriseSummary> {
        self.enterprises.iter().find(|e| e.id == id)
    }

    pub fn grid(&self, id: i32) -> Option<&GridSummary> {
        self.grids.iter().find(|g| g.id == id)
    }
}
