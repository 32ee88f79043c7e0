//! The city administrator's status page (运行状态): the facts an operator needs, and the phones
//! silent for longer than the local setting, listed so that someone can call them.
use crate::common::*;
use serde_json::{Value, json};

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

db_test!(
    the_status_page_shows_the_database_the_last_backup_today_s_records_and_silent_phones,
    at "2026-12-01T10:00:00+08:00",
    |app| {
        // A member syncs a visit on 1 December, then puts the phone away.
        let quiet = app.login(DONGHU_MEMBER).await;
        let firm = enterprise_in(&app.pull(&quiet).await, "东湖工业一网格");
        let (status, _) = app
            .push(&quiet, json!([visit(&new_id(), firm, &app.today(), "十二月初的走访")]))
            .await;
        assert_eq!(status, 200);

        // Nine days later another member syncs two visits, and a backup is made.
        app.clock.advance(9 * DAY_MS);
        let busy = app.login(XILING_MEMBER).await;
        let theirs = enterprise_in(&app.pull(&busy).await, "西岭服务业网格");
        let today = app.today();
        let (status, answer) = app
            .push(
                &busy,
                json!([
                    visit(&new_id(), theirs, &today, "今天的走访一"),
                    visit(&new_id(), theirs, &today, "今天的走访二")
                ]),
            )
            .await;
        assert_eq!(status, 200, "{answer}");
        let folder = tempdir();
        let now = time::OffsetDateTime::from_unix_timestamp(app.clock.now_ms() / 1000).unwrap();
        let backup = server::backup::back_up(&app.database_url, &folder, now)
            .await
            .unwrap();

        let admin = app.login(CITY_ADMIN).await;
        let (status, page) = app.admin_call(&admin, "status", json!({})).await;
        assert_eq!(status, 200, "{page}");

        let database = page["database"].as_str().unwrap();
        let expected = match app.backend() {
            Backend::Sqlite => "SQLite 3.",
            Backend::Postgres => "PostgreSQL ",
        };
        assert!(database.starts_with(expected), "{database}");
        assert!(page["database_bytes"].as_i64().unwrap() > 0);
        let migrations: Vec<&str> = page["migrations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m.as_str().unwrap())
            .collect();
        use migration::MigratorTrait;
        assert_eq!(migrations.len(), migration::Migrator::migrations().len());
        let newest = migration::Migrator::migrations().last().unwrap().name().to_owned();
        assert_eq!(*migrations.last().unwrap(), newest);

        let file = backup.file.file_name().unwrap().to_str().unwrap();
        assert_eq!(page["last_backup"]["file_name"], file);
        assert_eq!(page["last_backup"]["bytes"].as_u64().unwrap(), backup.bytes);
        // The backup's own time, not the clock's when the page is read (it runs on).
        assert_eq!(page["last_backup"]["taken_at_ms"].as_i64().unwrap() / 1000, now.unix_timestamp());

        // Today's visits, not the one of nine days ago.
        assert_eq!(count_of(&page, "走访记录"), 2);
        assert_eq!(count_of(&page, "照片"), 0);

        // The quiet phone is listed with its number and grid; the busy one and the office are not.
        assert_eq!(page["silent_days"], 7);
        assert_eq!(page["silent_total"], 1, "{page}");
        let silent = &page["silent_phones"][0];
        assert_eq!(silent["phone"], DONGHU_MEMBER);
        assert!(silent["grids"].as_str().unwrap().contains("东湖工业一网格"), "{silent}");
        let silent_for = app.clock.now_ms() - silent["last_seen_ms"].as_i64().unwrap();
        assert!((9 * DAY_MS - 60_000..=9 * DAY_MS + 60_000).contains(&silent_for));

        // Once the quiet phone syncs again, it leaves the list.
        app.pull(&quiet).await;
        let (_, page) = app.admin_call(&admin, "status", json!({})).await;
        assert_eq!(page["silent_total"], 0, "{page}");
        std::fs::remove_dir_all(&folder).ok();
    }
);

db_test!(only_the_city_administrator_sees_the_status_page, |app| {
    for phone in [DONGHU_LEADER, DONGHU_MEMBER] {
        let client = app.login(phone).await;
        let (status, _) = app.admin_call(&client, "status", json!({})).await;
        assert_eq!(status, 403, "{phone}");
    }
    let (status, _) = app.admin_call(&app.browser(), "status", json!({})).await;
    assert_eq!(status, 401);
});

fn count_of(page: &Value, label: &str) -> u64 {
    page["today"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["label"] == label)
        .unwrap_or_else(|| panic!("{label} counted: {page}"))["count"]
        .as_u64()
        .unwrap()
}

fn tempdir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("statgrid-status-{}", new_id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
