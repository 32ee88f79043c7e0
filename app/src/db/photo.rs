//! A stored photo (evidence on a visit or an activity); its key is the UUID the phone made.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "photo")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub person_id: i32,
    /// The grid of the record it belongs to, once that record is stored.
    pub grid_id: Option<i32>,
    #[sea_orm(column_type = "Blob")]
    pub bytes: Vec<u8>,
    pub received_at_ms: i64,
    /// The record that lists it; none until one does, and again once none does.
    pub record_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
