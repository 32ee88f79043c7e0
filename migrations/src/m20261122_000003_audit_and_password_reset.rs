//! The audit log of administrative changes, and the flag that makes a person choose a new
//! password after an administrator set one.
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_grid_tree::Person;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AuditEntry::Table)
                    .col(pk_auto(AuditEntry::Id))
                    .col(integer(AuditEntry::PersonId))
                    .col(big_integer(AuditEntry::AtMs))
                    .col(string_len(AuditEntry::Action, 40))
                    .col(string_len(AuditEntry::TargetKind, 20))
                    .col(string_len(AuditEntry::TargetKey, 40))
                    .col(text_null(AuditEntry::Before))
                    .col(text_null(AuditEntry::After))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AuditEntry::Table, AuditEntry::PersonId)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_audit_entry_at")
                    .table(AuditEntry::Table)
                    .col(AuditEntry::AtMs)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Person::Table)
                    .add_column(boolean(PasswordReset::PasswordReset).default(false))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Person::Table)
                    .drop_column(PasswordReset::PasswordReset)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(AuditEntry::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum AuditEntry {
    Table,
    Id,
    PersonId,
    AtMs,
    Action,
    TargetKind,
    TargetKey,
    Before,
    After,
}

#[derive(DeriveIden)]
enum PasswordReset {
    PasswordReset,
}
