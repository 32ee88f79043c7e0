//! SQLite: `VACUUM INTO` copies the database as one read transaction sees it, while the server
//! goes on writing (WAL); a restore copies a checked backup to the file `DATABASE_URL` names.
use super::BackupError;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement};
use std::path::{Path, PathBuf};

pub(super) async fn back_up(url: &str, into: &Path) -> Result<(), BackupError> {
    let file = file_of(url)?;
    if !tokio::fs::try_exists(&file).await? {
        return Err(BackupError::NotStatGrid(file.display().to_string()));
    }
    // Read-only: the backup takes nothing but a read transaction from the server.
    let db = Database::connect(read_only(&file)).await?;
    let made = async {
        if !is_statgrid(&db).await? {
            return Err(BackupError::NotStatGrid(url.to_owned()));
        }
        let target = into.to_string_lossy().replace('\'', "''");
        db.execute_unprepared(&format!("VACUUM INTO '{target}'"))
            .await?;
        Ok(())
    }
    .await;
    db.close().await?;
    made
}

pub(super) async fn restore(backup: &Path, url: &str) -> Result<(), BackupError> {
    check(backup).await?;
    let target = file_of(url)?;
    if tokio::fs::try_exists(&target).await? {
        let existing = Database::connect(read_only(&target)).await?;
        let tables = table_count(&existing).await;
        existing.close().await?;
        if tables? > 0 {
            return Err(BackupError::NotEmpty);
        }
    }
    for stale in ["-wal", "-shm"] {
        let _ = tokio::fs::remove_file(format!("{}{stale}", target.display())).await;
    }
    let partial = target.with_extension("partial");
    tokio::fs::copy(backup, &partial).await?;
    tokio::fs::rename(&partial, &target).await?;
    Ok(())
}

/// A backup is whole (`integrity_check`) and a StatGrid database.
async fn check(backup: &Path) -> Result<(), BackupError> {
    if !tokio::fs::try_exists(backup).await? {
        return Err(BackupError::Damaged(backup.into(), "no such file".into()));
    }
    let db = Database::connect(read_only(backup)).await?;
    let verdict = async {
        let row = db
            .query_one_raw(Statement::from_string(
                DbBackend::Sqlite,
                "PRAGMA integrity_check",
            ))
            .await;
        let damaged = |why: String| BackupError::Damaged(backup.into(), why);
        let answer: String = row
            .map_err(|e| damaged(e.to_string()))?
            .ok_or_else(|| damaged("no answer to integrity_check".into()))?
            .try_get_by_index(0)
            .map_err(|e| damaged(e.to_string()))?;
        if answer != "ok" {
            return Err(damaged(answer));
        }
        if !is_statgrid(&db).await? {
            return Err(BackupError::NotStatGrid(backup.display().to_string()));
        }
        Ok(())
    }
    .await;
    db.close().await?;
    verdict
}

async fn is_statgrid(db: &DatabaseConnection) -> Result<bool, BackupError> {
    Ok(count(
        db,
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'seaql_migrations'",
    )
    .await?
        > 0)
}

async fn table_count(db: &DatabaseConnection) -> Result<i64, BackupError> {
    count(
        db,
        "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
    )
    .await
}

async fn count(db: &DatabaseConnection, sql: &str) -> Result<i64, BackupError> {
    let row = db
        .query_one_raw(Statement::from_string(DbBackend::Sqlite, sql))
        .await?;
    Ok(row.map_or(Ok(0), |r| r.try_get_by_index(0))?)
}

fn read_only(file: &Path) -> String {
    format!("sqlite://{}?mode=ro", file.display())
}

/// The file an SQLite URL names: `sqlite://statgrid.db?mode=rwc` → `statgrid.db`.
fn file_of(url: &str) -> Result<PathBuf, BackupError> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url);
    let path = rest.split('?').next().unwrap_or_default();
    if path.is_empty() || path.contains(":memory:") {
        return Err(BackupError::NoFile(url.to_owned()));
    }
    Ok(PathBuf::from(path))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_file_is_read_from_the_url() {
        assert_eq!(
            file_of("sqlite://statgrid.db?mode=rwc").unwrap(),
            PathBuf::from("statgrid.db")
        );
        assert_eq!(
            file_of("sqlite:///var/lib/statgrid/s.db").unwrap(),
            PathBuf::from("/var/lib/statgrid/s.db")
        );
        assert!(file_of("sqlite::memory:").is_err());
        assert!(file_of("sqlite://?mode=rwc").is_err());
    }
}
