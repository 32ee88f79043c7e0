//! The escape hatch when sync cannot happen: the person's unsynced records written to a file,
//! and such a file read back (on the same phone after a reset, or on a new one). Importing never
//! drops or doubles a record: ids decide, and the newer version wins.
use crate::sync::outbox::{OutboxRecord, StoredPhoto};
use crate::sync::words;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Names the file format, so a wrong file is told apart from a damaged one.
pub const FORMAT: &str = "statgrid-outbox";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxFile {
    pub format: String,
    pub version: u32,
    pub person_id: i32,
    pub exported_at_ms: i64,
    pub records: Vec<OutboxRecord>,
    /// The photos the records list, so they travel with them (absent from files made before
    /// photos existed).
    #[serde(default)]
    pub photos: Vec<StoredPhoto>,
}

/// The person's unsynced records.
pub fn unsynced(records: &[OutboxRecord], person_id: i32) -> Vec<OutboxRecord> {
    records
        .iter()
        .filter(|r| r.person_id == person_id && r.is_unsynced())
        .cloned()
        .collect()
}

/// The photos `records` list.
pub fn photo_ids(records: &[OutboxRecord]) -> Vec<Uuid> {
    records.iter().flat_map(|r| r.draft.photos()).collect()
}

/// The person's unsynced records with their photos (`photos` as read from the phone), as a
/// file's content.
pub fn export(
    records: &[OutboxRecord],
    photos: Vec<StoredPhoto>,
    person_id: i32,
    now_ms: i64,
) -> OutboxFile {
    let records = unsynced(records, person_id);
    let listed = photo_ids(&records);
    OutboxFile {
        format: FORMAT.to_owned(),
        version: 1,
        person_id,
        exported_at_ms: now_ms,
        photos: photos
            .into_iter()
            .filter(|p| listed.contains(&p.id))
            .collect(),
        records,
    }
}

/// Why a file could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("{}", words::NOT_A_RECORDS_FILE)]
    NotAnOutboxFile,
    #[error("{}", words::SOMEONE_ELSES_FILE)]
    OtherPerson,
}

/// What an import did, for the user.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// New on this phone, or newer than the version the phone held.
    pub added: usize,
    /// Already on the phone as the same or a newer version.
    pub already_here: usize,
}

/// What to write from a file: records, and the photos they list.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    pub records: Vec<OutboxRecord>,
    pub photos: Vec<StoredPhoto>,
    pub summary: ImportSummary,
}

