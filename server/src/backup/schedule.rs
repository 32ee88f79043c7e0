//! Scheduled backups (`STATGRID_BACKUP_DIR`): one when the newest in the folder is older than
//! the interval, then the oldest beyond the number kept are deleted. The newest file's age,
//! not a timer, decides, so a restart neither skips a backup nor makes an extra one.
use super::{back_up, retention};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// After a failed backup, when to try again.
const RETRY: Duration = Duration::from_secs(15 * 60);

#[derive(Debug, Clone)]
pub struct Schedule {
    pub dir: PathBuf,
    pub every: Duration,
    pub keep: usize,
}

pub async fn run(database_url: String, schedule: Schedule) {
    loop {
        let wait = match newest_made(&schedule.dir) {
            Some(made) => (made + schedule.every)
                .duration_since(SystemTime::now())
                .unwrap_or_default(),
            None => Duration::ZERO,
        };
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
            continue;
        }
        match back_up(
            &database_url,
            &schedule.dir,
            time::OffsetDateTime::now_utc(),
        )
        .await
        {
            Ok(backup) => {
                tracing::info!(file = %backup.file.display(), bytes = backup.bytes, "backup made");
                prune(&schedule.dir, schedule.keep);
            }
            Err(e) => {
                tracing::error!(error = %e, dir = %schedule.dir.display(), "backup failed");
                tokio::time::sleep(RETRY).await;
            }
        }
    }
}

/// When the newest whole backup in `dir` was written.
fn newest_made(dir: &Path) -> Option<SystemTime> {
    retention::names_in(dir)
        .ok()?
        .iter()
        .filter(|n| retention::is_backup(n))
        .filter_map(|n| std::fs::metadata(dir.join(n)).ok()?.modified().ok())
        .max()
}

fn prune(dir: &Path, keep: usize) {
    let names = match retention::names_in(dir) {
        Ok(names) => names,
        Err(e) => return tracing::error!(error = %e, "cannot list the backups"),
    };
    for name in retention::beyond(&names, keep) {
        match std::fs::remove_file(dir.join(&name)) {
            Ok(()) => tracing::info!(file = %name, "old backup deleted"),
            Err(e) => tracing::error!(file = %name, error = %e, "cannot delete an old backup"),
        }
    }
}
