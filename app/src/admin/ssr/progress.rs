//! Progress of running imports, for the administrator's screen to poll while a large file is
//! written. On PostgreSQL it is kept in the database (`import_progress`), so that whichever
//! server behind the balancer answers the poll knows it. On SQLite it stays in the memory of
//! the one process that serves it: the import's transaction holds SQLite's one writing
//! connection, so a progress row could not be written beside it. An entry goes when its import
//! ends, whatever the outcome.
use crate::admin::api::{ImportProgress, ImportStage};
use crate::db::import_progress as row;
use crate::error::ServerError;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, DbBackend, EntityTrait, QueryFilter,
};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use uuid::Uuid;

/// A row not written for this long belongs to an import whose server stopped: it has ended.
const ABANDONED_MS: i64 = 15 * 60 * 1000;
/// The database is written at most this often while rows are counted (a stage change is
/// written at once).
const WRITE_EVERY: Duration = Duration::from_millis(200);

/// Every running import that asked to be followed, by the job id its page chose.
#[derive(Clone)]
pub enum ImportBoard {
    Memory(Arc<Mutex<HashMap<Uuid, ImportProgress>>>),
    Database(DatabaseConnection),
}

impl ImportBoard {
    /// The board for the server's database: shared through it on PostgreSQL.
    pub fn for_database(db: &DatabaseConnection) -> Self {
        match db.get_database_backend() {
            DbBackend::Postgres => ImportBoard::Database(db.clone()),
            _ => ImportBoard::Memory(Arc::default()),
        }
    }

    pub async fn get(&self, job: Uuid, now_ms: i64) -> Result<Option<ImportProgress>, ServerError> {
        match self {
            ImportBoard::Memory(map) => Ok(map.lock().ok().and_then(|m| m.get(&job).copied())),
            ImportBoard::Database(db) => {
                let found = row::Entity::find_by_id(job)
                    .filter(row::Column::UpdatedAtMs.gt(now_ms - ABANDONED_MS))
                    .one(db)
                    .await
                    .map_err(ServerError::db("reading an import's progress"))?;
                Ok(found.map(|r| ImportProgress {
                    stage: stage_of(&r.stage),
                    done: usize::try_from(r.done).unwrap_or(0),
                    total: usize::try_from(r.total).unwrap_or(0),
                }))
            }
        }
    }

    /// Follows `job` until the returned ticker drops; `None` follows nothing.
    pub async fn follow(&self, job: Option<Uuid>, now_ms: i64) -> ImportTicker {
        if let (ImportBoard::Database(db), Some(_)) = (self, job) {
            // Imports whose server stopped mid-way leave rows behind; they go here.
            let swept = row::Entity::delete_many()
                .filter(row::Column::UpdatedAtMs.lte(now_ms - ABANDONED_MS))
                .exec(db)
                .await;
            if let Err(e) = swept {
                tracing::warn!(error = %e, "abandoned import progress not swept");
            }
        }
        let ticker = ImportTicker {
            board: self.clone(),
            job,
            followed_ms: now_ms,
            followed: Instant::now(),
            shown: Mutex::new(ImportProgress {
                stage: ImportStage::Checking,
                done: 0,
                total: 0,
            }),
            written: Mutex::new(None),
        };
        ticker.stage(ImportStage::Checking, 0).await;
        ticker
    }
}

/// The import's handle on its board entry.
pub struct ImportTicker {
    board: ImportBoard,
    job: Option<Uuid>,
    /// The server's clock at `follow`, and when that was: rows are stamped by it read on.
    followed_ms: i64,
    followed: Instant,
    shown: Mutex<ImportProgress>,
    /// When the database row was last written.
    written: Mutex<Option<Instant>>,
}

impl ImportTicker {
    pub async fn stage(&self, stage: ImportStage, total: usize) {
        self.change(true, |p| {
            *p = ImportProgress {
                stage,
                done: 0,
                total,
            }
        })
        .await;
    }

    pub async fn advance(&self, rows: usize) {
        self.change(false, |p| p.done = (p.done + rows).min(p.total))
            .await;
    }

