//! 网格活动经费: each grid's heads (members or survey objects) as counted on the day the city's
//! policy sets, so that the year's funds do not follow later changes in the grid.
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_grid_tree::Grid;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(FundCount::Table)
                    .col(pk_auto(FundCount::Id))
                    .col(integer(FundCount::Year))
                    .col(integer(FundCount::GridId))
                    .col(string_len(FundCount::Basis, 16))
                    .col(integer(FundCount::Heads))
                    .col(date(FundCount::CountedOn))
                    .foreign_key(
                        ForeignKey::create()
                            .from(FundCount::Table, FundCount::GridId)
                            .to(Grid::Table, Grid::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_fund_count_year_grid_basis")
                    .table(FundCount::Table)
                    .col(FundCount::Year)
                    .col(FundCount::GridId)
                    .col(FundCount::Basis)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(FundCount::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum FundCount {
    Table,
    Id,
    Year,
    GridId,
    /// `members` or `survey_objects`: a change of basis counts again.
    Basis,
    Heads,
    /// The day they were counted: the policy's day, or the first day after it a server ran.
    CountedOn,
}
