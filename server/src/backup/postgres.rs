//! PostgreSQL: `pg_dump` copies the database as one snapshot sees it, while the servers go on
//! writing; `pg_restore` loads that copy into an empty database in one transaction.
use super::BackupError;
use sea_orm::{ConnectionTrait, Database, DbBackend, Statement};
use std::path::Path;
use tokio::process::Command;

pub(super) async fn back_up(url: &str, into: &Path) -> Result<(), BackupError> {
    if public_tables(url, "seaql_migrations").await? == 0 {
        return Err(BackupError::NotStatGrid(without_password(url)));
    }
    let mut dump = Command::new("pg_dump");
    dump.args(["--format=custom", "--no-owner", "--no-privileges"])
        .arg(format!("--file={}", into.display()))
        .arg(format!("--dbname={url}"));
    run("pg_dump", dump).await
}

pub(super) async fn restore(backup: &Path, url: &str) -> Result<(), BackupError> {
    if !tokio::fs::try_exists(backup).await? {
        return Err(BackupError::Damaged(backup.into(), "no such file".into()));
    }
    if public_tables(url, "%").await? > 0 {
        return Err(BackupError::NotEmpty);
    }
    let mut load = Command::new("pg_restore");
    load.args([
        "--no-owner",
        "--no-privileges",
        "--exit-on-error",
        "--single-transaction",
    ])
    .arg(format!("--dbname={url}"))
    .arg(backup);
    run("pg_restore", load).await
}

/// How many tables of the public schema are named like `pattern`.
async fn public_tables(url: &str, pattern: &str) -> Result<i64, BackupError> {
    let db = Database::connect(url).await?;
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT count(*) FROM information_schema.tables \
             WHERE table_schema = 'public' AND table_name LIKE $1",
            [pattern.into()],
        ))
        .await;
    db.close().await?;
    Ok(row?.map_or(Ok(0), |r| r.try_get_by_index(0))?)
}

async fn run(tool: &'static str, mut command: Command) -> Result<(), BackupError> {
    let output = command.output().await.map_err(|e| BackupError::Tool {
        tool,
        message: if e.kind() == std::io::ErrorKind::NotFound {
            format!("{tool} is not installed (Debian: apt install postgresql-client)")
        } else {
            e.to_string()
        },
    })?;
    if output.status.success() {
        Ok(())
    } else {
        Err(BackupError::Tool {
            tool,
            message: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        })
    }
}

/// The URL as it may be shown: `postgres://user:secret@host/db` → `postgres://user@host/db`.
fn without_password(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            let user = credentials.split(':').next().unwrap_or_default();
            format!("{}{user}{}", &url[..scheme + 3], &url[at..])
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shown_url_has_no_password() {
        assert_eq!(
            without_password("postgres://statgrid:s3cret@db:5432/city"),
            "postgres://statgrid@db:5432/city"
        );
        assert_eq!(
            without_password("postgres://postgres@127.0.0.1/test"),
            "postgres://postgres@127.0.0.1/test"
        );
    }
}
