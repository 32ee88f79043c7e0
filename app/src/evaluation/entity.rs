//! Campaigns and their units as stored.
pub mod campaign {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "evaluation_campaign")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub name: String,
        pub year: i32,
        /// A `domain::evaluation::Plan` as JSON.
        pub plan: String,
        pub seed: Option<i64>,
        pub created_by: i32,
        pub created_at_ms: i64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod unit {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "evaluation_unit")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub campaign_id: i32,
        pub code: String,
        pub unit_kind: String,
        pub sampled: bool,
        /// Tenths of a point; none until scored.
        pub total: Option<i32>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Who fills which unit's sheet: its inspectors, or the unit's own people for its
/// self-assessment.
pub mod assignment {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "evaluation_assignment")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub campaign_id: i32,
        pub unit_id: i32,
        pub person_id: i32,
        /// A `SheetRole` code.
        pub role: String,
        /// A `Linker` code: as whom the person links the unit and answers for it.
        pub linker: Option<String>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// A rectification task the unit closed (整改): the item its inspection took points off, what
/// it did, and the id its evidence photos are attached to.
pub mod rectification {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "evaluation_rectification")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub unit_id: i32,
        pub item: String,
        pub note: String,
        pub record_id: Uuid,
        pub closed_by: i32,
        pub closed_at_ms: i64,
        /// Why the bureau sent the closing back (退回整改), who did and when; none while it
        /// stands. Closing anew clears them.
        pub returned_note: Option<String>,
        pub returned_by: Option<i32>,
        pub returned_at_ms: Option<i64>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// A unit's questionnaire or summary report for a look-back, as it last sent it.
pub mod material {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "evaluation_material")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub unit_id: i32,
        /// A `MaterialKind` code.
        pub kind: String,
        /// The answers or the report, as JSON.
        #[sea_orm(column_type = "Text")]
        pub body: String,
        pub record_id: Uuid,
        pub sent_by: i32,
        pub sent_at_ms: i64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
