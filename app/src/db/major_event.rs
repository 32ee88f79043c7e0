//! A stored major event (重大事项); its key is the UUID the phone made.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "major_event")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub grid_id: i32,
    pub person_id: i32,
    pub enterprise_id: Option<i32>,
    pub occurred_on: time::Date,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub details: String,
    #[sea_orm(column_type = "Text")]
    pub impact: String,
    pub version: i32,
    pub device_time_ms: i64,
    pub received_at_ms: i64,
    /// The change number of the transaction that last wrote it: what a pull's cursor counts
    /// (`sync::sequence`).
    pub change_seq: i64,
    /// Who at the township (or department) read the current version.
    pub read_by: Option<i32>,
    pub read_at_ms: Option<i64>,
    /// Who at the city bureau read it: its own mark, since the event goes to the city at once.
    pub city_read_by: Option<i32>,
    pub city_read_at_ms: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
