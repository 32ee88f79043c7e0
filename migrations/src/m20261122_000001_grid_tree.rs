//! The grid tree, people, their roles in grids, and the survey objects (enterprises).
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Grid::Table)
                    .col(pk_auto(Grid::Id))
                    .col(integer_null(Grid::ParentId))
                    .col(small_integer(Grid::Level))
                    .col(string_len(Grid::Kind, 20))
                    .col(string_len(Grid::Name, 100))
                    .col(string_len_null(Grid::Industry, 20))
                    .col(boolean(Grid::Closed).default(false))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Grid::Table, Grid::ParentId)
                            .to(Grid::Table, Grid::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Person::Table)
                    .col(pk_auto(Person::Id))
                    .col(string_len(Person::Name, 50))
                    .col(string_len_uniq(Person::Phone, 11))
                    .col(string_len(Person::PasswordHash, 200))
                    .col(boolean(Person::Active).default(true))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RoleAssignment::Table)
                    .col(pk_auto(RoleAssignment::Id))
                    .col(integer(RoleAssignment::PersonId))
                    .col(integer(RoleAssignment::GridId))
                    .col(string_len(RoleAssignment::Role, 20))
                    .foreign_key(
                        ForeignKey::create()
                            .from(RoleAssignment::Table, RoleAssignment::PersonId)
                            .to(Person::Table, Person::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(RoleAssignment::Table, RoleAssignment::GridId)
                            .to(Grid::Table, Grid::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_role_assignment_person_grid_role")
                    .table(RoleAssignment::Table)
                    .col(RoleAssignment::PersonId)
                    .col(RoleAssignment::GridId)
                    .col(RoleAssignment::Role)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Enterprise::Table)
                    .col(pk_auto(Enterprise::Id))
                    .col(integer(Enterprise::GridId))
                    .col(string_len(Enterprise::Name, 100))
                    .col(string_len_uniq(Enterprise::CreditCode, 18))
                    .col(string_len(Enterprise::Industry, 20))
                    .col(boolean(Enterprise::AboveScale).default(false))
                    .col(boolean(Enterprise::Cultivation).default(false))
                    .col(string_len(Enterprise::StatisticianName, 50))
                    .col(string_len(Enterprise::StatisticianPhone, 11))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Enterprise::Table, Enterprise::GridId)
                            .to(Grid::Table, Grid::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_enterprise_grid")
                    .table(Enterprise::Table)
                    .col(Enterprise::GridId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Enterprise::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(RoleAssignment::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Person::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Grid::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum Grid {
    Table,
    Id,
    ParentId,
    Level,
    Kind,
    Name,
    Industry,
    Closed,
}

#[derive(DeriveIden)]
pub enum Person {
    Table,
    Id,
    Name,
    Phone,
    PasswordHash,
    Active,
}

#[derive(DeriveIden)]
enum RoleAssignment {
    Table,
    Id,
    PersonId,
    GridId,
    Role,
}

#[derive(DeriveIden)]
pub enum Enterprise {
    Table,
    Id,
    GridId,
    Name,
    CreditCode,
    Industry,
    AboveScale,
    Cultivation,
    StatisticianName,
    StatisticianPhone,
}
