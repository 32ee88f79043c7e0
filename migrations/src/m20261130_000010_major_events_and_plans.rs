//! Major events (重大事项), flagged for the township and the city until someone has read them,
//! and enterprise grids' annual work plans (年度工作计划), one per grid and year.
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
                    .table(MajorEvent::Table)
                    .col(uuid(MajorEvent::Id).primary_key())
                    .col(integer(MajorEvent::GridId))
                    .col(integer(MajorEvent::PersonId))
                    .col(integer_null(MajorEvent::EnterpriseId))
                    .col(date(MajorEvent::OccurredOn))
                    .col(string_len(MajorEvent::Title, 240))
                    .col(text(MajorEvent::Details))
                    .col(text(MajorEvent::Impact))
                    .col(integer(MajorEvent::Version))
                    .col(big_integer(MajorEvent::DeviceTimeMs))
                    .col(big_integer(MajorEvent::ReceivedAtMs))
                    .col(integer_null(MajorEvent::ReadBy))
                    .col(big_integer_null(MajorEvent::ReadAtMs))
                    .foreign_key(
                        ForeignKey::create()
                            .from(MajorEvent::Table, MajorEvent::GridId)
                            .to(Grid::Table, Grid::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(MajorEvent::Table, MajorEvent::PersonId)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // The township and city list the events of their grids, newest first.
        manager
            .create_index(
                Index::create()
                    .name("ix_major_event_grid_received")
                    .table(MajorEvent::Table)
                    .col(MajorEvent::GridId)
                    .col(MajorEvent::ReceivedAtMs)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AnnualPlan::Table)
                    .col(uuid(AnnualPlan::Id).primary_key())
                    .col(integer(AnnualPlan::GridId))
                    .col(integer(AnnualPlan::Year))
                    .col(integer(AnnualPlan::PersonId))
                    .col(text(AnnualPlan::Goals))
                    .col(text(AnnualPlan::Measures))
                    .col(text(AnnualPlan::Schedule))
                    .col(integer(AnnualPlan::Version))
                    .col(big_integer(AnnualPlan::DeviceTimeMs))
                    .col(big_integer(AnnualPlan::FirstReceivedAtMs))
                    .col(big_integer(AnnualPlan::ReceivedAtMs))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AnnualPlan::Table, AnnualPlan::GridId)
                            .to(Grid::Table, Grid::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AnnualPlan::Table, AnnualPlan::PersonId)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // One plan per grid and year, even when two leaders' phones write one offline.
        manager
            .create_index(
                Index::create()
                    .name("ux_annual_plan_grid_year")
                    .table(AnnualPlan::Table)
                    .col(AnnualPlan::GridId)
                    .col(AnnualPlan::Year)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AnnualPlan::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(MajorEvent::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum MajorEvent {
    Table,
    Id,
    GridId,
    /// Who reported it (and alone may change it).
    PersonId,
    EnterpriseId,
    OccurredOn,
    Title,
    Details,
    Impact,
    Version,
    DeviceTimeMs,
    /// When the server stored the current version.
    ReceivedAtMs,
    /// Who at the township or city read the current version; cleared by an edit.
    ReadBy,
    ReadAtMs,
}

#[derive(DeriveIden)]
enum AnnualPlan {
    Table,
    Id,
    GridId,
    Year,
    /// Who saved the current version (the grid's leader or deputy).
    PersonId,
    Goals,
    Measures,
    Schedule,
    Version,
    DeviceTimeMs,
    /// When the first version arrived: the day the plan duty was met.
    FirstReceivedAtMs,
    ReceivedAtMs,
}
