//! Rectification (整改, issue 15): the unit closes each item its inspection took points off
//! with a note of what it did; the photos of its evidence point at the closure's `record_id`.
//! One row per unit and item: closing again replaces the note.
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
                    .table(EvaluationRectification::Table)
                    .col(pk_auto(EvaluationRectification::Id))
                    .col(integer(EvaluationRectification::UnitId))
                    .col(string_len(EvaluationRectification::Item, 40))
                    .col(text(EvaluationRectification::Note))
                    .col(uuid(EvaluationRectification::RecordId).unique_key())
                    .col(integer(EvaluationRectification::ClosedBy))
                    .col(big_integer(EvaluationRectification::ClosedAtMs))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                EvaluationRectification::Table,
                                EvaluationRectification::UnitId,
                            )
                            .to(EvaluationUnit::Table, EvaluationUnit::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                EvaluationRectification::Table,
                                EvaluationRectification::ClosedBy,
                            )
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_evaluation_rectification")
                    .table(EvaluationRectification::Table)
                    .col(EvaluationRectification::UnitId)
                    .col(EvaluationRectification::Item)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                Table::drop()
                    .table(EvaluationRectification::Table)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum EvaluationUnit {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum EvaluationRectification {
    Table,
    Id,
    UnitId,
    Item,
    Note,
    RecordId,
    ClosedBy,
    ClosedAtMs,
}
