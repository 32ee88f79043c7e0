//! Contact points (联点, 000 §一(一)) and the look-back's county leaders (包县区, 002): an
//! inspection assignment may say as whom the person links the unit, who is then answerable
//! for it (谁联点谁负责).
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(EvaluationAssignment::Table)
                    .add_column(string_len_null(EvaluationAssignment::Linker, 24))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(EvaluationAssignment::Table)
                    .drop_column(EvaluationAssignment::Linker)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum EvaluationAssignment {
    Table,
    Linker,
}
