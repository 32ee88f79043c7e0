//! Meeting minutes (会议纪要) of enterprise grids, kept by their author.
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_grid_tree::{Grid, Person};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(MeetingMinutes::Table)
                    .col(uuid(MeetingMinutes::Id).primary_key())
                    .col(integer(MeetingMinutes::GridId))
                    .col(integer(MeetingMinutes::PersonId))
                    .col(date(MeetingMinutes::HeldOn))
                    .col(text(MeetingMinutes::Notes))
                    .col(integer(MeetingMinutes::Version))
                    .col(big_integer(MeetingMinutes::DeviceTimeMs))
                    .col(big_integer(MeetingMinutes::ReceivedAtMs))
                    .foreign_key(
                        ForeignKey::create()
                            .from(MeetingMinutes::Table, MeetingMinutes::GridId)
                            .to(Grid::Table, Grid::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(MeetingMinutes::Table, MeetingMinutes::PersonId)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // A pull reads the author's minutes changed since the cursor.
        manager
            .create_index(
                Index::create()
                    .name("ix_meeting_minutes_person_received")
                    .table(MeetingMinutes::Table)
                    .col(MeetingMinutes::PersonId)
                    .col(MeetingMinutes::ReceivedAtMs)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(MeetingMinutes::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum MeetingMinutes {
    Table,
    Id,
    GridId,
    /// Who wrote them (and alone may change them).
    PersonId,
    HeldOn,
    Notes,
    Version,
    DeviceTimeMs,
    /// When the server stored the current version.
    ReceivedAtMs,
}
