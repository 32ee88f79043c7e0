//! A stored analysis meeting: one row per meeting.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "analysis_meeting")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The township that met.
    pub grid_id: i32,
    /// Who recorded it, and alone may change it.
    pub person_id: i32,
    pub meeting_date: time::Date,
    #[sea_orm(column_type = "Text")]
    pub attendees: String,
    #[sea_orm(column_type = "Text")]
    pub economy: String,
    #[sea_orm(column_type = "Text")]
    pub findings: String,
    #[sea_orm(column_type = "Text")]
    pub follow_ups: String,
    pub version: i32,
    pub device_time_ms: i64,
    pub received_at_ms: i64,
    /// The change number of the transaction that last wrote it (`sync::sequence`).
    pub change_seq: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
