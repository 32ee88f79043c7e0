//! The backups made, so that the city administrator's status page can say when the last one
//! was taken and how big it was, whichever server or command made it.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(BackupRun::Table)
                    .col(pk_auto(BackupRun::Id))
                    .col(big_integer(BackupRun::TakenAtMs))
                    .col(string_len(BackupRun::FileName, 255))
                    .col(big_integer(BackupRun::Bytes))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(BackupRun::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum BackupRun {
    Table,
    Id,
    TakenAtMs,
    /// The file's name in its directory (the directory is the server's setting).
    FileName,
    Bytes,
}
