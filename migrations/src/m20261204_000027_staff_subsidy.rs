//! A yearly work subsidy on the roster (004 §三(一): 落实村级……统计人员工作补助经费), chiefly
//! for the village statistical surveyors the roster now also lists. Entries before had none.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(StaffMember::Table)
                    .add_column(big_integer(StaffMember::SubsidyFen).default(0))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(StaffMember::Table)
                    .drop_column(StaffMember::SubsidyFen)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum StaffMember {
    Table,
    /// 年工作补助, in fen.
    SubsidyFen,
}
