//! Progress of running imports, for the administrator's screen to poll while a large file is
//! written. Kept in memory: an import runs in one request on one server, and its entry goes
//! when that request ends, whatever the outcome.
use crate::admin::api::{ImportProgress, ImportStage};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use uuid::Uuid;

/// Every running import that asked to be followed, by the job id its page chose.
#[derive(Clone, Default)]
pub struct ImportBoard(Arc<Mutex<HashMap<Uuid, ImportProgress>>>);

impl ImportBoard {
    pub fn get(&self, job: Uuid) -> Option<ImportProgress> {
        self.0.lock().ok()?.get(&job).cloned()
    }

    /// Follows `job` until the returned ticker drops; `None` follows nothing.
    pub fn follow(&self, job: Option<Uuid>) -> ImportTicker {
        let ticker = ImportTicker {
            board: self.clone(),
            job,
        };
        ticker.stage(ImportStage::Checking, 0);
        ticker
    }
}

/// The import's handle on its board entry.
pub struct ImportTicker {
    board: ImportBoard,
    job: Option<Uuid>,
}

impl ImportTicker {
    pub fn stage(&self, stage: ImportStage, total: usize) {
        self.with(|p| {
            *p = ImportProgress {
                stage,
                done: 0,
                total,
            }
        });
    }

    pub fn advance(&self, rows: usize) {
        self.with(|p| p.done = (p.done + rows).min(p.total));
    }

    fn with(&self, change: impl FnOnce(&mut ImportProgress)) {
        let Some(job) = self.job else { return };
        if let Ok(mut board) = self.board.0.lock() {
            change(board.entry(job).or_insert(ImportProgress {
                stage: ImportStage::Checking,
                done: 0,
                total: 0,
            }));
        }
    }
}

impl Drop for ImportTicker {
    fn drop(&mut self) {
        if let (Some(job), Ok(mut board)) = (self.job, self.board.0.lock()) {
            board.remove(&job);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_followed_import_shows_its_rows_until_it_ends() {
        let board = ImportBoard::default();
        let job = Uuid::now_v7();
        let ticker = board.follow(Some(job));
        assert_eq!(board.get(job).map(|p| p.stage), Some(ImportStage::Checking));
        ticker.stage(ImportStage::Writing, 2500);
        ticker.advance(1000);
        ticker.advance(2000);
        assert_eq!(
            board.get(job),
            Some(ImportProgress {
                stage: ImportStage::Writing,
                done: 2500,
                total: 2500
            })
        );
        drop(ticker);
        assert_eq!(board.get(job), None);
    }

    #[test]
    fn an_unfollowed_import_leaves_no_trace() {
        let board = ImportBoard::default();
        let ticker = board.follow(None);
        ticker.stage(ImportStage::Writing, 10);
        assert!(board.0.lock().map(|b| b.is_empty()).unwrap_or(false));
    }
}
