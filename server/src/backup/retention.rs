//! Backup files' names and which of them to keep: `statgrid-20261203T031500Z.sqlite`. The
//! fixed-width UTC time makes the names sort by age.
use std::path::Path;

pub const SQLITE_EXTENSION: &str = "sqlite";
pub const POSTGRES_EXTENSION: &str = "pgdump";
const PREFIX: &str = "statgrid-";
/// `20261203T031500Z`
const STAMP_LEN: usize = 16;

/// The name of a backup made at `at`.
pub fn file_name(at: time::OffsetDateTime, extension: &str) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{PREFIX}{:04}{:02}{:02}T{:02}{:02}{:02}Z.{extension}",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// Whether `name` is a whole backup's (not a partial one's, nor another file's).
pub fn is_backup(name: &str) -> bool {
    let Some((stem, extension)) = name.rsplit_once('.') else {
        return false;
    };
    let Some(stamp) = stem.strip_prefix(PREFIX) else {
        return false;
    };
    let bytes = stamp.as_bytes();
    [SQLITE_EXTENSION, POSTGRES_EXTENSION].contains(&extension)
        && bytes.len() == STAMP_LEN
        && bytes[8] == b'T'
        && bytes[15] == b'Z'
        && bytes[..8]
            .iter()
            .chain(&bytes[9..15])
            .all(u8::is_ascii_digit)
}

/// The backups beyond the newest `keep`, oldest last: those to delete.
pub fn beyond(names: &[String], keep: usize) -> Vec<String> {
    let mut backups: Vec<&String> = names.iter().filter(|n| is_backup(n)).collect();
    // Same prefix and width: the name's order is the time's.
    backups.sort_by(|a, b| b.cmp(a));
    backups.into_iter().skip(keep).cloned().collect()
}

/// The names of the files in `dir` (none when it does not exist yet).
pub fn names_in(dir: &Path) -> std::io::Result<Vec<String>> {
    match std::fs::read_dir(dir) {
        Ok(entries) => Ok(entries
            .filter_map(Result::ok)
            .filter_map(|e| e.file_name().into_string().ok())
            .collect()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(unix: i64) -> time::OffsetDateTime {
        time::OffsetDateTime::from_unix_timestamp(unix).unwrap()
    }

    #[test]
    fn a_name_says_when_in_utc() {
        let beijing_noon = at(1_764_734_400).to_offset(time::UtcOffset::from_hms(8, 0, 0).unwrap());
        assert_eq!(
            file_name(beijing_noon, SQLITE_EXTENSION),
            "statgrid-20251203T040000Z.sqlite"
        );
    }

    #[test]
    fn only_whole_backups_count() {
        assert!(is_backup("statgrid-20261203T031500Z.pgdump"));
        assert!(!is_backup("statgrid-20261203T031500Z.partial"));
        assert!(!is_backup("statgrid-2026120T3031500Z.sqlite"));
        assert!(!is_backup("notes-20261203T031500Z.sqlite"));
        assert!(!is_backup("statgrid.db"));
    }

    proptest! {
        #[test]
        fn the_newest_are_kept_and_other_files_left_alone(
            times in proptest::collection::btree_set(0i64..4_000_000_000, 0..40),
            keep in 0usize..20,
        ) {
            let mut names: Vec<String> =
                times.iter().map(|t| file_name(at(*t), SQLITE_EXTENSION)).collect();
            names.push("statgrid.db".into());
            names.push("statgrid-20261203T031500Z.partial".into());
            let gone = beyond(&names, keep);
            prop_assert_eq!(gone.len(), times.len().saturating_sub(keep));
            let oldest_kept = times.iter().rev().take(keep).min().copied();
            for name in &gone {
                prop_assert!(is_backup(name));
                if let Some(oldest_kept) = oldest_kept {
                    prop_assert!(name < &file_name(at(oldest_kept), SQLITE_EXTENSION));
                }
            }
        }
    }
}
