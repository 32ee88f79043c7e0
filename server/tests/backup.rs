//! Backups that restore (issue 18): a backup taken while a phone pushes visits with photos,
//! restored into a new database, serves every record acknowledged before it began, and every
//! photo of what it holds; a restore refuses a database in use and a damaged file.
use crate::common::*;
use sea_orm::{ConnectionTrait, Database, Statement};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Visits each push carries.
const BATCH: usize = 10;

/// Visits the phone pushes in all; the backup begins when a third are acknowledged.
/// `STATGRID_BACKUP_SYNC` sets it (the closing note of issue 18 ran 10,000).
fn sync_size() -> usize {
    std::env::var("STATGRID_BACKUP_SYNC")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300)
}

/// JPEG-looking bytes the server takes as a photo, different for each `n`.
fn jpeg(n: usize) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0];
    bytes.resize(1500, (n % 251) as u8);
    bytes
}

/// What the phone was told was stored: visit id → the photo it carries, by number.
type Acked = Arc<Mutex<BTreeMap<String, Option<(String, usize)>>>>;

/// Pushes `total` visits in batches, one with a photo each (while the photo quota lets it);
/// records what the server accepted.
async fn push_until(
    base: String,
    client: reqwest::Client,
    firm: i64,
    today: String,
    total: usize,
    acked: Acked,
) {
    let mut n = 0;
    while n < total {
        let mut batch = Vec::new();
        let mut photos = BTreeMap::new();
        for i in 0..BATCH {
            n += 1;
            let id = new_id();
            let mut record = visit(&id, firm, &today, &format!("第 {n} 次走访"));
            if i == 0 {
                let photo = new_id();
                let uploaded = client
                    .put(format!("{base}/api/v1/photos/{photo}"))
                    .header("content-type", "image/jpeg")
                    .body(jpeg(n))
                    .send()
                    .await
                    .unwrap();
                if uploaded.status() == 204 {
                    record["payload"]["photos"] = json!([photo]);
                    photos.insert(id.clone(), (photo, n));
                }
            }
            batch.push(record);
        }
        let response = client
            .post(format!("{base}/api/v1/sync/push"))
            .json(&json!({"protocol": 1, "records": batch}))
            .send()
            .await
            .unwrap();
        // The backup must not make the server refuse or fail a push.
        let status = response.status();
        let text = response.text().await.unwrap();
        assert_eq!(status, 200, "a push during the backup: {text}");
        let answer: Value = serde_json::from_str(&text).unwrap();
        let mut acked = acked.lock().unwrap();
        for result in answer["results"].as_array().unwrap() {
            assert_eq!(result["status"], "accepted", "{result}");
            let id = result["id"].as_str().unwrap().to_owned();
            let photo = photos.remove(&id);
            acked.insert(id, photo);
        }
    }
}

fn ids(acked: &Acked) -> BTreeSet<String> {
    acked.lock().unwrap().keys().cloned().collect()
}

async fn stored_visits(database_url: &str) -> BTreeSet<String> {
    let db = Database::connect(database_url).await.unwrap();
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT id FROM visit",
        ))
        .await
        .unwrap();
    db.close().await.unwrap();
    rows.iter()
        .map(|r| r.try_get::<uuid::Uuid>("", "id").unwrap().to_string())
        .collect()
}

