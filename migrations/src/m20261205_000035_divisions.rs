//! 行政区划: the administrative divisions above the grid (province, city, county, township),
//! keyed by their code, which is also their official order.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Division::Table)
                    .col(string_len(Division::Code, 9).primary_key())
                    .col(string_len(Division::Name, 40))
                    .col(string_len_null(Division::Short, 20))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Division::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Division {
    Table,
    /// 6 digits above a township, 9 for a township: compared as text, in official order.
    Code,
    Name,
    /// The shorter name notices list it by (湘西州), if any.
    Short,
}
