//! 统计之家: the rooms a level-2 unit registers for its grids' activities (001 §三(四)5). One
//! row per home, its name unique in the unit.
//!
//! A phone's directory carries the homes of its units, so the activity form offers them
//! offline: any change to this table bumps the directory version, as a grid does (migration
//! 20's counter and, on PostgreSQL, its trigger function).
use sea_orm_migration::sea_orm::DatabaseBackend;
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_grid_tree::{Grid, Person};

#[derive(DeriveMigrationName)]
pub struct Migration;

const EVENTS: [&str; 3] = ["insert", "update", "delete"];

fn sqlite_trigger(event: &str) -> String {
    format!("directory_changed_stats_home_{event}")
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(StatsHome::Table)
                    .col(pk_auto(StatsHome::Id))
                    .col(integer(StatsHome::GridId))
                    .col(string_len(StatsHome::Name, 40))
                    .col(string_len(StatsHome::Address, 100))
                    .col(date(StatsHome::OpenedOn))
                    .col(string_len(StatsHome::Note, 200))
                    .col(integer(StatsHome::SavedBy))
                    .col(big_integer(StatsHome::SavedAtMs))
                    .foreign_key(
                        ForeignKey::create()
                            .from(StatsHome::Table, StatsHome::GridId)
                            .to(Grid::Table, Grid::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(StatsHome::Table, StatsHome::SavedBy)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_stats_home_name")
                    .table(StatsHome::Table)
                    .col(StatsHome::GridId)
                    .col(StatsHome::Name)
                    .unique()
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        if manager.get_database_backend() == DatabaseBackend::Sqlite {
            for event in EVENTS {
                let name = sqlite_trigger(event);
                let on = event.to_uppercase();
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER {name} AFTER {on} ON stats_home BEGIN \
                     UPDATE directory_version SET value = value + 1 WHERE id = 1; END"
                ))
                .await?;
            }
        } else {
            db.execute_unprepared(
                "CREATE TRIGGER directory_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE \
                 ON stats_home FOR EACH STATEMENT EXECUTE FUNCTION directory_changed()",
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if manager.get_database_backend() == DatabaseBackend::Sqlite {
            for event in EVENTS {
                db.execute_unprepared(&format!("DROP TRIGGER {}", sqlite_trigger(event)))
                    .await?;
            }
        } else {
            db.execute_unprepared("DROP TRIGGER directory_changed ON stats_home")
                .await?;
        }
        manager
            .drop_table(Table::drop().table(StatsHome::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum StatsHome {
    Table,
    Id,
    /// The level-2 unit that set it up.
    GridId,
    Name,
    Address,
    OpenedOn,
    /// Rooms, equipment, opening hours; empty when none was given.
    Note,
    /// Who last saved it.
    SavedBy,
    SavedAtMs,
}
