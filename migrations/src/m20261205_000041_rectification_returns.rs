//! The bureau may send a closed rectification task back (退回整改) with its reason: the task
//! is open again until the unit closes it anew. One column per statement: SQLite alters a
//! table a column at a time.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            text_null(EvaluationRectification::ReturnedNote),
            integer_null(EvaluationRectification::ReturnedBy),
            big_integer_null(EvaluationRectification::ReturnedAtMs),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(EvaluationRectification::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            EvaluationRectification::ReturnedNote,
            EvaluationRectification::ReturnedBy,
            EvaluationRectification::ReturnedAtMs,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(EvaluationRectification::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum EvaluationRectification {
    Table,
    ReturnedNote,
    ReturnedBy,
    ReturnedAtMs,
}
