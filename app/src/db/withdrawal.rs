//! A withdrawn record's id, kept so that no resend brings the record back. Keyed by the record,
//! its kind and who withdrew it: a tombstone speaks only for its sender (`sync::withdrawal`).
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "withdrawal")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub kind: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub person_id: i32,
    pub grid_id: Option<i32>,
    pub version: i32,
    pub at_ms: i64,
    /// The change number of the withdrawal, as for records.
    pub change_seq: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
