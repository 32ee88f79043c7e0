//! An audit entry may name no person: a failed login for a phone number no person has is
//! logged too (who tried, from where), and nobody is behind it. SQLite cannot drop a NOT NULL
//! in place, so there the table is rebuilt with its rows and index.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        person_column(manager, true).await
    }

    /// Entries with no person cannot stay in a column that needs one: they go.
    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared("DELETE FROM audit_entry WHERE person_id IS NULL")
            .await?;
        person_column(manager, false).await
    }
}

async fn person_column(manager: &SchemaManager<'_>, nullable: bool) -> Result<(), DbErr> {
    let db = manager.get_connection();
    if manager.get_database_backend() != DatabaseBackend::Sqlite {
        let change = if nullable { "DROP" } else { "SET" };
        let sql = format!("ALTER TABLE audit_entry ALTER COLUMN person_id {change} NOT NULL");
        db.execute_unprepared(&sql).await?;
        return Ok(());
    }
    let mut person = ColumnDef::new(AuditEntry::PersonId);
    person.integer();
    if nullable {
        person.null();
    } else {
        person.not_null();
    }
    let text = |column| ColumnDef::new(column).text().null().to_owned();
    let string = |column, len| ColumnDef::new(column).string_len(len).not_null().to_owned();
    manager
        .create_table(
            Table::create()
                .table(AuditEntry::Rebuilt)
                .col(
                    ColumnDef::new(AuditEntry::Id)
                        .integer()
                        .not_null()
                        .auto_increment()
                        .primary_key(),
                )
                .col(person)
                .col(ColumnDef::new(AuditEntry::AtMs).big_integer().not_null())
                .col(string(AuditEntry::Action, 40))
                .col(string(AuditEntry::TargetKind, 20))
                .col(string(AuditEntry::TargetKey, 40))
                .col(text(AuditEntry::Before))
                .col(text(AuditEntry::After))
                .foreign_key(
                    ForeignKey::create()
                        .from(AuditEntry::Rebuilt, AuditEntry::PersonId)
                        .to(Person::Table, Person::Id),
                )
                .to_owned(),
        )
        .await?;
    for sql in [
        "INSERT INTO audit_entry_rebuilt (id, person_id, at_ms, action, target_kind, target_key, before, after) \
         SELECT id, person_id, at_ms, action, target_kind, target_key, before, after FROM audit_entry",
        "DROP TABLE audit_entry",
        "ALTER TABLE audit_entry_rebuilt RENAME TO audit_entry",
    ] {
        db.execute_unprepared(sql).await?;
    }
    manager
        .create_index(
            Index::create()
                .name("ix_audit_entry_at")
                .table(AuditEntry::Table)
                .col(AuditEntry::AtMs)
                .to_owned(),
        )
        .await
}

#[derive(DeriveIden)]
enum AuditEntry {
    Table,
    #[sea_orm(iden = "audit_entry_rebuilt")]
    Rebuilt,
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
enum Person {
    Table,
    Id,
}
