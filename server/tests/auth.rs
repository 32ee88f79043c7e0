//! Login, sessions and health.
use crate::common::*;
use serde_json::{Value, json};

db_test!(health_reports_the_database_kind, |app| {
    let url = app.url("/healthz");
    {
        let response = reqwest::get(url).await.unwrap();
        assert_eq!(response.status(), 200);
        let body: Value = response.json().await.unwrap();
        assert!(["sqlite", "postgres"].contains(&body["database"].as_str().unwrap()));
    }
});

db_test!(
    a_wrong_password_is_refused_in_chinese_without_a_session,
    |app| {
        let url = app.url("/api/v1/auth/login");
        {
            let response = reqwest::Client::new()
                .post(url)
                .json(&json!({"phone": DONGHU_MEMBER, "password": "wrong-password"}))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 401);
            assert!(response.headers().get("set-cookie").is_none());
            let body: Value = response.json().await.unwrap();
            assert_eq!(body["error"]["code"], "bad_credentials");
            assert_eq!(body["error"]["message"], "手机号或密码错误");
        }
    }
);

db_test!(an_unknown_phone_answers_like_a_wrong_password, |app| {
    let url = app.url("/api/v1/auth/login");
    {
        let response = reqwest::Client::new()
            .post(url)
            .json(&json!({"phone": "13912345678", "password": PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 401);
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"]["code"], "bad_credentials");
    }
});

db_test!(a_malformed_phone_is_explained, |app| {
    let url = app.url("/api/v1/auth/login");
    {
        let response = reqwest::Client::new()
            .post(url)
            .json(&json!({"phone": "12", "password": PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 422);
        let body: Value = response.json().await.unwrap();
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .contains("手机号")
        );
    }
});

db_test!(
    login_sets_an_http_only_same_site_cookie_and_returns_the_profile,
    |app| {
        let url = app.url("/api/v1/auth/login");
        {
            let response = reqwest::Client::new()
                .post(url)
                .json(&json!({"phone": DONGHU_MEMBER, "password": PASSWORD}))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 200);
            let cookie = response.headers()["set-cookie"]
                .to_str()
                .unwrap()
                .to_owned();
            assert!(cookie.starts_with("statgrid_session="));
            assert!(cookie.contains("HttpOnly"));
            assert!(cookie.contains("SameSite=Lax"));
            assert!(!cookie.contains("Secure"), "plain HTTP here");
            let body: Value = response.json().await.unwrap();
            assert_eq!(body["profile"]["name"], "李娜");
            assert_eq!(body["profile"]["roles"][0]["role"], "member");
        }
    }
);

db_test!(the_login_token_also_works_as_a_bearer_token, |app| {
    let login_url = app.url("/api/v1/auth/login");
    let pull_url = app.url("/api/v1/sync/pull");
    {
        let client = reqwest::Client::new();
        let answer: Value = client
            .post(login_url)
            .json(&json!({"phone": DONGHU_MEMBER, "password": PASSWORD}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let token = answer["token"].as_str().unwrap();
        let response = client
            .get(&pull_url)
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let anonymous = client.get(&pull_url).send().await.unwrap();
        assert_eq!(anonymous.status(), 401);
    }
});

db_test!(after_logout_the_session_no_longer_works, |app| {
    {
        let client = app.login(DONGHU_MEMBER).await;
        let out = client
            .post(app.url("/api/v1/auth/logout"))
            .send()
            .await
            .unwrap();
        assert_eq!(out.status(), 200);
        let response = client
            .get(app.url("/api/v1/sync/pull"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 401);
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"]["message"], "登录已失效，请重新登录");
    }
});
