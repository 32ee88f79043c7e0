//! A stored grid activity (网格活动); its key is the UUID the phone made, so a replay cannot
//! store twice.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "grid_activity")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub grid_id: i32,
    pub person_id: i32,
    pub activity_type: String,
    pub activity_date: time::Date,
    pub place: String,
    /// Person ids as a JSON array.
    #[sea_orm(column_type = "Text")]
    pub participants: String,
    #[sea_orm(column_type = "Text")]
    pub summary: String,
    pub spend_fen: i64,
    /// Photo ids as a JSON array.
    #[sea_orm(column_type = "Text")]
    pub photos: String,
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
