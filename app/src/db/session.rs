//! A login session. Only the SHA-256 of the token is kept, so a leaked table opens no session.
//! `kind` is a [`crate::domain::session_policy::SessionKind`] code; `expires_at_ms` is when
//! the session ends unless used before, kept by that policy so the sweep is one `DELETE`.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "session")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    pub person_id: i32,
    pub expires_at_ms: i64,
    pub kind: String,
    pub created_at_ms: i64,
    pub last_seen_ms: i64,
    /// "Android · Chrome", from the `User-Agent` at login; empty when not recognised.
    pub device: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::person::Entity",
        from = "Column::PersonId",
        to = "super::person::Column::Id"
    )]
    Person,
}

impl Related<super::person::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Person.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
