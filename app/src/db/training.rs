//! A stored training (培训); its key is the UUID the phone made, so a replay cannot store twice.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "training")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub grid_id: i32,
    pub person_id: i32,
    pub title: String,
    pub training_date: time::Date,
    pub organiser: String,
    pub topic: String,
    /// A `TrainingSession` code.
    pub session: String,
    pub hours: i32,
    pub version: i32,
    pub device_time_ms: i64,
    pub received_at_ms: i64,
    /// The change number of the transaction that last wrote it: what a pull's cursor counts
    /// (`sync::sequence`).
    pub change_seq: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
