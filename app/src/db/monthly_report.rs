//! A grid leader's monthly report; its key is the UUID the phone made. `updated_at_ms` moves
//! on every change (a new version or a review step), so a phone's pull finds it.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "monthly_report")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub grid_id: i32,
    /// `YYYY-MM`.
    pub month: String,
    /// Who wrote the latest version.
    pub person_id: i32,
    #[sea_orm(column_type = "Text")]
    pub work_done: String,
    #[sea_orm(column_type = "Text")]
    pub problems: String,
    #[sea_orm(column_type = "Text")]
    pub next_steps: String,
    pub version: i32,
    /// A `domain::report::ReviewStatus` code.
    pub status: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub review_comment: Option<String>,
    /// When the first version arrived: what the cadence judges timeliness by.
    pub first_received_at_ms: i64,
    pub updated_at_ms: i64,
    /// The change number of the transaction that last wrote it: what a pull's cursor counts
    /// (`sync::sequence`).
    pub change_seq: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
