//! Shared types of the administration API (`docs/admin.md`).
use serde::{Deserialize, Serialize};

pub const IMPORT_PATH: &str = "/api/v1/admin/import";
pub const EXPORT_PATH: &str = "/api/v1/admin/export";
pub const AUDIT_PATH: &str = "/api/v1/admin/audit";
/// `GET {IMPORT_PROGRESS_PATH}/{job}`: how far the import sent with `?job=` has come.
pub const IMPORT_PROGRESS_PATH: &str = "/api/v1/admin/import-progress";

/// How far a running import has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportProgress {
    pub stage: ImportStage,
    /// Rows written so far (while writing).
    pub done: usize,
    /// Rows to write (while writing).
    pub total: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportStage {
    /// Reading the file and comparing it with the directory.
    Checking,
    /// Writing the valid rows, in one transaction.
    Writing,
}

/// What an import found, and, once applied, what it did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportReport {
    /// 企业名录 or 网格人员.
    pub layout: String,
    pub total_rows: usize,
    pub valid_rows: usize,
    /// Rows kept out of the import, each with the reason in Chinese.
    pub errors: Vec<RowProblem>,
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
    /// The rows that would change (or changed) something, with the fields that differ.
    pub changes: Vec<ChangedRow>,
    /// Whether the valid rows were written (all in one transaction).
    pub applied: bool,
    /// First passwords of people the import created; each must choose a new one at first login.
    pub initial_passwords: Vec<InitialPassword>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowProblem {
    pub row: u32,
    pub column: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangedRow {
    pub row: u32,
    /// The credit code, or the phone for people.
    pub key: String,
    pub name: String,
    /// 新增, or the Chinese headers of the changed fields.
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InitialPassword {
    pub phone: String,
    pub name: String,
    pub password: String,
}

/// One entry of the audit log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditRecord {
    pub at_ms: i64,
    pub person_name: String,
    pub action: String,
    pub target_kind: String,
    pub target_key: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// A grid as the administration screens show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GridNode {
    pub id: i32,
    pub parent_id: Option<i32>,
    pub level: i16,
    pub kind: crate::domain::grid::GridKind,
    pub name: String,
    pub closed: bool,
    pub enterprises: usize,
}

/// One change to the grid tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum GridChange {
    Add {
        parent_id: i32,
        kind: crate::domain::grid::GridKind,
        name: String,
    },
    Rename {
        id: i32,
        name: String,
    },
    Move {
        id: i32,
        parent_id: i32,
    },
    Close {
        id: i32,
    },
}

/// A person as the administration screens show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonEntry {
    pub id: i32,
    pub name: String,
    pub phone: String,
    pub active: bool,
    pub roles: Vec<crate::auth::api::GridRole>,
}

/// One change to a person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum PersonChange {
    /// Ends every session at once; the person can no longer log in.
    Deactivate {
        person_id: i32,
    },
    Reactivate {
        person_id: i32,
    },
    /// Sets a new first password, which the person must replace at next login.
    ResetPassword {
        person_id: i32,
    },
    Assign {
        person_id: i32,
        grid_id: i32,
        role: crate::domain::grid::Role,
    },
    Unassign {
        person_id: i32,
        grid_id: i32,
        role: crate::domain::grid::Role,
    },
    /// Ends every session of the person (a lost phone): they log in again on each device.
    EndSessions {
        person_id: i32,
    },
}

/// What a person change did: a reset's new password, for the administrator to hand over.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PersonChangeDone {
    pub new_password: Option<String>,
}

/// A proposed enterprise grid, with the names of its enterprises for review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupingProposal {
    pub township_id: i32,
    pub grids: Vec<ProposedGridView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposedGridView {
    pub name: String,
    /// The work area it goes under; `None`: directly under the township.
    #[serde(default)]
    pub work_area: Option<i32>,
    pub industry: Option<crate::domain::grid::Industry>,
    pub enterprises: Vec<(i32, String)>,
}