db_test!(
    a_backup_taken_during_a_sync_restores_every_acknowledged_record_and_photo,
    |app| {
        let member = app.login(DONGHU_MEMBER).await;
        let firm = enterprise_in(&app.pull(&member).await, "东湖工业一网格");
        let at_start = stored_visits(&app.database_url).await;
        let total = sync_size();
        let acked: Acked = Default::default();
        let writer = tokio::spawn(push_until(
            app.base.clone(),
            member.clone(),
            firm,
            app.today(),
            total,
            acked.clone(),
        ));
        while ids(&acked).len() < total / 3 {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }

        // A backup can be quicker than one push: another is taken until a push was
        // acknowledged while one ran (the test is about that backup).
        let folder = tempfile_dir();
        let (mut before, mut backup, mut after);
        let mut attempts = 0;
        loop {
            attempts += 1;
            before = ids(&acked);
            let at = time::OffsetDateTime::now_utc() + time::Duration::seconds(attempts);
            backup = server::backup::back_up(&app.database_url, &folder, at)
                .await
                .expect("a backup while the phone pushes");
            after = ids(&acked);
            if after.len() > before.len() || attempts == 10 {
                break;
            }
        }
        writer.await.unwrap();
        let everything = ids(&acked);
        assert!(backup.bytes > 0);

        // Restored into a new database and served: what was acknowledged before the backup
        // began is there, nothing that was never acknowledged is.
        let (url, cleanup) = fresh_database(app.backend()).await;
        server::backup::restore(&backup.file, &url)
            .await
            .expect("restores");
        let restored_ids = stored_visits(&url).await;
        let new: BTreeSet<String> = restored_ids.difference(&at_start).cloned().collect();
        eprintln!(
            "backup of {} bytes: acknowledged {} before it began, {} when it ended, {} in all; \
         restored {}",
            backup.bytes,
            before.len(),
            after.len(),
            everything.len(),
            new.len()
        );
        assert!(
            before.is_subset(&new),
            "{} acknowledged visits missing",
            before.difference(&new).count()
        );
        assert!(
            new.is_subset(&everything),
            "the restore holds visits never acknowledged"
        );
        assert!(
            after.len() > before.len(),
            "the phone pushed while the backup was taken ({attempts} backups)"
        );

        let restored = TestApp::start(url, cleanup, None).await;
        let phone = restored.login(DONGHU_MEMBER).await;
        let pulled = restored.pull(&phone).await;
        let pulled_ids: BTreeSet<String> = pulled["visits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["id"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(
            pulled_ids, restored_ids,
            "the restored server serves what it holds"
        );
        let with_photos: Vec<(String, usize)> = {
            let acked = acked.lock().unwrap();
            new.iter().filter_map(|id| acked[id].clone()).collect()
        };
        assert!(!with_photos.is_empty());
        for (photo, n) in &with_photos {
            let response = phone
                .get(restored.url(&format!("/api/v1/photos/{photo}")))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 200, "photo {photo}");
            assert_eq!(response.bytes().await.unwrap().to_vec(), jpeg(*n));
        }
        // It goes on taking records, numbered after what it holds: the phone's next pull has them.
        let id = new_id();
        let (_, answer) = restored
            .push(
                &phone,
                json!([visit(&id, firm, &restored.today(), "恢复后")]),
            )
            .await;
        assert_eq!(answer["results"][0]["status"], "accepted", "{answer}");
        let cursor = pulled["cursor"].clone();
        let next: Value = phone
            .get(restored.url(&format!("/api/v1/sync/pull?after={cursor}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let next_ids: Vec<&str> = next["visits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["id"].as_str().unwrap())
            .collect();
        assert_eq!(next_ids, vec![id.as_str()], "{next}");
        restored.finish().await;
        std::fs::remove_dir_all(&folder).ok();
    }
);

db_test!(
    a_restore_refuses_a_database_in_use_and_a_damaged_backup,
    |app| {
        let folder = tempfile_dir();
        let backup =
            server::backup::back_up(&app.database_url, &folder, time::OffsetDateTime::now_utc())
                .await
                .unwrap();
        let refused = server::backup::restore(&backup.file, &app.database_url).await;
        assert!(
            matches!(refused, Err(server::backup::BackupError::NotEmpty)),
            "{refused:?}"
        );

        // Cut short, as a full disk leaves it: refused, and the new database is left empty.
        let bytes = std::fs::read(&backup.file).unwrap();
        let cut = folder.join(format!(
            "cut-{}",
            backup.file.file_name().unwrap().to_string_lossy()
        ));
        std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
        let (url, cleanup) = fresh_database(app.backend()).await;
        let refused = server::backup::restore(&cut, &url).await;
        assert!(refused.is_err(), "a damaged backup restored");
        assert_eq!(
            tables_in(&url).await,
            0,
            "the failed restore left tables behind"
        );
        drop_database(cleanup).await;
        std::fs::remove_dir_all(&folder).ok();
    }
);

async fn tables_in(database_url: &str) -> i64 {
    let db = Database::connect(database_url).await.unwrap();
    let sql = match db.get_database_backend() {
        sea_orm::DbBackend::Sqlite => "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
        _ => "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'",
    };
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap()
        .unwrap();
    db.close().await.unwrap();
    row.try_get_by_index(0).unwrap()
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("statgrid-backups-{}", new_id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A server with `STATGRID_BACKUP_DIR` backs up at start when the newest backup is older than
/// the interval, then keeps only the newest `STATGRID_BACKUP_KEEP`; other files stay.
#[tokio::test]
async fn scheduled_backups_start_when_due_and_keep_the_newest() {
    let folder = tempfile_dir();
    let day_ago = std::time::SystemTime::now() - Duration::from_secs(25 * 3600);
    for old in [
        "statgrid-20200101T000000Z.sqlite",
        "statgrid-20200201T000000Z.sqlite",
        "statgrid-20200301T000000Z.sqlite",
        "notes.txt",
    ] {
        let file = std::fs::File::create(folder.join(old)).unwrap();
        file.set_modified(day_ago).unwrap();
    }
    let (url, cleanup) = fresh_database(Backend::Sqlite).await;
    let settings = server::settings::Settings {
        database_url: url,
        address: "127.0.0.1:0".parse().unwrap(),
        site_root: std::env::temp_dir().join("statgrid-no-site"),
        backups: Some(server::backup::schedule::Schedule {
            dir: folder.clone(),
            every: Duration::from_secs(24 * 3600),
            keep: 2,
        }),
        ..server::settings::Settings::default()
    };
    let app = server::startup::Application::build(settings).await.unwrap();
    let mut names = Vec::new();
    for _ in 0..200 {
        tokio::time::sleep(Duration::from_millis(50)).await;
        names = server::backup::retention::names_in(&folder).unwrap();
        names.sort();
        if names.len() == 3 && !names.iter().any(|n| n.contains("20200101")) {
            break;
        }
    }
    let made: Vec<&String> = names
        .iter()
        .filter(|n| server::backup::retention::is_backup(n) && !n.starts_with("statgrid-2020"))
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.contains(&"notes.txt".to_owned()), "{names:?}");
    assert_eq!(made.len(), 1, "one new backup: {names:?}");
    assert!(
        names.contains(&"statgrid-20200301T000000Z.sqlite".to_owned()),
        "{names:?}"
    );
    drop(app);
    drop_database(cleanup).await;
    std::fs::remove_dir_all(&folder).ok();
}
