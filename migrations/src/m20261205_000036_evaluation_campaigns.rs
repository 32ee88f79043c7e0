//! 规范化建设评价: a campaign's plan (templates, thresholds, windows, sample size, kept as
//! JSON so that a template's version stays as the campaign started with it), the seed of its
//! sample, and the units it evaluates with their final totals.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(EvaluationCampaign::Table)
                    .col(pk_auto(EvaluationCampaign::Id))
                    .col(string_len(EvaluationCampaign::Name, 60))
                    .col(integer(EvaluationCampaign::Year))
                    .col(text(EvaluationCampaign::Plan))
                    .col(big_integer_null(EvaluationCampaign::Seed))
                    .col(integer(EvaluationCampaign::CreatedBy))
                    .col(big_integer(EvaluationCampaign::CreatedAtMs))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(EvaluationUnit::Table)
                    .col(pk_auto(EvaluationUnit::Id))
                    .col(integer(EvaluationUnit::CampaignId))
                    .col(string_len(EvaluationUnit::Code, 9))
                    .col(string_len(EvaluationUnit::UnitKind, 24))
                    .col(boolean(EvaluationUnit::Sampled).default(false))
                    .col(integer_null(EvaluationUnit::Total))
                    .foreign_key(
                        ForeignKey::create()
                            .from(EvaluationUnit::Table, EvaluationUnit::CampaignId)
                            .to(EvaluationCampaign::Table, EvaluationCampaign::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_evaluation_unit_campaign_code")
                    .table(EvaluationUnit::Table)
                    .col(EvaluationUnit::CampaignId)
                    .col(EvaluationUnit::Code)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(EvaluationUnit::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(EvaluationCampaign::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum EvaluationCampaign {
    Table,
    Id,
    Name,
    Year,
    /// A `domain::evaluation::Plan` as JSON.
    Plan,
    /// The seed the city's sample was drawn with; none before it is drawn.
    Seed,
    CreatedBy,
    CreatedAtMs,
}

#[derive(DeriveIden)]
enum EvaluationUnit {
    Table,
    Id,
    CampaignId,
    /// Its division code.
    Code,
    /// A `domain::evaluation::UnitKind` code.
    UnitKind,
    /// Drawn in the city's sample.
    Sampled,
    /// The unit's final total, in tenths of a point; none until it is scored.
    Total,
}
