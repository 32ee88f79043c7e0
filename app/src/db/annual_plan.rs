//! A stored annual work plan (年度工作计划): one per grid and year.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "annual_plan")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub grid_id: i32,
    pub year: i32,
    pub person_id: i32,
    #[sea_orm(column_type = "Text")]
    pub goals: String,
    #[sea_orm(column_type = "Text")]
    pub measures: String,
    #[sea_orm(column_type = "Text")]
    pub schedule: String,
    pub version: i32,
    pub device_time_ms: i64,
    pub first_received_at_ms: i64,
    pub received_at_ms: i64,
    /// The change number of the transaction that last wrote it: what a pull's cursor counts
    /// (`sync::sequence`).
    pub change_seq: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
