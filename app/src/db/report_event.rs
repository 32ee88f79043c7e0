//! One step in a monthly report's history: a version submitted (with its text as JSON) or a
//! review (with the comment).
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "report_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub report_id: Uuid,
    pub version: i32,
    /// submitted | resubmitted | approved | returned | unlocked
    pub action: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub comment: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub content: Option<String>,
    pub person_id: i32,
    pub at_ms: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
