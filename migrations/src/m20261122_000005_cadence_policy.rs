//! The city's reporting cadence (报送节奏) as data: one policy, stored as JSON, that the city
//! administrator picks from a preset and adjusts.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CadencePolicy::Table)
                    .col(pk_auto(CadencePolicy::Id))
                    .col(text(CadencePolicy::Policy))
                    .col(big_integer(CadencePolicy::UpdatedAtMs))
                    .col(integer(CadencePolicy::UpdatedBy))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CadencePolicy::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum CadencePolicy {
    Table,
    Id,
    Policy,
    UpdatedAtMs,
    UpdatedBy,
}
