//! Withdrawn records (撤回): the record's row is removed and its id kept here, so that a late
//! resend of an older version cannot bring it back.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Withdrawal::Table)
                    .col(uuid(Withdrawal::Id).primary_key())
                    .col(string_len(Withdrawal::Kind, 30))
                    .col(integer(Withdrawal::PersonId))
                    .col(integer_null(Withdrawal::GridId))
                    .col(integer(Withdrawal::Version))
                    .col(big_integer(Withdrawal::AtMs))
                    .to_owned(),
            )
            .await?;
        // Pull asks for the withdrawals since a cursor.
        manager
            .create_index(
                Index::create()
                    .name("ix_withdrawal_at")
                    .table(Withdrawal::Table)
                    .col(Withdrawal::AtMs)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Withdrawal::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Withdrawal {
    Table,
    /// The withdrawn record's id.
    Id,
    Kind,
    /// Who withdrew it.
    PersonId,
    /// The grid of the removed record, so that other phones holding it (a grid's other leader)
    /// learn of the withdrawal by pull; none when the record never arrived.
    GridId,
    /// The version the withdrawal was made as.
    Version,
    AtMs,
}
