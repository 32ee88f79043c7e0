//! A stored score sheet: one row per unit and role of a campaign.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "evaluation_sheet")]
pub struct Model {
    /// `domain::evaluation::sheet_id` of the campaign, unit and role.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub campaign_id: i32,
    /// The unit scored: everyone assigned to it holds the sheet.
    pub unit_id: i32,
    /// A `SheetRole` code.
    pub role: String,
    /// Who stored its latest version.
    pub person_id: i32,
    pub scored_on: time::Date,
    /// The marks, a JSON array.
    #[sea_orm(column_type = "Text")]
    pub marks: String,
    /// Tenths of a point, as the template sums the marks.
    pub total: i32,
    /// Items not scored yet.
    pub unscored: i32,
    pub version: i32,
    pub device_time_ms: i64,
    pub received_at_ms: i64,
    /// The change number of the transaction that last wrote it (`sync::sequence`).
    pub change_seq: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
