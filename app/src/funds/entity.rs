//! Each grid's heads for a year's funds, as counted on the policy's day.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "fund_count")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub year: i32,
    pub grid_id: i32,
    /// A `domain::funds::FundBasis` code.
    pub basis: String,
    pub heads: i32,
    pub counted_on: time::Date,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
