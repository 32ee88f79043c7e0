//! The December assessment (年度绩效评定, 001 §三(四)5): the city's schemes as the bureau
//! saved them, each unit's assessment of a year (keeping the scheme it started with, and its
//! results as submitted), and the points and remarks the unit gives each member or grid.
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
                    .table(AssessmentScheme::Table)
                    .col(pk_auto(AssessmentScheme::Id))
                    .col(text(AssessmentScheme::Scheme))
                    .col(integer(AssessmentScheme::SavedBy))
                    .col(big_integer(AssessmentScheme::SavedAtMs))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AssessmentScheme::Table, AssessmentScheme::SavedBy)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Assessment::Table)
                    .col(pk_auto(Assessment::Id))
                    .col(integer(Assessment::UnitId))
                    .col(integer(Assessment::Year))
                    .col(text(Assessment::Scheme))
                    .col(string_len(Assessment::State, 12))
                    .col(text(Assessment::Note))
                    .col(text(Assessment::Results))
                    .col(integer(Assessment::ChangedBy))
                    .col(big_integer(Assessment::ChangedAtMs))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Assessment::Table, Assessment::UnitId)
                            .to(Grid::Table, Grid::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Assessment::Table, Assessment::ChangedBy)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_assessment_unit_year")
                    .table(Assessment::Table)
                    .col(Assessment::UnitId)
                    .col(Assessment::Year)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AssessmentMark::Table)
                    .col(pk_auto(AssessmentMark::Id))
                    .col(integer(AssessmentMark::AssessmentId))
                    .col(integer(AssessmentMark::SubjectId))
                    .col(integer(AssessmentMark::ManualTenths))
                    .col(string_len(AssessmentMark::Remark, 200))
                    .col(integer_null(AssessmentMark::ChosenYuan))
                    .col(integer(AssessmentMark::MarkedBy))
                    .col(big_integer(AssessmentMark::MarkedAtMs))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AssessmentMark::Table, AssessmentMark::AssessmentId)
                            .to(Assessment::Table, Assessment::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_assessment_mark_subject")
                    .table(AssessmentMark::Table)
                    .col(AssessmentMark::AssessmentId)
                    .col(AssessmentMark::SubjectId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AssessmentMark::Table.into_iden(),
            Assessment::Table.into_iden(),
            AssessmentScheme::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum AssessmentScheme {
    Table,
    Id,
    /// A `domain::assessment::Scheme`, as JSON; the newest row is the city's scheme.
    Scheme,
    SavedBy,
    SavedAtMs,
}

#[derive(DeriveIden)]
enum Assessment {
    Table,
    Id,
    /// The level-2 unit assessing: a township, street, department or development zone.
    UnitId,
    Year,
    /// The scheme the assessment started with, as JSON.
    Scheme,
    /// draft, submitted, returned or confirmed.
    State,
    /// Why it was last returned or unlocked; empty otherwise.
    Note,
    /// The sheets as submitted (figures, points, results), as JSON; empty before.
    Results,
    ChangedBy,
    ChangedAtMs,
}

#[derive(DeriveIden)]
enum AssessmentMark {
    Table,
    Id,
    AssessmentId,
    /// The person (a member) or the grid assessed, as the scheme says.
    SubjectId,
    /// The assessor's points, in tenths.
    ManualTenths,
    Remark,
    /// The reward chosen within the grade's band, for a scheme of bands.
    ChosenYuan,
    MarkedBy,
    MarkedAtMs,
}
