//! One member's attendance of one training.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "training_attendee")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub training_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub person_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
