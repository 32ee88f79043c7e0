//! How a training was held: 业务培训 or 联审辅导 (001 §三(三)3). Trainings stored before were
//! lessons.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Training::Table)
                    .add_column(string_len(Training::Session, 20).default("training"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Training::Table)
                    .drop_column(Training::Session)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Training {
    Table,
    Session,
}
