//! One milestone of one unit's preparation stage for a year, marked done.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "setup_milestone")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub grid_id: i32,
    pub year: i32,
    /// A `domain::preparation::Milestone` code.
    pub milestone: String,
    pub done_on: time::Date,
    pub document: String,
    pub marked_by: i32,
    pub marked_at_ms: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
