//! Sessions through the real server: rotation at login and password change, office time-outs
//! against a phone's weeks offline, one's list of sessions, an administrator ending them, the
//! sweep of expired sessions, and the cookie's name and flags over TLS.
use crate::common::*;
use app::db::session;
use reqwest::header::{COOKIE, SET_COOKIE};
use sea_orm::EntityTrait;
use serde_json::{Value, json};

const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;
const NEW_PASSWORD: &str = "黄鹤楼上看帆影2026";

/// A fresh login of `phone` on a device of its own: the client (with its cookies) and the
/// answer (token, profile).
async fn device(app: &TestApp, phone: &str) -> (reqwest::Client, Value) {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(reqwest::header::ORIGIN, app.base.parse().unwrap());
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .default_headers(headers)
        .user_agent(
            "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36",
        )
        .build()
        .unwrap();
    let body = app.logged_in(&client, phone).await.json().await.unwrap();
    (client, body)
}

async fn pull_status(app: &TestApp, client: &reqwest::Client) -> u16 {
    let response = client
        .get(app.url("/api/v1/sync/pull"))
        .send()
        .await
        .unwrap();
    response.status().as_u16()
}

async fn bearer_pull_status(app: &TestApp, token: &str) -> u16 {
    let response = reqwest::Client::new()
        .get(app.url("/api/v1/sync/pull"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    response.status().as_u16()
}

/// The township view, an office page's server function.
async fn township_status(app: &TestApp, client: &reqwest::Client) -> u16 {
    app.call(
        client,
        "township_overview",
        json!({"query": {"scope": null, "month": null}}),
    )
    .await
    .0
}

async fn sessions_of(app: &TestApp, client: &reqwest::Client) -> Vec<Value> {
    let (status, list) = app.call(client, "sessions", json!({})).await;
    assert_eq!(status, 200, "{list}");
    list.as_array().unwrap().clone()
}

/// The kind of every session in the database.
async fn session_kinds(app: &TestApp) -> Vec<String> {
    let sessions = session::Entity::find().all(&app.db).await.unwrap();
    sessions.into_iter().map(|s| s.kind).collect()
}

fn token(answer: &Value) -> String {
    answer["token"].as_str().unwrap().to_owned()
}

db_test!(two_logins_are_two_devices_each_with_its_own_token, |app| {
    let (phone, first) = device(app, DONGHU_MEMBER).await;
    let (tablet, second) = device(app, DONGHU_MEMBER).await;
    assert_ne!(token(&first), token(&second));
    assert_eq!(pull_status(app, &phone).await, 200);
    assert_eq!(pull_status(app, &tablet).await, 200);
    let listed = sessions_of(app, &phone).await;
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert!(listed.iter().all(|s| s["device"] == "Android · Chrome"));
    assert_eq!(
        listed.iter().filter(|s| s["this_device"] == true).count(),
        1
    );
});

db_test!(logging_in_again_on_a_device_retires_its_old_token, |app| {
    let (phone, first) = device(app, DONGHU_MEMBER).await;
    let again = phone
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"phone": DONGHU_MEMBER, "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    let again: Value = again.json().await.unwrap();
    assert_ne!(token(&again), token(&first));
    assert_eq!(bearer_pull_status(app, &token(&first)).await, 401);
    assert_eq!(pull_status(app, &phone).await, 200);
});

db_test!(
    a_password_change_ends_the_other_devices_and_the_old_token_of_this_one,
    |app| {
        let (phone, before) = device(app, DONGHU_MEMBER).await;
        let (other, _) = device(app, DONGHU_MEMBER).await;
        let changed = phone
            .post(app.url("/api/v1/auth/password"))
            .json(&json!({"current": PASSWORD, "new": NEW_PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_eq!(changed.status(), 200);
        let changed: Value = changed.json().await.unwrap();
        assert_ne!(token(&changed), token(&before));
        assert_eq!(pull_status(app, &phone).await, 200, "this device stays in");
        assert_eq!(bearer_pull_status(app, &token(&changed)).await, 200);
        assert_eq!(bearer_pull_status(app, &token(&before)).await, 401);
        assert_eq!(
            pull_status(app, &other).await,
            401,
            "the other device is out"
        );
    }
);

db_test!(
    an_office_session_is_refused_after_thirty_idle_minutes_while_the_phone_syncs_on,
    at "2026-12-10T09:00:00+08:00",
    |app| {
        let (leader, _) = device(app, DONGHU_LEADER).await;
        assert_eq!(township_status(app, &leader).await, 200);
        app.clock.advance(29 * MINUTE);
        assert_eq!(township_status(app, &leader).await, 200, "29 idle minutes");
        app.clock.advance(31 * MINUTE);
        let (status, body) = app
            .call(&leader, "township_overview", json!({"query": {"scope": null, "month": null}}))
            .await;
        assert_eq!(status, 401, "31 idle minutes: {body}");
        let export = leader
            .get(app.url("/api/v1/township/export/visits.csv"))
            .send()
            .await
            .unwrap();
        assert_eq!(export.status(), 401, "the office's JSON routes too");
        assert_eq!(pull_status(app, &leader).await, 200, "the phone's session lives on");
    }
);

db_test!(
    an_office_session_in_use_all_day_asks_the_password_after_twelve_hours,
    at "2026-12-10T08:00:00+08:00",
    |app| {
        let (leader, _) = device(app, DONGHU_LEADER).await;
        for _ in 0..35 {
            app.clock.advance(20 * MINUTE);
            assert_eq!(township_status(app, &leader).await, 200);
        }
        app.clock.advance(20 * MINUTE);
        assert_eq!(township_status(app, &leader).await, 401, "12 hours since login");
        // The password opens a new office session, the phone's untouched.
        let office = leader
            .post(app.url("/api/v1/auth/login"))
            .json(&json!({"phone": DONGHU_LEADER, "password": PASSWORD, "office": true}))
            .send()
            .await
            .unwrap();
        let cookies: Vec<_> = office.headers().get_all(SET_COOKIE).iter().collect();
        assert_eq!(cookies.len(), 1, "{cookies:?}");
        assert!(cookies[0].to_str().unwrap().starts_with("statgrid_office="));
        assert_eq!(township_status(app, &leader).await, 200);
        assert_eq!(pull_status(app, &leader).await, 200);
    }
);

db_test!(
    a_phone_session_still_pulls_after_seven_weeks_offline,
    at "2026-12-10T09:00:00+08:00",
    |app| {
        let (phone, _) = device(app, DONGHU_MEMBER).await;
        app.clock.advance(49 * DAY);
        assert_eq!(pull_status(app, &phone).await, 200);
        app.clock.advance(61 * DAY);
        assert_eq!(pull_status(app, &phone).await, 401, "61 days unused");
    }
);

db_test!(
    a_member_on_the_phone_is_refused_office_pages_not_asked_a_password,
    |app| {
        let (member, _) = device(app, DONGHU_MEMBER).await;
        assert_eq!(township_status(app, &member).await, 403);
        let kinds = session_kinds(app).await;
        assert_eq!(kinds, ["field"], "a member gets a phone session only");
    }
);

db_test!(ending_the_other_devices_keeps_this_one, |app| {
    let (phone, _) = device(app, DONGHU_LEADER).await;
    let (desk, _) = device(app, DONGHU_LEADER).await;
    let (tablet, _) = device(app, DONGHU_LEADER).await;
    let (status, ended) = app.call(&phone, "sessions_end_others", json!({})).await;
    assert_eq!(status, 200);
    assert_eq!(
        ended, 4,
        "two other devices, each with a phone and an office session"
    );
    assert_eq!(pull_status(app, &desk).await, 401);
    assert_eq!(township_status(app, &tablet).await, 401);
    assert_eq!(pull_status(app, &phone).await, 200);
    assert_eq!(township_status(app, &phone).await, 200);
    let listed = sessions_of(app, &phone).await;
    assert_eq!(listed.len(), 2);
    assert!(listed.iter().all(|s| s["this_device"] == true));
});

db_test!(one_session_of_the_list_can_be_ended, |app| {
    let (phone, _) = device(app, DONGHU_MEMBER).await;
    let (lost, _) = device(app, DONGHU_MEMBER).await;
    let listed = sessions_of(app, &phone).await;
    let other = listed.iter().find(|s| s["this_device"] == false).unwrap();
    assert_eq!(other["kind"], "field");
    let (status, _) = app
        .call(&phone, "session_end", json!({"handle": other["handle"]}))
        .await;
    assert_eq!(status, 200);
    assert_eq!(pull_status(app, &lost).await, 401);
    assert_eq!(pull_status(app, &phone).await, 200);
    // Another person's session cannot be ended so.
    let (someone, _) = device(app, XILING_MEMBER).await;
    let theirs = sessions_of(app, &someone).await[0]["handle"].clone();
    app.call(&phone, "session_end", json!({"handle": theirs}))
        .await;
    assert_eq!(pull_status(app, &someone).await, 200);
});

db_test!(an_administrator_ends_every_session_of_a_person, |app| {
    let (phone, answer) = device(app, DONGHU_MEMBER).await;
    let (tablet, _) = device(app, DONGHU_MEMBER).await;
    let admin = app.login(CITY_ADMIN).await;
    let person_id = answer["profile"]["person_id"].clone();
    let (status, body) = app
        .admin_call(
            &admin,
            "person_change",
            json!({"change": {"change": "end_sessions", "person_id": person_id}}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(pull_status(app, &phone).await, 401);
    assert_eq!(pull_status(app, &tablet).await, 401);
    let audit = admin
        .get(app.url("/api/v1/admin/audit"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        audit.contains("end_sessions") || audit.contains("退出全部设备"),
        "{audit}"
    );
});

db_test!(
    expired_sessions_are_deleted_from_the_table,
    at "2026-12-10T09:00:00+08:00",
    |app| {
        let (leader, _) = device(app, DONGHU_LEADER).await;
        app.clock.advance(13 * HOUR);
        // Met on its way, the expired office session goes; the next login sweeps the rest.
        assert_eq!(township_status(app, &leader).await, 401);
        device(app, DONGHU_MEMBER).await;
        let now = app.clock.now_ms();
        let left = session::Entity::find().all(&app.db).await.unwrap();
        assert!(left.iter().all(|s| s.expires_at_ms > now), "{left:?}");
        assert_eq!(left.iter().filter(|s| s.kind == "office").count(), 0);
        assert_eq!(left.len(), 2, "the leader's and the member's phone sessions");
    }
);

db_test!(
    behind_a_tls_proxy_the_cookies_are_host_prefixed_and_secure,
    |app| {
        let client = reqwest::Client::new();
        let login = client
            .post(app.url("/api/v1/auth/login"))
            .header("x-forwarded-proto", "https")
            .json(&json!({"phone": DONGHU_LEADER, "password": PASSWORD}))
            .send()
            .await
            .unwrap();
        let cookies: Vec<String> = login
            .headers()
            .get_all(SET_COOKIE)
            .iter()
            .map(|c| c.to_str().unwrap().to_owned())
            .collect();
        assert_eq!(cookies.len(), 2, "phone and office: {cookies:?}");
        for cookie in &cookies {
            assert!(cookie.starts_with("__Host-statgrid_"), "{cookie}");
            assert!(
                cookie.contains("; Path=/;") && cookie.ends_with("; Secure"),
                "{cookie}"
            );
            assert!(!cookie.contains("Domain"), "{cookie}");
        }
        let pair = cookies[0].split(';').next().unwrap().to_owned();
        let pull = |proto: &'static str| {
            client
                .get(app.url("/api/v1/sync/pull"))
                .header("x-forwarded-proto", proto)
                .header(COOKIE, pair.clone())
                .send()
        };
        assert_eq!(pull("https").await.unwrap().status(), 200);
        assert_eq!(
            pull("http").await.unwrap().status(),
            401,
            "not read off TLS"
        );
        let origin = app.base.replace("http://", "https://");
        let out = client
            .post(app.url("/api/v1/auth/logout"))
            .header("x-forwarded-proto", "https")
            .header(reqwest::header::ORIGIN, origin)
            .header(COOKIE, pair.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(out.status(), 200);
        let cleared: Vec<_> = out.headers().get_all(SET_COOKIE).iter().collect();
        assert!(cleared.iter().all(|c| {
            let c = c.to_str().unwrap();
            c.starts_with("__Host-statgrid_") && c.contains("Max-Age=0")
        }));
        assert_eq!(pull("https").await.unwrap().status(), 401, "logged out");

        let plain = client
            .post(app.url("/api/v1/auth/login"))
            .json(&json!({"phone": DONGHU_MEMBER, "password": PASSWORD}))
            .send()
            .await
            .unwrap();
        let cookie = plain.headers()[SET_COOKIE].to_str().unwrap();
        assert!(cookie.starts_with("statgrid_session=") && !cookie.contains("Secure"));
    }
);

db_test!(
    signing_out_of_the_office_pages_ends_their_session_and_leaves_the_phone_signed_in,
    |app| {
        let (leader, answer) = device(app, DONGHU_LEADER).await;
        let (status, door) = app.call(&leader, "office_door", json!({})).await;
        assert_eq!(status, 200);
        assert_eq!(door, json!({"open": {"name": "陈晓岚"}}), "{door}");
        let out = leader
            .post(app.url("/api/v1/auth/logout?office=true"))
            .send()
            .await
            .unwrap();
        assert_eq!(out.status(), 200);
        let cookies: Vec<_> = out.headers().get_all(SET_COOKIE).iter().collect();
        assert_eq!(cookies.len(), 1, "{cookies:?}");
        assert!(
            cookies[0]
                .to_str()
                .unwrap()
                .starts_with("statgrid_office=;")
        );
        let (_, door) = app.call(&leader, "office_door", json!({})).await;
        assert_eq!(
            door,
            json!("ask_password"),
            "the office pages ask the password again"
        );
        assert_eq!(township_status(app, &leader).await, 401);
        assert_eq!(
            pull_status(app, &leader).await,
            200,
            "the phone's cookie still pulls"
        );
        assert_eq!(bearer_pull_status(app, &token(&answer)).await, 200);
        let kinds = session_kinds(app).await;
        assert_eq!(
            kinds,
            ["field"],
            "the office session is gone from the database"
        );
    }
);
