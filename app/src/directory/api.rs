//! Shared directory types.
use crate::domain::grid::{GridKind, Industry, Role};
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

/// Someone who may take part in a record of one of the person's grids (a member of it or of a
/// grid below it), for the participant picker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberSummary {
    pub person_id: i32,
    pub grid_id: i32,
    pub name: String,
    pub role: Role,
}

/// The part of the grid tree a person may see.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Directory {
    pub grids: Vec<GridSummary>,
    pub enterprises: Vec<EnterpriseSummary>,
    /// Everyone who may take part in the records of the grids where the person records work:
    /// for each, the people holding a role in it or below it, listed under it (absent from
    /// directories cached before members were sent).
    #[serde(default)]
    pub members: Vec<MemberSummary>,
    /// The fixed-date progress reports the policy asks of the grids where the person files
    /// them, so the phone offers their deadlines offline.
    #[serde(default)]
    pub fixed_reports: Vec<crate::domain::progress_report::FixedReport>,
    /// For each grid where the person records activities, the 统计之家 of its township, so
    /// the activity form offers them offline.
    #[serde(default)]
    pub stats_homes: Vec<StatsHomeSummary>,
}

/// A 统计之家 where the grid's activities may be held.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatsHomeSummary {
    pub grid_id: i32,
    pub name: String,
}

impl Directory {
    pub fn enterprise(&self, id: i32) -> Option<&EnterpriseSummary> {
        self.enterprises.iter().find(|e| e.id == id)
    }

    pub fn grid(&self, id: i32) -> Option<&GridSummary> {
        self.grids.iter().find(|g| g.id == id)
    }

    /// The enterprises of `grid` and of the grids below it that the phone knows: a township's
    /// staff report on any enterprise in the township.
    pub fn enterprises_under(&self, grid: i32) -> Vec<&EnterpriseSummary> {
        let tree = crate::domain::grid_tree::GridTree::new(
            (self.grids.iter()).map(|g| (g.id, g.parent_id, g.kind)),
        );
        let below = tree.subtree(grid);
        (self.enterprises.iter())
            .filter(|e| below.contains(&e.grid_id))
            .collect()
    }

    /// The names of `people` among the members of `grid` (those the phone knows), in order.
    pub fn names_of(&self, grid_id: i32, people: &[i32]) -> Vec<&str> {
        let members = self.members_of(grid_id);
        people
            .iter()
            .filter_map(|id| members.iter().find(|m| m.person_id == *id))
            .map(|m| m.name.as_str())
            .collect()
    }

    /// The members of a grid, each once, in the order the server sent them.
    pub fn members_of(&self, grid_id: i32) -> Vec<&MemberSummary> {
        let mut seen = Vec::new();
        self.members
            .iter()
            .filter(|m| m.grid_id == grid_id)
            .filter(|m| {
                let first = !seen.contains(&m.person_id);
                seen.push(m.person_id);
                first
            })
            .collect()
    }
}
