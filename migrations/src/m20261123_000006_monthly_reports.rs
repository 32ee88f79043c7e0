//! Grid leaders' monthly reports (情况汇报), one per grid and month, and every step of their
//! review (submitted, resubmitted, approved, returned, unlocked) with the text of each version.
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
                    .table(MonthlyReport::Table)
                    .col(uuid(MonthlyReport::Id).primary_key())
                    .col(integer(MonthlyReport::GridId))
                    .col(string_len(MonthlyReport::Month, 7))
                    .col(integer(MonthlyReport::PersonId))
                    .col(text(MonthlyReport::WorkDone))
                    .col(text(MonthlyReport::Problems))
                    .col(text(MonthlyReport::NextSteps))
                    .col(integer(MonthlyReport::Version))
                    .col(string_len(MonthlyReport::Status, 20))
                    .col(text_null(MonthlyReport::ReviewComment))
                    .col(big_integer(MonthlyReport::FirstReceivedAtMs))
                    .col(big_integer(MonthlyReport::UpdatedAtMs))
                    .foreign_key(
                        ForeignKey::create()
                            .from(MonthlyReport::Table, MonthlyReport::GridId)
                            .to(Grid::Table, Grid::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(MonthlyReport::Table, MonthlyReport::PersonId)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // One report per grid and month: a second phone's report for it is refused.
        manager
            .create_index(
                Index::create()
                    .name("ux_monthly_report_grid_month")
                    .table(MonthlyReport::Table)
                    .col(MonthlyReport::GridId)
                    .col(MonthlyReport::Month)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_monthly_report_updated")
                    .table(MonthlyReport::Table)
                    .col(MonthlyReport::UpdatedAtMs)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReportEvent::Table)
                    .col(pk_auto(ReportEvent::Id))
                    .col(uuid(ReportEvent::ReportId))
                    .col(integer(ReportEvent::Version))
                    .col(string_len(ReportEvent::Action, 20))
                    .col(text_null(ReportEvent::Comment))
                    .col(text_null(ReportEvent::Content))
                    .col(integer(ReportEvent::PersonId))
                    .col(big_integer(ReportEvent::AtMs))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ReportEvent::Table, ReportEvent::ReportId)
                            .to(MonthlyReport::Table, MonthlyReport::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_report_event_report")
                    .table(ReportEvent::Table)
                    .col(ReportEvent::ReportId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ReportEvent::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(MonthlyReport::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum MonthlyReport {
    Table,
    Id,
    GridId,
    Month,
    PersonId,
    WorkDone,
    Problems,
    NextSteps,
    Version,
    Status,
    ReviewComment,
    FirstReceivedAtMs,
    UpdatedAtMs,
}

#[derive(DeriveIden)]
enum ReportEvent {
    Table,
    Id,
    ReportId,
    Version,
    Action,
    Comment,
    Content,
    PersonId,
    AtMs,
}
