//! Logins that resist guessing: throttling by phone number and by client address (429 with
//! `Retry-After`, in Chinese), failed logins in the audit log, unknown phones answered like
//! wrong passwords, common passwords refused.
//!
//! The tests speak for several clients through `X-Forwarded-For` (the harness trusts its own
//! address as a proxy), and let time pass by moving the stored failures back.
use crate::common::*;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// A login attempt from `from`: status, `Retry-After` in seconds, and body.
async fn attempt(
    app: &TestApp,
    from: &str,
    phone: &str,
    password: &str,
) -> (u16, Option<u64>, Value) {
    let response = reqwest::Client::new()
        .post(app.url("/api/v1/auth/login"))
        .header("x-forwarded-for", from)
        .json(&json!({"phone": phone, "password": password}))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let retry_after = response
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().parse().unwrap());
    (status, retry_after, response.json().await.unwrap())
}

/// Lets `secs` seconds pass for the throttle: every stored failure becomes that much older.
async fn time_passes(app: &TestApp, secs: u64) {
    use sea_orm::ConnectionTrait;
    app.db
        .execute_unprepared(&format!(
            "UPDATE login_failure SET at_ms = at_ms - {}",
            secs * 1000
        ))
        .await
        .unwrap();
}

const FROM: &str = "203.0.113.7";

db_test!(
    the_sixth_wrong_password_in_a_minute_is_refused_with_when_to_try_again_even_the_right_one,
    |app| {
        for _ in 0..5 {
            let (status, _, _) = attempt(app, FROM, DONGHU_MEMBER, "wrong-password").await;
            assert_eq!(status, 401);
        }
        let (status, retry_after, body) = attempt(app, FROM, DONGHU_MEMBER, "wrong-password").await;
        assert_eq!(status, 429);
        let secs = retry_after.expect("Retry-After");
        assert!((1..=60).contains(&secs), "{secs}");
        assert_eq!(body["error"]["code"], "too_many_attempts");
        let message = body["error"]["message"].as_str().unwrap();
        assert!(message.starts_with("登录失败次数过多，请在 "), "{message}");
        assert!(message.ends_with("后再试"), "{message}");

        let (status, _, _) = attempt(app, FROM, DONGHU_MEMBER, PASSWORD).await;
        assert_eq!(status, 429, "the right password waits too");
    }
);

db_test!(
    once_the_wait_is_over_the_right_password_works_and_clears_the_phones_failures,
    |app| {
        for _ in 0..5 {
            attempt(app, FROM, DONGHU_MEMBER, "wrong-password").await;
        }
        let (_, retry_after, _) = attempt(app, FROM, DONGHU_MEMBER, PASSWORD).await;
        time_passes(app, retry_after.unwrap()).await;
        let (status, _, _) = attempt(app, FROM, DONGHU_MEMBER, PASSWORD).await;
        assert_eq!(status, 200);
        // The phone starts afresh: five more tries before a wait.
        for _ in 0..5 {
            let (status, _, _) = attempt(app, FROM, DONGHU_MEMBER, "wrong-password").await;
            assert_eq!(status, 401);
        }
    }
);

db_test!(
    twenty_failures_in_an_hour_lock_the_phone_for_longer_than_any_delay,
    |app| {
        let (mut failures, mut waited) = (0, 0);
        while failures < 20 {
            match attempt(app, FROM, DONGHU_MEMBER, "wrong-password").await {
                (401, _, _) => failures += 1,
                (429, Some(secs), _) => {
                    assert!(secs <= 300, "a delay, not yet the lock: {secs}");
                    time_passes(app, secs).await;
                    waited += secs;
                }
                other => panic!("{other:?}"),
            }
        }
        assert!(waited < 3600, "twenty failures within the hour: {waited} s");
        let (status, retry_after, body) = attempt(app, FROM, DONGHU_MEMBER, PASSWORD).await;
        assert_eq!(status, 429);
        let secs = retry_after.unwrap();
        assert!(secs > 300 && secs <= 3600, "{secs}");
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .contains("分钟后再试")
        );
        time_passes(app, secs).await;
        let (status, _, _) = attempt(app, FROM, DONGHU_MEMBER, PASSWORD).await;
        assert_eq!(
            status, 200,
            "the lock ends when the oldest failure is an hour old"
        );
    }
);

db_test!(
    one_address_guessing_many_phones_is_throttled_while_other_addresses_log_in,
    |app| {
        for i in 0..10 {
            let phone = format!("139000000{i:02}");
            let (status, _, _) = attempt(app, FROM, &phone, "wrong-password").await;
            assert_eq!(status, 401, "{phone}");
        }
        let (status, retry_after, _) = attempt(app, FROM, "13900000099", "wrong-password").await;
        assert_eq!(status, 429);
        assert!(retry_after.unwrap() >= 1);
        let (status, _, _) = attempt(app, FROM, DONGHU_MEMBER, PASSWORD).await;
        assert_eq!(status, 429, "the address waits, whatever the phone");
        let (status, _, _) = attempt(app, "198.51.100.4", DONGHU_MEMBER, PASSWORD).await;
        assert_eq!(status, 200, "another address is not held up");
    }
);

