//! Online courses (在线教育培训) a level-2 unit or the city bureau puts up for the people of its
//! grids. Who studied one is read from their online trainings of its name.
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
                    .table(Course::Table)
                    .col(pk_auto(Course::Id))
                    .col(integer(Course::GridId))
                    .col(string_len(Course::Title, 60))
                    .col(string_len(Course::Topic, 20))
                    .col(integer(Course::Hours))
                    .col(string_len(Course::Link, 300))
                    .col(text(Course::Body))
                    .col(integer(Course::PostedBy))
                    .col(big_integer(Course::PostedAtMs))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Course::Table, Course::GridId)
                            .to(Grid::Table, Grid::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Course::Table, Course::PostedBy)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_course_grid_posted")
                    .table(Course::Table)
                    .col(Course::GridId)
                    .col(Course::PostedAtMs)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Course::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Course {
    Table,
    Id,
    /// The unit that put it up: a level-2 grid, or the city grid for the bureau.
    GridId,
    Title,
    /// A training-plan subject code.
    Topic,
    Hours,
    /// Where it is watched or read; empty when the description is the lesson.
    Link,
    Body,
    PostedBy,
    PostedAtMs,
}
