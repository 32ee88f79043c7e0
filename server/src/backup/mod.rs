//! Backups that restore (`docs/deploy.md`): a consistent copy of a running server's database,
//! photos included (they are rows), and its restore into an empty database. SQLite copies
//! itself with `VACUUM INTO`; PostgreSQL is copied by `pg_dump` and restored by `pg_restore`.
//! A backup is written under a temporary name and renamed when whole, so a file with a
//! backup's name is always a complete one.
mod postgres;
pub mod retention;
pub mod schedule;
mod sqlite;

use std::path::{Path, PathBuf};

/// Where a backup's database lives, from `DATABASE_URL`.
enum Store<'a> {
    Sqlite(&'a str),
    Postgres(&'a str),
}

impl<'a> Store<'a> {
    fn of(database_url: &'a str) -> Result<Self, BackupError> {
        if database_url.starts_with("sqlite:") {
            Ok(Store::Sqlite(database_url))
        } else if database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://")
        {
            Ok(Store::Postgres(database_url))
        } else {
            Err(BackupError::UnknownDatabase)
        }
    }

    fn extension(&self) -> &'static str {
        match self {
            Store::Sqlite(_) => retention::SQLITE_EXTENSION,
            Store::Postgres(_) => retention::POSTGRES_EXTENSION,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("DATABASE_URL is neither sqlite: nor postgres://")]
    UnknownDatabase,
    #[error("an SQLite DATABASE_URL names no file: {0}")]
    NoFile(String),
    #[error("{0} holds no StatGrid database (no migrations table)")]
    NotStatGrid(String),
    #[error("the database to restore into is not empty: restore needs a new, empty database")]
    NotEmpty,
    #[error("the backup {0} is damaged: {1}")]
    Damaged(PathBuf, String),
    #[error("{tool} failed: {message}")]
    Tool { tool: &'static str, message: String },
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
    #[error("file: {0}")]
    Io(#[from] std::io::Error),
}

/// A backup made: its file and size.
#[derive(Debug, Clone)]
pub struct Backup {
    pub file: PathBuf,
    pub bytes: u64,
}

/// Backs up the database at `database_url` into a new file in `dir`, named for `now`.
pub async fn back_up(
    database_url: &str,
    dir: &Path,
    now: time::OffsetDateTime,
) -> Result<Backup, BackupError> {
    let store = Store::of(database_url)?;
    tokio::fs::create_dir_all(dir).await?;
    let file = dir.join(retention::file_name(now, store.extension()));
    let partial = file.with_extension("partial");
    let _ = tokio::fs::remove_file(&partial).await;
    let made = match store {
        Store::Sqlite(url) => sqlite::back_up(url, &partial).await,
        Store::Postgres(url) => postgres::back_up(url, &partial).await,
    };
    if let Err(e) = made {
        let _ = tokio::fs::remove_file(&partial).await;
        return Err(e);
    }
    tokio::fs::rename(&partial, &file).await?;
    let bytes = tokio::fs::metadata(&file).await?.len();
    let backup = Backup { file, bytes };
    // The backup is whole whether or not its note lands; the status page then shows an older one.
    if let Err(e) = note(database_url, &backup, now).await {
        tracing::warn!(error = %e, "backup made but not noted for the status page");
    }
    Ok(backup)
}

/// Notes a backup in the database it copied, for the city administrator's status page.
async fn note(
    database_url: &str,
    backup: &Backup,
    now: time::OffsetDateTime,
) -> Result<(), sea_orm::DbErr> {
    use app::db::backup_run;
    use sea_orm::{ActiveValue::Set, EntityTrait};
    let db = sea_orm::Database::connect(database_url).await?;
    let run = backup_run::ActiveModel {
        taken_at_ms: Set((now.unix_timestamp_nanos() / 1_000_000) as i64),
        file_name: Set(backup
            .file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()),
        bytes: Set(i64::try_from(backup.bytes).unwrap_or(i64::MAX)),
        ..Default::default()
    };
    backup_run::Entity::insert(run).exec(&db).await?;
    db.close().await
}

/// Restores `backup` into the empty database at `database_url`. The server migrates it to
/// its own version when it starts, so a backup of an older release restores too.
pub async fn restore(backup: &Path, database_url: &str) -> Result<(), BackupError> {
    match Store::of(database_url)? {
        Store::Sqlite(url) => sqlite::restore(backup, url).await,
        Store::Postgres(url) => postgres::restore(backup, url).await,
    }
}
