//! What a pull needs to answer "nothing changed" with one indexed query (`docs/sync.md`).
//!
//! `directory_version` is one counter row that the database itself bumps whenever something a
//! phone's directory or profile is made of changes: a grid, an enterprise, a role, or a
//! person's name, phone or standing. Triggers rather than the code that writes those tables,
//! so no write (an import, an administrator's edit, a bulk load, one added later) can leave
//! phones holding an old directory that the server calls current.
//!
//! Each record table, and the tombstones, get an index on `change_seq` alone, so the latest
//! change of each kind is one index lookup.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The tables a directory or a profile is read from, each with the columns whose change
/// counts (none: every column).
const SOURCES: [(&str, &str); 4] = [
    ("grid", ""),
    ("enterprise", ""),
    ("role_assignment", ""),
    // A password change or a login writes no part of the directory.
    ("person", "name, phone, active, password_reset"),
];

/// The tables of what phones pull, numbered by `change_seq`.
const NUMBERED: [&str; 7] = [
    "visit",
    "grid_activity",
    "training",
    "major_event",
    "monthly_report",
    "annual_plan",
    "withdrawal",
];

const BUMP: &str = "UPDATE directory_version SET value = value + 1 WHERE id = 1";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DirectoryVersion::Table)
                    .col(
                        ColumnDef::new(DirectoryVersion::Id)
                            .integer()
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(DirectoryVersion::Value)
                            .big_integer()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        db.execute_unprepared("INSERT INTO directory_version (id, value) VALUES (1, 1)")
            .await?;
        for statement in triggers(manager.get_database_backend()) {
            db.execute_unprepared(&statement).await?;
        }
        for table in NUMBERED {
            db.execute_unprepared(&format!(
                "CREATE INDEX ix_{table}_change_seq ON {table} (change_seq)"
            ))
            .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for table in NUMBERED {
            db.execute_unprepared(&format!("DROP INDEX ix_{table}_change_seq"))
                .await?;
        }
        let sqlite = manager.get_database_backend() == DatabaseBackend::Sqlite;
        for (table, _) in SOURCES {
            for event in EVENTS {
                if sqlite {
                    let name = trigger_name(table, event);
                    db.execute_unprepared(&format!("DROP TRIGGER {name}"))
                        .await?;
                }
            }
            if !sqlite {
                db.execute_unprepared(&format!("DROP TRIGGER directory_changed ON {table}"))
                    .await?;
            }
        }
        if !sqlite {
            db.execute_unprepared("DROP FUNCTION directory_changed()")
                .await?;
        }
        manager
            .drop_table(Table::drop().table(DirectoryVersion::Table).to_owned())
            .await
    }
}

const EVENTS: [&str; 3] = ["insert", "update", "delete"];

fn trigger_name(table: &str, event: &str) -> String {
    format!("directory_changed_{table}_{event}")
}

/// SQLite has only row triggers, one per event; PostgreSQL bumps once per statement.
fn triggers(backend: DatabaseBackend) -> Vec<String> {
    if backend == DatabaseBackend::Sqlite {
        SOURCES
            .iter()
            .flat_map(|(table, columns)| {
                EVENTS.iter().map(move |event| {
                    let on = match (*event, *columns) {
                        ("update", c) if !c.is_empty() => format!("UPDATE OF {c}"),
                        (e, _) => e.to_uppercase(),
                    };
                    let name = trigger_name(table, event);
                    format!("CREATE TRIGGER {name} AFTER {on} ON {table} BEGIN {BUMP}; END")
                })
            })
            .collect()
    } else {
        let function = format!(
            "CREATE FUNCTION directory_changed() RETURNS trigger LANGUAGE plpgsql AS \
             $$ BEGIN {BUMP}; RETURN NULL; END $$"
        );
        let per_table = SOURCES.iter().map(|(table, columns)| {
            let update = if columns.is_empty() {
                "UPDATE".to_owned()
            } else {
                format!("UPDATE OF {columns}")
            };
            format!(
                "CREATE TRIGGER directory_changed AFTER INSERT OR {update} OR DELETE OR TRUNCATE \
                 ON {table} FOR EACH STATEMENT EXECUTE FUNCTION directory_changed()"
            )
        });
        std::iter::once(function).chain(per_table).collect()
    }
}

#[derive(DeriveIden)]
enum DirectoryVersion {
    Table,
    /// Always 1: the one counter.
    Id,
    Value,
}
