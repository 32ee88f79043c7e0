//! The township's monthly analysis meetings (月度分析例会, 001 §三(三)3): one row per meeting,
//! keyed by the phone's UUID, changed in place by a newer version from its recorder, numbered
//! by the change sequence like every kind a phone pulls (migrations 15 and 20).
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
                    .table(AnalysisMeeting::Table)
                    .col(uuid(AnalysisMeeting::Id).primary_key())
                    .col(integer(AnalysisMeeting::GridId))
                    .col(integer(AnalysisMeeting::PersonId))
                    .col(date(AnalysisMeeting::MeetingDate))
                    .col(text(AnalysisMeeting::Attendees))
                    .col(text(AnalysisMeeting::Economy))
                    .col(text(AnalysisMeeting::Findings))
                    .col(text(AnalysisMeeting::FollowUps))
                    .col(integer(AnalysisMeeting::Version))
                    .col(big_integer(AnalysisMeeting::DeviceTimeMs))
                    .col(big_integer(AnalysisMeeting::ReceivedAtMs))
                    .col(big_integer(AnalysisMeeting::ChangeSeq).default(1))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AnalysisMeeting::Table, AnalysisMeeting::GridId)
                            .to(Grid::Table, Grid::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AnalysisMeeting::Table, AnalysisMeeting::PersonId)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // The cadence and the township view read a township's meetings of a month; a pull
        // reads its recorder's changes, and the latest change of the kind.
        for (name, columns) in [
            (
                "ix_analysis_meeting_grid_date",
                [AnalysisMeeting::GridId, AnalysisMeeting::MeetingDate].as_slice(),
            ),
            (
                "ix_analysis_meeting_seq",
                &[AnalysisMeeting::PersonId, AnalysisMeeting::ChangeSeq],
            ),
            (
                "ix_analysis_meeting_change_seq",
                &[AnalysisMeeting::ChangeSeq],
            ),
        ] {
            let mut index = Index::create()
                .name(name)
                .table(AnalysisMeeting::Table)
                .to_owned();
            for column in columns {
                index.col(*column);
            }
            manager.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AnalysisMeeting::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum AnalysisMeeting {
    Table,
    Id,
    /// The township that met.
    GridId,
    /// Who recorded it (and alone may change it).
    PersonId,
    MeetingDate,
    Attendees,
    Economy,
    Findings,
    FollowUps,
    Version,
    DeviceTimeMs,
    /// When the server stored the current version.
    ReceivedAtMs,
    ChangeSeq,
}
