//! Upgrades that keep data (issue 18): a database in the schema of an earlier release (the
//! migrations up to withdrawals, 2026-11-30), holding records and photos, is migrated by the
//! server at start and serves them; a migration that fails leaves the database as it was and
//! the server refuses to start, saying why.
use crate::common::*;
use migration::MigratorTrait;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use serde_json::json;

/// The last migration of the earlier release the tests upgrade from.
const EARLIER_RELEASE: &str = "m20261130_000012_withdrawals";

/// Takes the database back to the earlier release's schema.
async fn to_earlier_release(db: &DatabaseConnection) {
    let names: Vec<String> = migration::Migrator::migrations()
        .iter()
        .map(|m| m.name().to_owned())
        .collect();
    let last = names.iter().position(|n| n == EARLIER_RELEASE).unwrap();
    migration::Migrator::down(db, Some((names.len() - last - 1) as u32))
        .await
        .unwrap();
}

async fn applied(db: &DatabaseConnection) -> i64 {
    count(db, "SELECT count(*) FROM seaql_migrations")
        .await
        .unwrap()
}

async fn count(db: &DatabaseConnection, sql: &str) -> Result<i64, sea_orm::DbErr> {
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?
        .unwrap();
    row.try_get_by_index(0)
}

db_test!(
    a_database_of_an_earlier_release_upgrades_keeping_its_records_and_photos,
    |app| {
        let member = app.login(DONGHU_MEMBER).await;
        let firm = enterprise_in(&app.pull(&member).await, "东湖工业一网格");
        let (id, photo) = (new_id(), new_id());
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0];
        jpeg.resize(1200, 42);
        let uploaded = member
            .put(app.url(&format!("/api/v1/photos/{photo}")))
            .header("content-type", "image/jpeg")
            .body(jpeg.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(uploaded.status(), 204);
        let mut record = visit(&id, firm, &app.today(), "升级前的走访");
        record["payload"]["photos"] = json!([photo]);
        let (_, answer) = app.push(&member, json!([record])).await;
        assert_eq!(answer["results"][0]["status"], "accepted", "{answer}");
        let visits = app.visit_count().await;

        to_earlier_release(&app.db).await;
        assert!(
            count(&app.db, "SELECT count(change_seq) FROM visit")
                .await
                .is_err(),
            "the earlier schema has no change numbers"
        );

        let upgraded = TestApp::start(app.database_url.clone(), None, None).await;
        assert_eq!(
            applied(&upgraded.db).await,
            migration::Migrator::migrations().len() as i64
        );
        assert_eq!(upgraded.visit_count().await, visits);
        let phone = upgraded.login(DONGHU_MEMBER).await;
        let pulled = upgraded.pull(&phone).await;
        let kept = pulled["visits"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["id"] == id)
            .expect("the visit is served after the upgrade");
        assert_eq!(kept["findings"], "升级前的走访");
        assert_eq!(kept["photos"], json!([photo]));
        let served = phone
            .get(upgraded.url(&format!("/api/v1/photos/{photo}")))
            .send()
            .await
            .unwrap();
        assert_eq!(served.status(), 200);
        assert_eq!(served.bytes().await.unwrap().to_vec(), jpeg);
    }
);

db_test!(
    a_failing_migration_leaves_the_database_as_it_was_and_stops_the_start,
    |app| {
        to_earlier_release(&app.db).await;
        let before = applied(&app.db).await;
        // Something an operator left behind that the change-sequence migration (the third of
        // five to apply) collides with.
        app.db
            .execute_unprepared("CREATE TABLE sync_sequence (note TEXT)")
            .await
            .unwrap();

        let refused =
            server::startup::Application::build(test_settings(&app.database_url, None)).await;
        let reason = refused
            .err()
            .expect("the server does not start")
            .to_string();
        assert!(
            reason.starts_with("a migration failed, so none was applied")
                && reason.contains("sync_sequence"),
            "{reason}"
        );
        assert_eq!(applied(&app.db).await, before, "no migration is recorded");
        assert!(
            count(&app.db, "SELECT count(*) FROM login_failure")
                .await
                .is_err(),
            "the migrations before the failing one are undone too"
        );

        app.db
            .execute_unprepared("DROP TABLE sync_sequence")
            .await
            .unwrap();
        let started = TestApp::start(app.database_url.clone(), None, None).await;
        assert_eq!(
            applied(&started.db).await,
            migration::Migrator::migrations().len() as i64
        );
    }
);
