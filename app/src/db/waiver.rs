//! A waiver of one obligation (subject and period), as `domain::cadence::Waiver` in columns.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "waiver")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// `ObligationKind::code`, for lookups.
    pub obligation: String,
    /// The `ObligationKind` as JSON.
    #[sea_orm(column_type = "Text")]
    pub kind: String,
    /// The `Subject` as JSON.
    #[sea_orm(column_type = "Text")]
    pub subject: String,
    /// The `Period` as text.
    pub period: String,
    #[sea_orm(column_type = "Text")]
    pub reason: String,
    pub by_person: i32,
    pub at_ms: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
