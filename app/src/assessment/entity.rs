//! The assessment's tables: the city's schemes, each unit's assessment of a year, and the
//! points the unit gives each member or grid.

/// A scheme as the bureau saved it; the newest row is the city's.
pub mod scheme {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "assessment_scheme")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        /// A `domain::assessment::Scheme`, as JSON.
        pub scheme: String,
        pub saved_by: i32,
        pub saved_at_ms: i64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// A unit's assessment of a year.
pub mod assessment {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "assessment")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub unit_id: i32,
        pub year: i32,
        /// The scheme it started with, as JSON.
        pub scheme: String,
        /// An `api::Stage` code.
        pub state: String,
        /// Why it was last returned or unlocked.
        pub note: String,
        /// The sheets as submitted, as JSON (`Vec<api::Sheet>`); empty before.
        pub results: String,
        pub changed_by: i32,
        pub changed_at_ms: i64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// The unit's points and remark for one member or grid.
pub mod mark {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "assessment_mark")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub assessment_id: i32,
        pub subject_id: i32,
        pub manual_tenths: i32,
        pub remark: String,
        pub chosen_yuan: Option<i32>,
        pub marked_by: i32,
        pub marked_at_ms: i64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
