//! The notices and their reads.
pub mod notice {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "notice")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub grid_id: i32,
        pub title: String,
        pub body: String,
        pub posted_by: i32,
        pub posted_at_ms: i64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod notice_read {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "notice_read")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub notice_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub person_id: i32,
        pub read_at_ms: i64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