    /// Applies `change`; writes the row when `now` or when it has not been written lately.
    async fn change(&self, now: bool, change: impl FnOnce(&mut ImportProgress)) {
        let Some(job) = self.job else { return };
        let progress = match self.shown.lock() {
            Ok(mut shown) => {
                change(&mut shown);
                *shown
            }
            Err(_) => return,
        };
        match &self.board {
            ImportBoard::Memory(map) => {
                if let Ok(mut map) = map.lock() {
                    map.insert(job, progress);
                }
            }
            ImportBoard::Database(db) => {
                let due = self.written.lock().is_ok_and(|mut last| {
                    let due = now
                        || progress.done == progress.total
                        || last.is_none_or(|at| at.elapsed() >= WRITE_EVERY);
                    if due {
                        *last = Some(Instant::now());
                    }
                    due
                });
                if due && let Err(e) = write(db, job, &progress, self.now_ms()).await {
                    // The import goes on; only its page's progress bar lags.
                    tracing::warn!(error = %e, "import progress not written");
                }
            }
        }
    }

    fn now_ms(&self) -> i64 {
        let since = i64::try_from(self.followed.elapsed().as_millis()).unwrap_or(i64::MAX / 2);
        self.followed_ms.saturating_add(since)
    }
}

async fn write(
    db: &DatabaseConnection,
    job: Uuid,
    progress: &ImportProgress,
    now_ms: i64,
) -> Result<(), sea_orm::DbErr> {
    let entry = row::ActiveModel {
        job: Set(job),
        stage: Set(stage_code(progress.stage).to_owned()),
        done: Set(i64::try_from(progress.done).unwrap_or(i64::MAX)),
        total: Set(i64::try_from(progress.total).unwrap_or(i64::MAX)),
        updated_at_ms: Set(now_ms),
    };
    row::Entity::insert(entry)
        .on_conflict(
            OnConflict::column(row::Column::Job)
                .update_columns([
                    row::Column::Stage,
                    row::Column::Done,
                    row::Column::Total,
                    row::Column::UpdatedAtMs,
                ])
                .to_owned(),
        )
        .exec(db)
        .await
        .map(|_| ())
}

impl Drop for ImportTicker {
    fn drop(&mut self) {
        let Some(job) = self.job else { return };
        match &self.board {
            ImportBoard::Memory(map) => {
                if let Ok(mut map) = map.lock() {
                    map.remove(&job);
                }
            }
            ImportBoard::Database(db) => {
                let db = db.clone();
                if let Ok(runtime) = tokio::runtime::Handle::try_current() {
                    runtime.spawn(async move {
                        if let Err(e) = row::Entity::delete_by_id(job).exec(&db).await {
                            tracing::warn!(error = %e, "ended import's progress not removed");
                        }
                    });
                }
            }
        }
    }
}

fn stage_code(stage: ImportStage) -> &'static str {
    match stage {
        ImportStage::Checking => "checking",
        ImportStage::Writing => "writing",
    }
}

fn stage_of(code: &str) -> ImportStage {
    match code {
        "writing" => ImportStage::Writing,
        _ => ImportStage::Checking,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::executor::block_on;

    fn memory() -> ImportBoard {
        ImportBoard::Memory(Arc::default())
    }

    #[test]
    fn a_followed_import_shows_its_rows_until_it_ends() {
        let board = memory();
        let job = Uuid::now_v7();
        let get = |board: &ImportBoard| block_on(board.get(job, 0)).ok().flatten();
        let ticker = block_on(board.follow(Some(job), 0));
        assert_eq!(get(&board).map(|p| p.stage), Some(ImportStage::Checking));
        block_on(ticker.stage(ImportStage::Writing, 2500));
        block_on(ticker.advance(1000));
        block_on(ticker.advance(2000));
        assert_eq!(
            get(&board),
            Some(ImportProgress {
                stage: ImportStage::Writing,
                done: 2500,
                total: 2500
            })
        );
        drop(ticker);
        assert_eq!(get(&board), None);
    }

    #[test]
    fn an_unfollowed_import_leaves_no_trace() {
        let board = memory();
        let ticker = block_on(board.follow(None, 0));
        block_on(ticker.stage(ImportStage::Writing, 10));
        let ImportBoard::Memory(map) = &board else {
            unreachable!()
        };
        assert!(map.lock().map(|b| b.is_empty()).unwrap_or(false));
    }

    #[test]
    fn stages_keep_their_codes() {
        for stage in [ImportStage::Checking, ImportStage::Writing] {
            assert_eq!(stage_of(stage_code(stage)), stage);
        }
    }
}
