//! A survey object (统计调查对象) in the directory, belonging to one enterprise grid.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "enterprise")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub grid_id: i32,
    pub name: String,
    #[sea_orm(unique)]
    pub credit_code: String,
    pub industry: String,
    pub above_scale: bool,
    pub cultivation: bool,
    pub statistician_name: String,
    pub statistician_phone: String,
    /// Closed enterprises leave lists and counts; their visits stay.
    pub closed: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
