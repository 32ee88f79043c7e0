//! Trainings (培训 / 统计继续教育): one row per training, keyed by the phone's UUID and changed
//! in place by a newer version from its recorder, and who attended it, for each member's hours.
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
                    .table(Training::Table)
                    .col(uuid(Training::Id).primary_key())
                    .col(integer(Training::GridId))
                    .col(integer(Training::PersonId))
                    .col(string_len(Training::Title, 400))
                    .col(date(Training::TrainingDate))
                    .col(string_len(Training::Organiser, 400))
                    .col(string_len(Training::Topic, 30))
                    .col(integer(Training::Hours))
                    .col(integer(Training::Version))
                    .col(big_integer(Training::DeviceTimeMs))
                    .col(big_integer(Training::ReceivedAtMs))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Training::Table, Training::GridId)
                            .to(Grid::Table, Grid::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Training::Table, Training::PersonId)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_training_person_received")
                    .table(Training::Table)
                    .col(Training::PersonId)
                    .col(Training::ReceivedAtMs)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(TrainingAttendee::Table)
                    .col(uuid(TrainingAttendee::TrainingId))
                    .col(integer(TrainingAttendee::PersonId))
                    .primary_key(
                        Index::create()
                            .col(TrainingAttendee::TrainingId)
                            .col(TrainingAttendee::PersonId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(TrainingAttendee::Table, TrainingAttendee::TrainingId)
                            .to(Training::Table, Training::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(TrainingAttendee::Table, TrainingAttendee::PersonId)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // A member's hours of the year: their attendances, then the trainings' days.
        manager
            .create_index(
                Index::create()
                    .name("ix_training_attendee_person")
                    .table(TrainingAttendee::Table)
                    .col(TrainingAttendee::PersonId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(TrainingAttendee::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Training::Table).to_owned())
            .await
    }
}

// The column names come from the variants, so `TrainingDate` keeps the table's prefix.
#[allow(clippy::enum_variant_names)]
#[derive(DeriveIden)]
enum Training {
    Table,
    Id,
    GridId,
    /// Who recorded it (and alone may change it).
    PersonId,
    Title,
    TrainingDate,
    Organiser,
    Topic,
    /// 学时.
    Hours,
    Version,
    DeviceTimeMs,
    /// When the server stored the current version.
    ReceivedAtMs,
}

#[derive(DeriveIden)]
enum TrainingAttendee {
    Table,
    TrainingId,
    PersonId,
}
