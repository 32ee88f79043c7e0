//! Two kinds of session (the phone's sync, the office pages), when each was opened and last
//! used, and the device it belongs to, so that idle and absolute time-outs apply and a person
//! can see and end their sessions. Sessions open before this become phone sessions opened 30
//! days before they were due to end. Indexes for the sweep of expired sessions and for ending
//! a person's sessions.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const EXPIRES_INDEX: &str = "idx_session_expires_at_ms";
const PERSON_INDEX: &str = "idx_session_person_id";
const THIRTY_DAYS_MS: i64 = 30 * 86_400_000;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time.
        for mut column in [
            string_len(Session::Kind, 8).default("field").to_owned(),
            big_integer(Session::CreatedAtMs).default(0).to_owned(),
            big_integer(Session::LastSeenMs).default(0).to_owned(),
            string_len(Session::Device, 64).default("").to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Session::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .exec_stmt(
                Query::update()
                    .table(Session::Table)
                    .value(
                        Session::CreatedAtMs,
                        Expr::col(Session::ExpiresAtMs).sub(THIRTY_DAYS_MS),
                    )
                    .value(
                        Session::LastSeenMs,
                        Expr::col(Session::ExpiresAtMs).sub(THIRTY_DAYS_MS),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            (EXPIRES_INDEX, Session::ExpiresAtMs),
            (PERSON_INDEX, Session::PersonId),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Session::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for name in [EXPIRES_INDEX, PERSON_INDEX] {
            manager
                .drop_index(Index::drop().name(name).table(Session::Table).to_owned())
                .await?;
        }
        for column in [
            Session::Kind,
            Session::CreatedAtMs,
            Session::LastSeenMs,
            Session::Device,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Session::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Session {
    Table,
    PersonId,
    ExpiresAtMs,
    Kind,
    CreatedAtMs,
    LastSeenMs,
    Device,
}
