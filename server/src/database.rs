//! Opens the database: SQLite settings are made on every connection the pool opens, since a
//! pragma run through the pool reaches only the connection that ran it.
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteConnection, SqliteJournalMode};
use sea_orm::sqlx::{self, pool::PoolOptions};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};
use std::ffi::c_int;
use std::time::Duration;

/// A pooled connection idle this long is pinged before use, since a server, proxy or firewall
/// may have dropped it; one in use is not: a ping on every checkout was a round trip more for
/// each query (a third of an unchanged pull's on PostgreSQL).
const PING_AFTER_IDLE: Duration = Duration::from_secs(30);

/// Rows a SQLite read may hand over before its worker thread waits for the request to take
/// them. sqlx's 50 put the worker to sleep and woke it again every 50 rows of a township's
/// 2,000 enterprises and their quarter's visits; with room for them all, the overview's median
/// in `make bench` went from 11.4–11.8 to 10.8–11.0 ms. Every read collects all its rows
/// anyway, so the rows held here are rows the answer holds too.
const SQLITE_ROW_BUFFER: usize = 4096;

pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url);
    options
        .test_before_acquire_if_idle_for(PING_AFTER_IDLE)
        .map_sqlx_sqlite_opts(sqlite_options)
        .map_sqlx_sqlite_pool_opts(|pool: PoolOptions<sqlx::Sqlite>| {
            pool.after_connect(|conn, _| Box::pin(stable_plans(conn)))
        });
    Database::connect(options).await
}

/// WAL lets reads go on while one writes; a busy writer is waited for instead of failing at once.
fn sqlite_options(options: SqliteConnectOptions) -> SqliteConnectOptions {
    options
        .journal_mode(SqliteJournalMode::Wal)
        .busy_timeout(Duration::from_secs(5))
        .foreign_keys(true)
        .row_buffer_size(SQLITE_ROW_BUFFER)
}

/// Turns on SQLite's query planner stability guarantee: a statement's plan does not depend on
/// the values bound to it. Without it, SQLite 3.51 plans any statement with a bound `LIMIT ?`
/// (every sea-orm `.one()`) for the value bound, so when sqlx clears the bindings after a run the
/// statement is parsed and planned again before the next: a fifth of the server's time on an
/// unchanged pull went to that.
async fn stable_plans(conn: &mut SqliteConnection) -> Result<(), sqlx::Error> {
    let mut handle = conn.lock_handle().await?;
    let db = handle.as_raw_handle().as_ptr();
    let mut now_on: c_int = 0;
    // SAFETY: `db` is this connection's open handle, held locked for the call; this option
    // takes an int (1: on) and a pointer to an int that receives the setting after the call
    // (https://sqlite.org/c3ref/c_dbconfig_defensive.html).
    let rc = unsafe {
        libsqlite3_sys::sqlite3_db_config(
            db,
            libsqlite3_sys::SQLITE_DBCONFIG_ENABLE_QPSG,
            1 as c_int,
            &mut now_on as *mut c_int,
        )
    };
    if rc != libsqlite3_sys::SQLITE_OK || now_on != 1 {
        return Err(sqlx::Error::Configuration(
            format!("SQLite refused the query planner stability guarantee (code {rc})").into(),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::connect;
    use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

    async fn pragma(db: &DatabaseConnection, name: &str) -> String {
        let sql = format!("PRAGMA {name}");
        let row = db
            .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
            .await
            .ok()
            .flatten();
        row.and_then(|r| {
            r.try_get_by_index::<String>(0)
                .or_else(|_| r.try_get_by_index::<i64>(0).map(|n| n.to_string()))
                .ok()
        })
        .unwrap_or_default()
    }

    #[tokio::test]
    async fn every_sqlite_connection_is_set_up() {
        let file = std::env::temp_dir().join(format!(
            "statgrid-connect-{}.db",
            uuid::Uuid::now_v7().simple()
        ));
        let db = connect(&format!("sqlite://{}?mode=rwc", file.display()))
            .await
            .map_err(|e| e.to_string());
        assert_eq!(db.as_ref().err(), None);
        if let Ok(db) = db {
            assert_eq!(pragma(&db, "journal_mode").await, "wal");
            assert_eq!(pragma(&db, "foreign_keys").await, "1");
            assert_eq!(pragma(&db, "busy_timeout").await, "5000");
            let _ = db.close().await;
        }
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
        }
    }
}
