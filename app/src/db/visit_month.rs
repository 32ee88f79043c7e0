//! A grid's visits of a month and the enterprises they reached, kept by the database's
//! triggers as the month's tallies change (migration `visit_month`); read by the dashboards,
//! never written here.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "visit_month")]
pub struct Model {
    /// The first day of the month.
    #[sea_orm(primary_key, auto_increment = false)]
    pub month_start: time::Date,
    #[sea_orm(primary_key, auto_increment = false)]
    pub grid_id: i32,
    pub visits: i64,
    pub enterprises: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
