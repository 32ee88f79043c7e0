//! Failed logins, by key (a phone number, a client address), so that every server throttles
//! guessing alike. Rows older than an hour no longer matter and are deleted as new ones come.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(LoginFailure::Table)
                    .col(pk_auto(LoginFailure::Id))
                    .col(string_len(LoginFailure::Key, 64))
                    .col(big_integer(LoginFailure::AtMs))
                    .to_owned(),
            )
            .await?;
        // A login reads one key's failures of the last hour.
        manager
            .create_index(
                Index::create()
                    .name("ix_login_failure_key_at")
                    .table(LoginFailure::Table)
                    .col(LoginFailure::Key)
                    .col(LoginFailure::AtMs)
                    .to_owned(),
            )
            .await?;
        // Pruning deletes by age.
        manager
            .create_index(
                Index::create()
                    .name("ix_login_failure_at")
                    .table(LoginFailure::Table)
                    .col(LoginFailure::AtMs)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(LoginFailure::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum LoginFailure {
    Table,
    Id,
    /// `phone:<11 digits>` or `address:<IP address>`.
    Key,
    AtMs,
}
