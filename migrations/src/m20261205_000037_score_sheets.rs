//! Score sheets filled in the field (issue 15): who is assigned to score which unit of a
//! campaign (检查 or 自评), and the sheets as a record kind, one row per unit and role, keyed
//! by the id every phone makes from the campaign, the unit and the role; numbered by the
//! change sequence like every kind a phone pulls.
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
                    .table(EvaluationAssignment::Table)
                    .col(pk_auto(EvaluationAssignment::Id))
                    .col(integer(EvaluationAssignment::CampaignId))
                    .col(integer(EvaluationAssignment::UnitId))
                    .col(integer(EvaluationAssignment::PersonId))
                    .col(string_len(EvaluationAssignment::Role, 24))
                    .foreign_key(
                        ForeignKey::create()
                            .from(EvaluationAssignment::Table, EvaluationAssignment::UnitId)
                            .to(EvaluationUnit::Table, EvaluationUnit::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(EvaluationAssignment::Table, EvaluationAssignment::PersonId)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_evaluation_assignment")
                    .table(EvaluationAssignment::Table)
                    .col(EvaluationAssignment::PersonId)
                    .col(EvaluationAssignment::UnitId)
                    .col(EvaluationAssignment::Role)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_evaluation_assignment_campaign")
                    .table(EvaluationAssignment::Table)
                    .col(EvaluationAssignment::CampaignId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(EvaluationSheet::Table)
                    .col(uuid(EvaluationSheet::Id).primary_key())
                    .col(integer(EvaluationSheet::CampaignId))
                    .col(integer(EvaluationSheet::UnitId))
                    .col(string_len(EvaluationSheet::Role, 24))
                    .col(integer(EvaluationSheet::PersonId))
                    .col(date(EvaluationSheet::ScoredOn))
                    .col(text(EvaluationSheet::Marks))
                    .col(integer(EvaluationSheet::Total))
                    .col(integer(EvaluationSheet::Unscored))
                    .col(integer(EvaluationSheet::Version))
                    .col(big_integer(EvaluationSheet::DeviceTimeMs))
                    .col(big_integer(EvaluationSheet::ReceivedAtMs))
                    .col(big_integer(EvaluationSheet::ChangeSeq).default(1))
                    .foreign_key(
                        ForeignKey::create()
                            .from(EvaluationSheet::Table, EvaluationSheet::UnitId)
                            .to(EvaluationUnit::Table, EvaluationUnit::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(EvaluationSheet::Table, EvaluationSheet::PersonId)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // A pull reads the changes of the viewer's units, and the latest change of the kind;
        // the campaign page reads a campaign's sheets.
        for (name, columns) in [
            (
                "ix_evaluation_sheet_unit_seq",
                [EvaluationSheet::UnitId, EvaluationSheet::ChangeSeq].as_slice(),
            ),
            (
                "ix_evaluation_sheet_change_seq",
                &[EvaluationSheet::ChangeSeq],
            ),
            (
                "ix_evaluation_sheet_campaign",
                &[EvaluationSheet::CampaignId],
            ),
        ] {
            let mut index = Index::create()
                .name(name)
                .table(EvaluationSheet::Table)
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
            .drop_table(Table::drop().table(EvaluationSheet::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(EvaluationAssignment::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum EvaluationUnit {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum EvaluationAssignment {
    Table,
    Id,
    CampaignId,
    UnitId,
    PersonId,
    /// A `domain::evaluation::SheetRole` code: who inspects, or who fills the self-assessment.
    Role,
}

#[derive(DeriveIden, Clone, Copy)]
enum EvaluationSheet {
    Table,
    /// `domain::evaluation::sheet_id` of the campaign, unit and role.
    Id,
    CampaignId,
    /// The unit scored: what the sheet is held by (everyone assigned to it).
    UnitId,
    Role,
    /// Who stored its latest version.
    PersonId,
    ScoredOn,
    /// The marks, a JSON array of `domain::evaluation::Mark`.
    Marks,
    /// Tenths of a point, as `Template::tally` sums the marks.
    Total,
    /// Items not scored yet.
    Unscored,
    Version,
    DeviceTimeMs,
    ReceivedAtMs,
    ChangeSeq,
}
