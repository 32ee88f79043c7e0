//! The statistics staff of each level-2 unit (统计人员名册, 001 §三(四)3): kept by the unit's
//! leader and 分管领导 or the city bureau, read against the floor the documents set.
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
                    .table(StaffMember::Table)
                    .col(pk_auto(StaffMember::Id))
                    .col(integer(StaffMember::GridId))
                    .col(string_len(StaffMember::Name, 80))
                    .col(string_len(StaffMember::Post, 120))
                    .col(string_len(StaffMember::Employment, 20))
                    .col(big_integer(StaffMember::AddedAtMs))
                    .col(integer(StaffMember::AddedBy))
                    .foreign_key(
                        ForeignKey::create()
                            .from(StaffMember::Table, StaffMember::GridId)
                            .to(Grid::Table, Grid::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(StaffMember::Table, StaffMember::AddedBy)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_staff_member_grid")
                    .table(StaffMember::Table)
                    .col(StaffMember::GridId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(StaffMember::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum StaffMember {
    Table,
    Id,
    /// The unit (township, street or department) whose office they staff.
    GridId,
    Name,
    /// 职务.
    Post,
    /// 专职 / 兼职 / 派驻 / 购买服务, as `domain::staffing::Employment` codes.
    Employment,
    AddedAtMs,
    /// Who put them on the roster.
    AddedBy,
}
