//! A stored visit (走访); its key is the UUID the phone made, so a replay cannot store twice.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "visit")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub person_id: i32,
    pub enterprise_id: i32,
    pub grid_id: i32,
    pub visit_date: time::Date,
    pub purpose: String,
    #[sea_orm(column_type = "Text")]
    pub findings: String,
    pub follow_up: bool,
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
