//! Visits (走访) synced from phones, keyed by the client-made UUID so replays store once;
//! and login sessions, kept by the hash of their token.
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_grid_tree::{Enterprise, Grid, Person};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Visit::Table)
                    .col(uuid(Visit::Id).primary_key())
                    .col(integer(Visit::PersonId))
                    .col(integer(Visit::EnterpriseId))
                    .col(integer(Visit::GridId))
                    .col(date(Visit::VisitDate))
                    .col(string_len(Visit::Purpose, 30))
                    .col(text(Visit::Findings))
                    .col(boolean(Visit::FollowUp))
                    .col(integer(Visit::Version))
                    .col(big_integer(Visit::DeviceTimeMs))
                    .col(big_integer(Visit::ReceivedAtMs))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Visit::Table, Visit::PersonId)
                            .to(Person::Table, Person::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Visit::Table, Visit::EnterpriseId)
                            .to(Enterprise::Table, Enterprise::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Visit::Table, Visit::GridId)
                            .to(Grid::Table, Grid::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_visit_grid_date")
                    .table(Visit::Table)
                    .col(Visit::GridId)
                    .col(Visit::VisitDate)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_visit_person_received")
                    .table(Visit::Table)
                    .col(Visit::PersonId)
                    .col(Visit::ReceivedAtMs)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Session::Table)
                    .col(string_len(Session::TokenHash, 64).primary_key())
                    .col(integer(Session::PersonId))
                    .col(big_integer(Session::ExpiresAtMs))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Session::Table, Session::PersonId)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Session::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Visit::Table).to_owned())
            .await
    }
}

// Column names are the schema's: `visit_date` stays as it is.
#[allow(clippy::enum_variant_names)]
#[derive(DeriveIden)]
enum Visit {
    Table,
    Id,
    PersonId,
    EnterpriseId,
    GridId,
    VisitDate,
    Purpose,
    Findings,
    FollowUp,
    Version,
    DeviceTimeMs,
    ReceivedAtMs,
}

#[derive(DeriveIden)]
enum Session {
    Table,
    TokenHash,
    PersonId,
    ExpiresAtMs,
}
