//! Each level-2 unit's training plan (培训计划, 001 §四(二)1): for a year, the sessions planned
//! in each subject and when; drawn up by the unit's leader and 分管领导 or the city bureau.
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
                    .table(TrainingPlanLine::Table)
                    .col(pk_auto(TrainingPlanLine::Id))
                    .col(integer(TrainingPlanLine::GridId))
                    .col(integer(TrainingPlanLine::Year))
                    .col(string_len(TrainingPlanLine::Topic, 20))
                    .col(integer(TrainingPlanLine::Sessions))
                    .col(string_len(TrainingPlanLine::Note, 400))
                    .col(big_integer(TrainingPlanLine::DrawnUpAtMs))
                    .col(big_integer(TrainingPlanLine::SavedAtMs))
                    .col(integer(TrainingPlanLine::SavedBy))
                    .foreign_key(
                        ForeignKey::create()
                            .from(TrainingPlanLine::Table, TrainingPlanLine::GridId)
                            .to(Grid::Table, Grid::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(TrainingPlanLine::Table, TrainingPlanLine::SavedBy)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_training_plan_line")
                    .table(TrainingPlanLine::Table)
                    .col(TrainingPlanLine::GridId)
                    .col(TrainingPlanLine::Year)
                    .col(TrainingPlanLine::Topic)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(TrainingPlanLine::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum TrainingPlanLine {
    Table,
    Id,
    /// The unit (township, street or department) whose plan it is.
    GridId,
    Year,
    /// A `domain::training::TrainingTopic` code: one of the five subjects.
    Topic,
    Sessions,
    /// 时间安排.
    Note,
    /// When the year's plan was first saved, kept through later changes: the cadence judges
    /// the plan's duty by it.
    DrawnUpAtMs,
    SavedAtMs,
    SavedBy,
}
