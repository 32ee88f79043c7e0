//! The preparation stage's milestones (001 §四(一)): each unit marks, for a year, the day it
//! drew its grids, registered its staff or issued its rules, and the city its plans and
//! mobilisation meeting. One row per unit, year and milestone.
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
                    .table(SetupMilestone::Table)
                    .col(pk_auto(SetupMilestone::Id))
                    .col(integer(SetupMilestone::GridId))
                    .col(integer(SetupMilestone::Year))
                    .col(string_len(SetupMilestone::Milestone, 30))
                    .col(date(SetupMilestone::DoneOn))
                    .col(string_len(SetupMilestone::Document, 200))
                    .col(integer(SetupMilestone::MarkedBy))
                    .col(big_integer(SetupMilestone::MarkedAtMs))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SetupMilestone::Table, SetupMilestone::GridId)
                            .to(Grid::Table, Grid::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SetupMilestone::Table, SetupMilestone::MarkedBy)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_setup_milestone")
                    .table(SetupMilestone::Table)
                    .col(SetupMilestone::GridId)
                    .col(SetupMilestone::Year)
                    .col(SetupMilestone::Milestone)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SetupMilestone::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum SetupMilestone {
    Table,
    Id,
    /// The unit (the city grid, or a level-2 unit).
    GridId,
    Year,
    /// A `domain::preparation::Milestone` code.
    Milestone,
    DoneOn,
    /// The title of the document issued; empty when none was.
    Document,
    MarkedBy,
    MarkedAtMs,
}