db_test!(failed_and_refused_logins_appear_in_the_audit_log, |app| {
    for _ in 0..6 {
        attempt(app, FROM, DONGHU_MEMBER, "wrong-password").await;
    }
    let (status, _, _) = attempt(app, "198.51.100.9", "13912345678", "guess").await;
    assert_eq!(status, 401);
    let admin = app.login(CITY_ADMIN).await;
    let audit: Value = admin
        .get(app.url("/api/v1/admin/audit"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let entries = audit.as_array().unwrap();
    let of = |action: &str| {
        entries
            .iter()
            .filter(|e| e["action"] == action)
            .collect::<Vec<_>>()
    };
    let failed = of("login_failed");
    assert_eq!(failed.len(), 6);
    // Newest first: the phone nobody has, with no person behind it.
    assert_eq!(failed[0]["person_name"], "");
    assert_eq!(failed[0]["target_key"], "139****5678");
    assert_eq!(failed[0]["after"], json!("\"198.51.100.9\""));
    assert_eq!(failed[1]["person_name"], "李娜");
    assert_eq!(failed[1]["target_key"], "138****0005");
    assert_eq!(failed[1]["after"], json!(format!("\"{FROM}\"")));
    assert_eq!(of("login_throttled").len(), 1);
    assert!(
        !audit.to_string().contains(DONGHU_MEMBER) && !audit.to_string().contains("13912345678"),
        "the phone number is masked"
    );
});

db_test!(
    an_unknown_phone_is_answered_like_a_wrong_password_and_as_slowly,
    |app| {
        let mut slowest_unknown = Duration::ZERO;
        let mut slowest_wrong = Duration::ZERO;
        for i in 0..3 {
            let from = format!("198.51.100.{i}");
            let started = Instant::now();
            let unknown = attempt(app, &from, "13912345678", "wrong-password").await;
            slowest_unknown = slowest_unknown.max(started.elapsed());
            let started = Instant::now();
            let wrong = attempt(app, &from, DONGHU_MEMBER, "wrong-password").await;
            slowest_wrong = slowest_wrong.max(started.elapsed());
            assert_eq!(unknown, wrong);
        }
        // Checking no password at all would answer an unknown phone about ten times faster.
        assert!(
            slowest_unknown * 3 > slowest_wrong,
            "unknown {slowest_unknown:?}, wrong password {slowest_wrong:?}"
        );
    }
);

db_test!(
    a_common_password_is_refused_at_password_change_in_chinese,
    |app| {
        let member = app.login(DONGHU_MEMBER).await;
        let change = |new: &str| {
            member
                .post(app.url("/api/v1/auth/password"))
                .json(&json!({"current": PASSWORD, "new": new}))
                .send()
        };
        let response = change("Password1").await.unwrap();
        assert_eq!(response.status(), 422);
        let body: Value = response.json().await.unwrap();
        assert_eq!(
            body["error"]["message"],
            "这个密码太常见，容易被猜中，请换一个"
        );
        let response = change("88888888").await.unwrap();
        assert_eq!(response.status(), 422);
        let response = change("yunjiang-grid-2026").await.unwrap();
        assert_eq!(response.status(), 200);
    }
);

db_test!(
    guessing_the_current_password_from_a_signed_in_session_is_throttled_like_a_login,
    |app| {
        let member = app.login(DONGHU_MEMBER).await;
        let change = |current: &str| {
            member
                .post(app.url("/api/v1/auth/password"))
                .header("x-forwarded-for", FROM)
                .json(&json!({"current": current, "new": "yunjiang-grid-2026"}))
                .send()
        };
        for _ in 0..5 {
            let response = change("wrong-password").await.unwrap();
            assert_eq!(response.status(), 422);
            let body: Value = response.json().await.unwrap();
            assert_eq!(body["error"]["message"], "原密码不正确");
        }
        let response = change(PASSWORD).await.unwrap();
        assert_eq!(response.status(), 429, "even the right one waits");
        assert!(response.headers().contains_key("retry-after"));
        // The phone's own login waits too: the guesses were the account's.
        let (status, _, _) = attempt(app, "198.51.100.20", DONGHU_MEMBER, PASSWORD).await;
        assert_eq!(status, 429);
        time_passes(app, 3600).await;
        let response = change(PASSWORD).await.unwrap();
        assert_eq!(response.status(), 200);
    }
);

db_test!(
    the_audit_log_keeps_its_entries_across_the_migration_that_lets_them_name_nobody,
    |app| {
        use app::db::audit_entry;
        use migration::{Migrator, MigratorTrait};
        use sea_orm::{ConnectionTrait, EntityTrait, PaginatorTrait};
        attempt(app, FROM, DONGHU_MEMBER, "wrong-password").await;
        attempt(app, FROM, "13912345678", "guess").await;
        let entries = || audit_entry::Entity::find().count(&app.db);
        let before = entries().await.unwrap();
        let nobody = "INSERT INTO audit_entry (person_id, at_ms, action, target_kind, target_key) \
                      VALUES (NULL, 0, 'login_failed', 'person', '139****0000')";

        // Back to before 000017, whatever came after it.
        let steps = Migrator::migrations()
            .iter()
            .rev()
            .position(|m| m.name() == "m20261202_000017_audit_without_person")
            .unwrap()
            + 1;
        Migrator::down(&app.db, Some(steps as u32)).await.unwrap();
        assert_eq!(
            entries().await.unwrap(),
            before - 1,
            "only nobody's entry goes"
        );
        assert!(
            app.db.execute_unprepared(nobody).await.is_err(),
            "a person is required again"
        );

        Migrator::up(&app.db, None).await.unwrap();
        assert_eq!(entries().await.unwrap(), before - 1, "every entry is kept");
        app.db.execute_unprepared(nobody).await.unwrap();
        let (status, _, _) = attempt(app, "198.51.100.9", DONGHU_MEMBER, PASSWORD).await;
        assert_eq!(status, 200, "the server works on the rebuilt table");
    }
);