/// Reads a file's text and picks the records to write: those the phone lacks, or holds only as
/// an older version, with their photos. The phone's own newer or synced versions are left alone.
pub fn import(text: &str, local: &[OutboxRecord], person_id: i32) -> Result<Import, ImportError> {
    let file: OutboxFile = serde_json::from_str(text).map_err(|_| ImportError::NotAnOutboxFile)?;
    if file.format != FORMAT {
        return Err(ImportError::NotAnOutboxFile);
    }
    if file.person_id != person_id {
        return Err(ImportError::OtherPerson);
    }
    let mut summary = ImportSummary::default();
    let mut to_store = Vec::new();
    for record in file
        .records
        .into_iter()
        .filter(|r| r.person_id == person_id)
    {
        let newer = local
            .iter()
            .find(|l| l.id == record.id)
            .is_none_or(|l| l.is_unsynced() && l.version < record.version);
        if newer {
            summary.added += 1;
            to_store.push(record);
        } else {
            summary.already_here += 1;
        }
    }
    let listed = photo_ids(&to_store);
    Ok(Import {
        photos: file
            .photos
            .into_iter()
            .filter(|p| p.person_id == person_id && listed.contains(&p.id))
            .collect(),
        records: to_store,
        summary,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::sync::outbox::RecordState;
    use crate::sync::outbox::tests::record;

    #[test]
    fn only_the_persons_unsynced_records_are_exported() {
        let pending = record(1, 1, RecordState::Pending);
        let synced = record(1, 2, RecordState::Synced { received_at_ms: 3 });
        let others = record(2, 3, RecordState::Pending);
        let file = export(&[pending.clone(), synced, others], Vec::new(), 1, 99);
        assert_eq!(file.records, vec![pending]);
        assert_eq!((file.person_id, file.exported_at_ms), (1, 99));
    }

    #[test]
    fn a_file_read_back_on_an_empty_phone_restores_every_record() {
        let records = vec![
            record(1, 1, RecordState::Pending),
            record(1, 2, RecordState::Pending),
        ];
        let text = serde_json::to_string(&export(&records, Vec::new(), 1, 5)).unwrap();
        let imported = import(&text, &[], 1).unwrap();
        assert_eq!(imported.records, records);
        assert_eq!(
            imported.summary,
            ImportSummary {
                added: 2,
                already_here: 0
            }
        );
    }

    #[test]
    fn importing_twice_or_over_newer_work_changes_nothing() {
        let old = record(1, 1, RecordState::Pending);
        let text =
            serde_json::to_string(&export(std::slice::from_ref(&old), Vec::new(), 1, 5)).unwrap();
        // The same file again: already here.
        let again = import(&text, std::slice::from_ref(&old), 1).unwrap();
        assert!(again.records.is_empty());
        assert_eq!(again.summary.already_here, 1);
        // The phone has since edited it (version 2) or synced it: the file's version 1 loses.
        let mut edited = old.clone();
        edited.version = 2;
        assert!(import(&text, &[edited], 1).unwrap().records.is_empty());
        let mut synced = old.clone();
        synced.state = RecordState::Synced { received_at_ms: 8 };
        assert!(import(&text, &[synced], 1).unwrap().records.is_empty());
        // A newer version in the file replaces an older unsynced one on the phone.
        let mut newer = old.clone();
        newer.version = 3;
        let text =
            serde_json::to_string(&export(std::slice::from_ref(&newer), Vec::new(), 1, 6)).unwrap();
        assert_eq!(import(&text, &[old], 1).unwrap().records, vec![newer]);
    }

    #[test]
    fn photos_travel_with_the_records_that_list_them() {
        let photo = |id| StoredPhoto {
            id,
            person_id: 1,
            data_url: "data:image/jpeg;base64,/9j/".into(),
            uploaded: false,
        };
        let (listed, stray) = (Uuid::now_v7(), Uuid::now_v7());
        let mut pending = record(1, 1, RecordState::Pending);
        if let crate::sync::outbox::RecordDraft::Visit(v) = &mut pending.draft {
            v.photos = vec![listed];
        }
        let file = export(
            std::slice::from_ref(&pending),
            vec![photo(listed), photo(stray)],
            1,
            5,
        );
        assert_eq!(file.photos, vec![photo(listed)]);
        let text = serde_json::to_string(&file).unwrap();
        let imported = import(&text, &[], 1).unwrap();
        assert_eq!(imported.photos, vec![photo(listed)]);
        // A file from before photos existed still reads.
        let mut old: serde_json::Value = serde_json::from_str(&text).unwrap();
        old.as_object_mut().unwrap().remove("photos");
        assert_eq!(import(&old.to_string(), &[], 1).unwrap().records.len(), 1);
    }

    #[test]
    fn wrong_files_are_refused_in_words() {
        assert_eq!(
            import("{\"a\":1}", &[], 1),
            Err(ImportError::NotAnOutboxFile)
        );
        assert_eq!(
            import("不是文件", &[], 1),
            Err(ImportError::NotAnOutboxFile)
        );
        let text = serde_json::to_string(&export(&[], Vec::new(), 2, 5)).unwrap();
        assert_eq!(import(&text, &[], 1), Err(ImportError::OtherPerson));
        assert_eq!(
            ImportError::OtherPerson.to_string(),
            "这个文件是其他人导出的记录，请用导出它的账号登录后再导入"
        );
    }
}
