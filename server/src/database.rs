//! Opens the database: the pool everything may go through, and the pool the busiest pages read
//! through ([`connect_reads`]). SQLite settings are made on every connection a pool opens, since
//! a pragma run through the pool reaches only the connection that ran it.
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteConnection, SqliteJournalMode};
use sea_orm::sqlx::{self, pool::PoolOptions};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbBackend, DbErr};
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

/// How long a SQLite statement waits for a lock another connection holds before it fails.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Read-only connections a SQLite file is also read through. On the two cores `make bench` ran
/// on, the township overview took 6.6–7.0 ms (median) with its reads queued for the one
/// connection and 5.8–6.3 ms with two or with four; four made its p99 less steady (7.6–10.3 ms
/// against 7.3–9.2 ms with two), their threads contending for the cores.
const SQLITE_READERS: u32 = 2;

/// The pool every statement may go through. On SQLite it holds **one** connection, so writers
/// queue for it rather than meet SQLite's lock: a write that found another's transaction open
/// (an import's, for seconds) would wait only the busy timeout and then fail.
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url);
    options
        .test_before_acquire_if_idle_for(PING_AFTER_IDLE)
        .map_sqlx_sqlite_opts(sqlite_options)
        .map_sqlx_sqlite_pool_opts(|pool: PoolOptions<sqlx::Sqlite>| {
            pool.max_connections(1)
                .after_connect(|conn, _| Box::pin(stable_plans(conn)))
        });
    Database::connect(options).await
}

/// The pool of its own for statements that write nothing, opened after [`connect`] made
/// `writes`: on a SQLite file, [`SQLITE_READERS`] read-only connections, so that a page's reads
/// run side by side instead of queueing for the one connection of `writes` (WAL lets them read
/// what was committed while another connection writes). `None` elsewhere, where `writes` reads
/// as well: PostgreSQL's pool reads side by side already, and an in-memory SQLite database
/// exists only on the connections of the pool that made it.
pub async fn connect_reads(
    url: &str,
    writes: &DatabaseConnection,
) -> Result<Option<DatabaseConnection>, DbErr> {
    let in_memory = url.contains(":memory:") || url.contains("mode=memory");
    if writes.get_database_backend() != DbBackend::Sqlite || in_memory {
        return Ok(None);
    }
    let mut options = ConnectOptions::new(url);
    options
        .max_connections(SQLITE_READERS)
        .test_before_acquire_if_idle_for(PING_AFTER_IDLE)
        .map_sqlx_sqlite_opts(|options| {
            options
                .read_only(true)
                .busy_timeout(BUSY_TIMEOUT)
                .row_buffer_size(SQLITE_ROW_BUFFER)
        })
        .map_sqlx_sqlite_pool_opts(|pool: PoolOptions<sqlx::Sqlite>| {
            pool.after_connect(|conn, _| Box::pin(stable_plans(conn)))
        });
    Database::connect(options).await.map(Some)
}

fn sqlite_options(options: SqliteConnectOptions) -> SqliteConnectOptions {
    options
        .journal_mode(SqliteJournalMode::Wal)
        .busy_timeout(BUSY_TIMEOUT)
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
#[allow(clippy::unwrap_used)]
mod tests {
    use super::{connect, connect_reads};
    use sea_orm::{ConnectionTrait, DatabaseConnection, Statement, TransactionTrait};
    use std::time::Duration;

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

    /// A new SQLite file's URL, and its files to remove after.
    fn sqlite_file() -> (String, impl FnOnce()) {
        let file = std::env::temp_dir().join(format!(
            "statgrid-connect-{}.db",
            uuid::Uuid::now_v7().simple()
        ));
        let url = format!("sqlite://{}?mode=rwc", file.display());
        (url, move || {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
            }
        })
    }

    async fn count(db: &DatabaseConnection) -> Option<i64> {
        let sql = "SELECT count(*) AS n FROM firm";
        let row = db
            .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
            .await
            .ok()??;
        row.try_get::<i64>("", "n").ok()
    }

    #[tokio::test]
    async fn every_sqlite_connection_is_set_up() {
        let (url, remove) = sqlite_file();
        let db = connect(&url).await.map_err(|e| e.to_string());
        assert_eq!(db.as_ref().err(), None);
        if let Ok(db) = db {
            assert_eq!(pragma(&db, "journal_mode").await, "wal");
            assert_eq!(pragma(&db, "foreign_keys").await, "1");
            assert_eq!(pragma(&db, "busy_timeout").await, "5000");
            let _ = db.close().await;
        }
        remove();
    }

    #[tokio::test]
    async fn a_sqlite_file_is_read_beside_its_writer_and_never_written_so() {
        let (url, remove) = sqlite_file();
        let writes = connect(&url).await.unwrap();
        writes
            .execute_unprepared("CREATE TABLE firm (id INTEGER); INSERT INTO firm VALUES (1)")
            .await
            .unwrap();
        let reads = connect_reads(&url, &writes).await.unwrap().unwrap();

        // A write transaction holds the writer's one connection: reads go on beside it, and
        // see what was committed before it.
        let tx = writes.begin().await.unwrap();
        tx.execute_unprepared("INSERT INTO firm VALUES (2)")
            .await
            .unwrap();
        let beside = tokio::time::timeout(Duration::from_secs(2), count(&reads)).await;
        assert_eq!(
            beside.ok(),
            Some(Some(1)),
            "read beside the open transaction"
        );
        tx.commit().await.unwrap();
        assert_eq!(count(&reads).await, Some(2), "the commit is read at once");

        // The read pool cannot write: a write sent there by mistake fails, it is not kept.
        let misrouted = reads
            .execute_unprepared("INSERT INTO firm VALUES (3)")
            .await;
        assert!(misrouted.is_err(), "{misrouted:?}");
        assert_eq!(count(&writes).await, Some(2));
        reads.close().await.unwrap();
        writes.close().await.unwrap();
        remove();
    }

    #[tokio::test]
    async fn an_in_memory_database_is_read_through_the_pool_that_made_it_only() {
        let url = "sqlite::memory:";
        let writes = connect(url).await.unwrap();
        // A pool of its own would open empty databases of its own.
        assert!(connect_reads(url, &writes).await.unwrap().is_none());
    }
}
