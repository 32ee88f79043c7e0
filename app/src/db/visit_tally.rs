//! An enterprise's visits of a month under one grid, kept by the database's triggers as
//! visits are written (migration `visit_tally`); read by the dashboards, never written here.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "visit_tally")]
pub struct Model {
    /// The first day of the month.
    #[sea_orm(primary_key, auto_increment = false)]
    pub month_start: time::Date,
    #[sea_orm(primary_key, auto_increment = false)]
    pub grid_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub enterprise_id: i32,
    /// The day of the month's first visit.
    pub first_date: time::Date,
    pub visits: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
