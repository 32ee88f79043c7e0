//! A unit's materials for a look-back (issue 15; 002 §三(二)): its questionnaire (调查问卷) and its
//! summary report (总结报告), each one row per unit, replaced when sent again until the bureau
//! closes the campaign; photos attached to a report point at its `record_id`.
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
                    .table(EvaluationMaterial::Table)
                    .col(pk_auto(EvaluationMaterial::Id))
                    .col(integer(EvaluationMaterial::UnitId))
                    .col(string_len(EvaluationMaterial::Kind, 24))
                    .col(text(EvaluationMaterial::Body))
                    .col(uuid(EvaluationMaterial::RecordId).unique_key())
                    .col(integer(EvaluationMaterial::SentBy))
                    .col(big_integer(EvaluationMaterial::SentAtMs))
                    .foreign_key(
                        ForeignKey::create()
                            .from(EvaluationMaterial::Table, EvaluationMaterial::UnitId)
                            .to(EvaluationUnit::Table, EvaluationUnit::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(EvaluationMaterial::Table, EvaluationMaterial::SentBy)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_evaluation_material")
                    .table(EvaluationMaterial::Table)
                    .col(EvaluationMaterial::UnitId)
                    .col(EvaluationMaterial::Kind)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(EvaluationMaterial::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum EvaluationUnit {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum EvaluationMaterial {
    Table,
    Id,
    UnitId,
    Kind,
    Body,
    RecordId,
    SentBy,
    SentAtMs,
}
