//! Photos as evidence on visits and activities: shrunk on the phone, uploaded before their
//! record, kept here by the id the phone made. Each record lists its photos.
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_grid_tree::Person;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Photo::Table)
                    .col(uuid(Photo::Id).primary_key())
                    .col(integer(Photo::PersonId))
                    .col(integer_null(Photo::GridId))
                    .col(blob(Photo::Bytes))
                    .col(big_integer(Photo::ReceivedAtMs))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Photo::Table, Photo::PersonId)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // SQLite adds one column per statement.
        for table in [Record::Visit, Record::GridActivity] {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .add_column(text(Record::Photos).default("[]"))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [Record::Visit, Record::GridActivity] {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .drop_column(Record::Photos)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .drop_table(Table::drop().table(Photo::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Photo {
    Table,
    Id,
    /// Who uploaded it (and alone may attach it to a record).
    PersonId,
    /// The grid of the record it belongs to, once that record is stored: who sees the grid
    /// sees the photo.
    GridId,
    /// The JPEG as shrunk on the phone.
    Bytes,
    ReceivedAtMs,
}

#[derive(DeriveIden)]
enum Record {
    Visit,
    GridActivity,
    /// Photo ids as a JSON array.
    Photos,
}
