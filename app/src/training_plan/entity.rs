//! One subject's line of a unit's training plan for a year.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "training_plan_line")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub grid_id: i32,
    pub year: i32,
    /// A `domain::training::TrainingTopic` code.
    pub topic: String,
    pub sessions: i32,
    pub note: String,
    /// When the year's plan was first saved (kept through later saves).
    pub drawn_up_at_ms: i64,
    pub saved_at_ms: i64,
    pub saved_by: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
