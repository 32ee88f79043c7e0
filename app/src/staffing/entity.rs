//! A person on a unit's roster of statistics staff.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "staff_member")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub grid_id: i32,
    pub name: String,
    pub post: String,
    /// A `domain::staffing::Employment` code.
    pub employment: String,
    /// 年工作补助, in fen (0: none).
    pub subsidy_fen: i64,
    pub added_at_ms: i64,
    pub added_by: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
