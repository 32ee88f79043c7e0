//! Photos on a progress report: the documents it names (出台的相关文件材料, 004 §七), scanned or
//! photographed on the phone. Reports before had none.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(ProgressReport::Table)
                    .add_column(text(ProgressReport::Photos).default("[]"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(ProgressReport::Table)
                    .drop_column(ProgressReport::Photos)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum ProgressReport {
    Table,
    /// The ids of the report's photos, a JSON array.
    Photos,
}