impl GroupingProposal {
    /// The administrator's edit before accepting: moves an enterprise into the grid at index
    /// `to`. A grid left empty is dropped, since accepting would create it empty. Returns
    /// whether anything moved.
    pub fn move_enterprise(&mut self, enterprise_id: i32, to: usize) -> bool {
        if to >= self.grids.len() {
            return false;
        }
        let Some((from, at)) = self.grids.iter().enumerate().find_map(|(g, grid)| {
            grid.enterprises
                .iter()
                .position(|(id, _)| *id == enterprise_id)
                .map(|at| (g, at))
        }) else {
            return false;
        };
        if from == to {
            return false;
        }
        let moved = self.grids[from].enterprises.remove(at);
        self.grids[to].enterprises.push(moved);
        if self.grids[from].enterprises.is_empty() {
            self.grids.remove(from);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proposal() -> GroupingProposal {
        let grid = |name: &str, ids: &[i32]| ProposedGridView {
            work_area: None,
            name: name.into(),
            industry: None,
            enterprises: ids.iter().map(|id| (*id, format!("企业{id}"))).collect(),
        };
        GroupingProposal {
            township_id: 1,
            grids: vec![grid("甲", &[1, 2]), grid("乙", &[3])],
        }
    }

    #[test]
    fn an_enterprise_moves_between_proposed_grids() {
        let mut p = proposal();
        assert!(p.move_enterprise(2, 1));
        assert_eq!(p.grids[0].enterprises, vec![(1, "企业1".to_owned())]);
        assert_eq!(p.grids[1].enterprises.len(), 2);
    }

    #[test]
    fn a_grid_left_empty_is_dropped_and_bad_moves_change_nothing() {
        let mut p = proposal();
        assert!(p.move_enterprise(3, 0));
        assert_eq!(p.grids.len(), 1);
        assert_eq!(p.grids[0].enterprises.len(), 3);
        let before = p.clone();
        assert!(!p.move_enterprise(99, 0), "unknown enterprise");
        assert!(!p.move_enterprise(1, 5), "unknown grid");
        assert!(!p.move_enterprise(1, 0), "already there");
        assert_eq!(p, before);
    }
}

/// An enterprise of the directory as the administration screens show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnterpriseEntry {
    pub id: i32,
    pub fields: crate::domain::enterprise::EnterpriseDraft,
    pub grid_name: String,
    pub closed: bool,
    /// After a change that placed it in a grid: how that grid now departs from the documents'
    /// shape (over about 20 enterprises, another industry), for the administrator to weigh.
    #[serde(default)]
    pub warnings: Vec<String>,
}

/// Which enterprises to list: those of a grid, those whose name or credit code contains the
/// text, or both. At most [`ENTERPRISE_LIST_MAX`] come back.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EnterpriseQuery {
    pub grid_id: Option<i32>,
    pub text: String,
    pub include_closed: bool,
}

pub const ENTERPRISE_LIST_MAX: u64 = 200;

/// One change to the directory, outside an import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum EnterpriseChange {
    Add {
        fields: crate::domain::enterprise::EnterpriseDraft,
    },
    Edit {
        id: i32,
        fields: crate::domain::enterprise::EnterpriseDraft,
    },
    Move {
        id: i32,
        grid_id: i32,
    },
    /// 注销、停产或迁出: leaves lists and counts, keeps its visits.
    Close {
        id: i32,
    },
    Reopen {
        id: i32,
    },
}

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "admin/grids", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn list_grids() -> Result<Vec<GridNode>, AppError> {
    crate::error::respond(async { super::ssr::admin_session().await?.list_grids().await }.await)
}

#[server(endpoint = "admin/grid_change", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn change_grid(change: GridChange) -> Result<Vec<GridNode>, AppError> {
    crate::error::respond(
        async { super::ssr::admin_session().await?.change_grid(change).await }.await,
    )
}

#[server(endpoint = "admin/people", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn list_people() -> Result<Vec<PersonEntry>, AppError> {
    crate::error::respond(async { super::ssr::admin_session().await?.list_people().await }.await)
}

#[server(endpoint = "admin/person_change", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn change_person(change: PersonChange) -> Result<PersonChangeDone, AppError> {
    crate::error::respond(
        async {
            super::ssr::admin_session()
                .await?
                .change_person(change)
                .await
        }
        .await,
    )
}

#[server(endpoint = "admin/audit", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn list_audit() -> Result<Vec<AuditRecord>, AppError> {
    crate::error::respond(async { super::ssr::admin_session().await?.audit_log().await }.await)
}

#[server(endpoint = "admin/grouping", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn propose_grouping(township_id: i32) -> Result<GroupingProposal, AppError> {
    crate::error::respond(
        async {
            super::ssr::admin_session()
                .await?
                .propose_grouping(township_id)
                .await
        }
        .await,
    )
}

#[server(endpoint = "admin/grouping_apply", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn apply_grouping(proposal: GroupingProposal) -> Result<Vec<GridNode>, AppError> {
    crate::error::respond(
        async {
            super::ssr::admin_session()
                .await?
                .apply_grouping(proposal)
                .await
        }
        .await,
    )
}

#[server(endpoint = "admin/enterprises", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn list_enterprises(query: EnterpriseQuery) -> Result<Vec<EnterpriseEntry>, AppError> {
    crate::error::respond(
        async {
            super::ssr::admin_session()
                .await?
                .find_enterprises(query)
                .await
        }
        .await,
    )
}

#[server(endpoint = "admin/enterprise_change", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn change_enterprise(change: EnterpriseChange) -> Result<EnterpriseEntry, AppError> {
    crate::error::respond(
        async {
            super::ssr::admin_session()
                .await?
                .change_enterprise(change)
                .await
        }
        .await,
    )
}

/// How many people hold a role in grids of one kind: beside the permission table, so the
/// city sees whom each of its rows concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleHolding {
    pub kind: crate::domain::grid::GridKind,
    pub role: crate::domain::grid::Role,
    pub people: u64,
}

/// 权限一览: the table itself is `domain::permission`, compiled into the page; the server
/// adds who holds each role.
#[server(endpoint = "admin/role_holders", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn role_holders() -> Result<Vec<RoleHolding>, AppError> {
    crate::error::respond(async { super::ssr::admin_session().await?.role_holders().await }.await)
}
