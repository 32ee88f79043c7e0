//! Grid activities (网格活动) at the 统计之家: one row per activity, keyed by the phone's UUID,
//! changed in place by a newer version from its recorder.
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
                    .table(GridActivity::Table)
                    .col(uuid(GridActivity::Id).primary_key())
                    .col(integer(GridActivity::GridId))
                    .col(integer(GridActivity::PersonId))
                    .col(string_len(GridActivity::ActivityType, 30))
                    .col(date(GridActivity::ActivityDate))
                    .col(string_len(GridActivity::Place, 400))
                    .col(text(GridActivity::Participants))
                    .col(text(GridActivity::Summary))
                    .col(big_integer(GridActivity::SpendFen))
                    .col(integer(GridActivity::Version))
                    .col(big_integer(GridActivity::DeviceTimeMs))
                    .col(big_integer(GridActivity::ReceivedAtMs))
                    .foreign_key(
                        ForeignKey::create()
                            .from(GridActivity::Table, GridActivity::GridId)
                            .to(Grid::Table, Grid::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(GridActivity::Table, GridActivity::PersonId)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // The cadence reads a grid's activities of a period; the phone pulls its grids' changes.
        manager
            .create_index(
                Index::create()
                    .name("ix_grid_activity_grid_date")
                    .table(GridActivity::Table)
                    .col(GridActivity::GridId)
                    .col(GridActivity::ActivityDate)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_grid_activity_grid_received")
                    .table(GridActivity::Table)
                    .col(GridActivity::GridId)
                    .col(GridActivity::ReceivedAtMs)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(GridActivity::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum GridActivity {
    Table,
    Id,
    GridId,
    /// Who recorded it (and alone may change it).
    PersonId,
    ActivityType,
    ActivityDate,
    Place,
    /// Person ids as a JSON array.
    Participants,
    Summary,
    SpendFen,
    Version,
    DeviceTimeMs,
    /// When the server stored the current version.
    ReceivedAtMs,
}
