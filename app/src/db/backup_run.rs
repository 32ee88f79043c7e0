//! One backup made (by the schedule or `statgrid backup`), for the status page.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "backup_run")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub taken_at_ms: i64,
    pub file_name: String,
    pub bytes: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
