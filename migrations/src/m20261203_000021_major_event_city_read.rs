//! The city bureau's own read mark on a major event, beside the township's (001 §三(三)3: an
//! event goes to the city at once). An event the city has not read in time is escalated.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time.
        for mut column in [
            integer_null(MajorEvent::CityReadBy),
            big_integer_null(MajorEvent::CityReadAtMs),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(MajorEvent::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [MajorEvent::CityReadAtMs, MajorEvent::CityReadBy] {
            manager
                .alter_table(
                    Table::alter()
                        .table(MajorEvent::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum MajorEvent {
    Table,
    CityReadBy,
    CityReadAtMs,
}
