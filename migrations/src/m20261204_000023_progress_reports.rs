//! Progress reports due on fixed days (004 §七): one row per report, keyed by the phone's
//! UUID, changed in place by a newer version from its author, numbered by the change sequence
//! like every kind a phone pulls (migrations 15 and 20).
//!
//! A phone's directory now carries the policy's fixed-date reports, so a new policy bumps the
//! directory version as a grid or a role does (migration 20's counter and, on PostgreSQL, its
//! trigger function).
use sea_orm_migration::sea_orm::DatabaseBackend;
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_grid_tree::{Grid, Person};

#[derive(DeriveMigrationName)]
pub struct Migration;

const SQLITE_TRIGGER: &str = "directory_changed_cadence_policy_insert";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ProgressReport::Table)
                    .col(uuid(ProgressReport::Id).primary_key())
                    .col(integer(ProgressReport::GridId))
                    .col(integer(ProgressReport::PersonId))
                    .col(string_len(ProgressReport::Label, 240))
                    .col(date(ProgressReport::Deadline))
                    .col(text(ProgressReport::Progress))
                    .col(text(ProgressReport::Problems))
                    .col(text(ProgressReport::Documents))
                    .col(integer(ProgressReport::Version))
                    .col(big_integer(ProgressReport::DeviceTimeMs))
                    .col(big_integer(ProgressReport::FirstReceivedAtMs))
                    .col(big_integer(ProgressReport::ReceivedAtMs))
                    .col(big_integer(ProgressReport::ChangeSeq).default(1))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ProgressReport::Table, ProgressReport::GridId)
                            .to(Grid::Table, Grid::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ProgressReport::Table, ProgressReport::PersonId)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // The city board reads the reports of some deadlines; a pull reads its author's
        // changes, and the latest change of the kind.
        for (name, columns) in [
            (
                "ix_progress_report_deadline",
                [ProgressReport::Deadline, ProgressReport::GridId].as_slice(),
            ),
            (
                "ix_progress_report_seq",
                &[ProgressReport::PersonId, ProgressReport::ChangeSeq],
            ),
            (
                "ix_progress_report_change_seq",
                &[ProgressReport::ChangeSeq],
            ),
        ] {
            let mut index = Index::create()
                .name(name)
                .table(ProgressReport::Table)
                .to_owned();
            for column in columns {
                index.col(*column);
            }
            manager.create_index(index).await?;
        }
        let bump = if manager.get_database_backend() == DatabaseBackend::Sqlite {
            format!(
                "CREATE TRIGGER {SQLITE_TRIGGER} AFTER INSERT ON cadence_policy BEGIN \
                 UPDATE directory_version SET value = value + 1 WHERE id = 1; END"
            )
        } else {
            "CREATE TRIGGER directory_changed AFTER INSERT ON cadence_policy \
             FOR EACH STATEMENT EXECUTE FUNCTION directory_changed()"
                .to_owned()
        };
        manager.get_connection().execute_unprepared(&bump).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let drop = if manager.get_database_backend() == DatabaseBackend::Sqlite {
            format!("DROP TRIGGER {SQLITE_TRIGGER}")
        } else {
            "DROP TRIGGER directory_changed ON cadence_policy".to_owned()
        };
        manager.get_connection().execute_unprepared(&drop).await?;
        manager
            .drop_table(Table::drop().table(ProgressReport::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum ProgressReport {
    Table,
    Id,
    /// The grid reporting.
    GridId,
    /// Who wrote it (and alone may change it).
    PersonId,
    /// The fixed-date rule answered.
    Label,
    /// The deadline answered.
    Deadline,
    Progress,
    Problems,
    Documents,
    Version,
    DeviceTimeMs,
    /// When the server first stored it: what the deadline is judged by.
    FirstReceivedAtMs,
    /// When the server stored the current version.
    ReceivedAtMs,
    ChangeSeq,
}
