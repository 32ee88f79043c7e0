//! An enterprise can be closed (注销、停产或迁出): it leaves every list and count but keeps its
//! visits and its history.
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_grid_tree::Enterprise;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Enterprise::Table)
                    .add_column(boolean(Closed::Closed).default(false))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Enterprise::Table)
                    .drop_column(Closed::Closed)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Closed {
    Closed,
}
