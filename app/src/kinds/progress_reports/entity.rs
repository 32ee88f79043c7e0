//! A stored progress report: one row per report.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "progress_report")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The grid reporting.
    pub grid_id: i32,
    /// Who wrote it, and alone may change it.
    pub person_id: i32,
    /// The fixed-date rule answered.
    pub label: String,
    /// The deadline answered.
    pub deadline: time::Date,
    #[sea_orm(column_type = "Text")]
    pub progress: String,
    #[sea_orm(column_type = "Text")]
    pub problems: String,
    #[sea_orm(column_type = "Text")]
    pub documents: String,
    /// The ids of the documents' photos, a JSON array.
    #[sea_orm(column_type = "Text")]
    pub photos: String,
    pub version: i32,
    pub device_time_ms: i64,
    /// When the report for this grid, rule and deadline first arrived: what it is judged by.
    pub first_received_at_ms: i64,
    pub received_at_ms: i64,
    /// The change number of the transaction that last wrote it (`sync::sequence`).
    pub change_seq: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
