//! How far each running import has come, so that on PostgreSQL any server behind the balancer
//! can answer the administrator's page that follows it. A row lives while its import runs.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ImportProgress::Table)
                    .col(uuid(ImportProgress::Job).primary_key())
                    .col(string_len(ImportProgress::Stage, 16))
                    .col(big_integer(ImportProgress::Done))
                    .col(big_integer(ImportProgress::Total))
                    .col(big_integer(ImportProgress::UpdatedAtMs))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ImportProgress::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum ImportProgress {
    Table,
    /// The id the administrator's page chose for the import it follows.
    Job,
    /// `checking` or `writing`.
    Stage,
    Done,
    Total,
    UpdatedAtMs,
}
