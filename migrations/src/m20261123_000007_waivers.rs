//! Waivers (豁免): an obligation of one subject and period excused by a reviewer, with the
//! reason. Rows are never changed; the latest for an obligation is in force.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Waiver::Table)
                    .col(pk_auto(Waiver::Id))
                    .col(string_len(Waiver::Obligation, 40))
                    .col(text(Waiver::Kind))
                    .col(text(Waiver::Subject))
                    .col(string_len(Waiver::Period, 30))
                    .col(text(Waiver::Reason))
                    .col(integer(Waiver::ByPerson))
                    .col(big_integer(Waiver::AtMs))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_waiver_obligation_period")
                    .table(Waiver::Table)
                    .col(Waiver::Obligation)
                    .col(Waiver::Period)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Waiver::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Waiver {
    Table,
    Id,
    /// The obligation kind's code, for lookups.
    Obligation,
    /// The obligation kind as JSON (with its parameters).
    Kind,
    /// The subject as JSON, e.g. `{"grid":5}`.
    Subject,
    /// The period as text, e.g. `2026-11`.
    Period,
    Reason,
    ByPerson,
    AtMs,
}
