//! Notices (通知) a level-2 unit or the city bureau sends to the grids below it, and who has
//! read each. A read is one row per person and notice, so reading twice changes nothing.
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
                    .table(Notice::Table)
                    .col(pk_auto(Notice::Id))
                    .col(integer(Notice::GridId))
                    .col(string_len(Notice::Title, 60))
                    .col(text(Notice::Body))
                    .col(integer(Notice::PostedBy))
                    .col(big_integer(Notice::PostedAtMs))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Notice::Table, Notice::GridId)
                            .to(Grid::Table, Grid::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Notice::Table, Notice::PostedBy)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_notice_grid_posted")
                    .table(Notice::Table)
                    .col(Notice::GridId)
                    .col(Notice::PostedAtMs)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(NoticeRead::Table)
                    .col(integer(NoticeRead::NoticeId))
                    .col(integer(NoticeRead::PersonId))
                    .col(big_integer(NoticeRead::ReadAtMs))
                    .primary_key(
                        Index::create()
                            .col(NoticeRead::NoticeId)
                            .col(NoticeRead::PersonId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(NoticeRead::Table, NoticeRead::NoticeId)
                            .to(Notice::Table, Notice::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(NoticeRead::Table, NoticeRead::PersonId)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(NoticeRead::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Notice::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Notice {
    Table,
    Id,
    /// The unit that sent it: a level-2 grid, or the city grid for the bureau.
    GridId,
    Title,
    Body,
    PostedBy,
    PostedAtMs,
}

#[derive(DeriveIden)]
enum NoticeRead {
    Table,
    NoticeId,
    PersonId,
    /// When the person first opened it.
    ReadAtMs,
}
