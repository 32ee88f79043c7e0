//! The web's own attacks and mistakes, through the real server: changes sent from another
//! site, server functions fed another content type, the security headers, months far out of
//! range, spreadsheet formulas in exports, control characters in text, and requests axum
//! itself refuses, each answered in Chinese.
use crate::common::*;
use app::error::AppError;
use reqwest::header::{CONTENT_TYPE, COOKIE, ORIGIN};
use serde_json::{Value, json};

/// The Chinese message of an error body, in either shape: the JSON API's
/// `{"error": {"message"}}`, or a server function's `AppError`, whose client shows its text.
fn message(body: &Value) -> String {
    match body["error"]["message"].as_str() {
        Some(text) => text.to_owned(),
        None => serde_json::from_value::<AppError>(body.clone())
            .unwrap_or_else(|_| panic!("an error body: {body}"))
            .to_string(),
    }
}

fn is_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

async fn waiver_count(app: &TestApp) -> i64 {
    use sea_orm::ConnectionTrait;
    let row = app
        .db
        .query_one_raw(sea_orm::Statement::from_string(
            app.db.get_database_backend(),
            "SELECT COUNT(*) AS n FROM waiver",
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

db_test!(
    a_change_sent_from_another_site_is_refused_and_the_same_from_the_site_is_made,
    |app| {
        let leader = app.login(DONGHU_LEADER).await;
        let pulled = app.pull(&leader).await;
        let grid = pulled["directory"]["grids"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["name"] == "东湖工业二网格")
            .unwrap()["id"]
            .clone();
        let cookie = app.session_cookies(DONGHU_LEADER).await;
        let waive = |month: &str| {
            reqwest::Client::new()
                .post(app.url("/api/report_waive"))
                .header(COOKIE, &cookie)
                .json(&json!({"grid_id": grid, "month": month, "reason": "并入二网格"}))
        };
        let this_month = app.this_month();
        for (name, value) in [
            ("origin", "http://evil.example"),
            ("origin", "null"),
            ("sec-fetch-site", "cross-site"),
            ("sec-fetch-site", "same-site"),
        ] {
            let refused = waive(&this_month).header(name, value).send().await.unwrap();
            assert_eq!(refused.status(), 403, "{name}: {value}");
            let body: Value = refused.json().await.unwrap();
            assert_eq!(body["code"], "cross_site", "{body}");
            assert!(message(&body).contains("跨站请求已拒绝"), "{body}");
        }
        let no_origin = waive(&this_month).send().await.unwrap();
        assert_eq!(
            no_origin.status(),
            403,
            "a session cookie without an origin"
        );
        // A cross-site form can send text/plain without asking: refused whatever its origin.
        let form = reqwest::Client::new()
            .post(app.url("/api/report_waive"))
            .header(COOKIE, &cookie)
            .header(ORIGIN, "http://evil.example")
            .header(CONTENT_TYPE, "text/plain")
            .body(format!(
                r#"{{"grid_id":{grid},"month":"{this_month}","reason":"x"}}"#
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(form.status(), 403);
        assert_eq!(waiver_count(app).await, 0, "nothing was waived");

        let from_the_site = waive(&this_month)
            .header(ORIGIN, app.base.as_str())
            .send()
            .await
            .unwrap();
        assert_eq!(from_the_site.status(), 200);
        let previous = app.call(
            &leader,
            "report_board",
            json!({"scope": null, "month": null}),
        );
        let previous = previous.await.1["trend"]["months"][1]
            .as_str()
            .unwrap()
            .to_owned();
        let same_origin = waive(&previous)
            .header("sec-fetch-site", "same-origin")
            .send()
            .await
            .unwrap();
        assert_eq!(same_origin.status(), 200);
        assert_eq!(waiver_count(app).await, 2);
    }
);

db_test!(
    a_server_function_reads_json_only_and_says_so_in_chinese,
    |app| {
        let leader = app.login(DONGHU_LEADER).await;
        for content_type in ["text/plain", "application/x-www-form-urlencoded"] {
            let response = leader
                .post(app.url("/api/township_overview"))
                .header(CONTENT_TYPE, content_type)
                .body(r#"{"query":{"scope":null,"month":null}}"#)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 415, "{content_type}");
            let body: Value = response.json().await.unwrap();
            assert_eq!(body["code"], "unsupported_media_type");
            assert!(is_chinese(&message(&body)), "{body}");
        }
        let malformed = leader
            .post(app.url("/api/township_overview"))
            .header(CONTENT_TYPE, "application/json")
            .body(r#"{"query": "#)
            .send()
            .await
            .unwrap();
        assert_eq!(malformed.status(), 400, "not a 500");
        let body: Value = malformed.json().await.unwrap();
        assert_eq!(body["code"], "bad_request");
        assert!(is_chinese(&message(&body)), "{body}");
        let (status, body) = app
            .call(&leader, "township_overview", json!({"query": 5}))
            .await;
        assert_eq!((status, &body["code"]), (400, &json!("bad_request")));
        let huge = leader
            .post(app.url("/api/township_overview"))
            .json(&json!({"query": {"month": "x".repeat(3 * 1024 * 1024)}}))
            .send()
            .await
            .unwrap();
        assert_eq!(huge.status(), 413);
        let body: Value = huge.json().await.unwrap();
        assert!(message(&body).contains("过大"), "{body}");
    }
);

db_test!(
    every_answer_carries_the_security_headers_and_private_ones_are_not_stored,
    |app| {
        let leader = app.login(DONGHU_LEADER).await;
        let month = app.this_month();
        let answers = [
            ("/", false),
            ("/township", true),
            ("/api/v1/sync/pull?since=0", true),
            (
                &*format!("/api/v1/township/export/visits.csv?month={month}"),
                true,
            ),
        ];
        for (path, private) in answers {
            let response = leader.get(app.url(path)).send().await.unwrap();
            assert_eq!(response.status(), 200, "{path}");
            let headers = response.headers().clone();
            let header = |name: &str| {
                headers
                    .get(name)
                    .map(|v| v.to_str().unwrap().to_owned())
                    .unwrap_or_default()
            };
            let policy = header("content-security-policy");
            for directive in [
                "default-src 'self'",
                "'wasm-unsafe-eval'",
                "img-src 'self' blob: data:",
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'none'",
                "frame-ancestors 'none'",
                "form-action 'self'",
            ] {
                assert!(policy.contains(directive), "{path}: {policy}");
            }
            assert_eq!(header("x-frame-options"), "DENY", "{path}");
            assert_eq!(header("referrer-policy"), "same-origin", "{path}");
            assert_eq!(header("cache-control") == "no-store", private, "{path}");
            if path == "/township" || path == "/" {
                // The page's inline scripts carry the nonce the header allows.
                let nonce = policy
                    .split("'nonce-")
                    .nth(1)
                    .and_then(|rest| rest.split('\'').next())
                    .unwrap()
                    .to_owned();
                let html = response.text().await.unwrap();
                assert!(html.contains(&format!("<script type=\"module\" nonce=\"{nonce}\"")));
                assert!(
                    !html.contains("<script>"),
                    "no inline script without the nonce"
                );
            }
        }
    }
);

db_test!(
    each_page_starts_its_own_bundle_whatever_was_served_before,
    |app| {
        let leader = app.login(DONGHU_LEADER).await;
        // One process serves the four bundles: a page must not start the one of the page
        // rendered before it (Leptos' own script tags remember the first).
        for (path, bundle) in [
            ("/", "statgrid"),
            ("/township", "statgrid_township"),
            ("/sessions", "statgrid_office"),
            ("/settings", "statgrid_filing"),
            ("/records", "statgrid"),
        ] {
            let html = leader
                .get(app.url(path))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            let started: Vec<&str> = html
                .split("import(\"/pkg/")
                .skip(1)
                .filter_map(|rest| rest.split(".js").next())
                .collect();
            assert_eq!(started, [bundle], "{path}");
            assert!(
                html.contains(&format!("href=\"/pkg/{bundle}_bg.wasm\"")),
                "{path}"
            );
        }
    }
);

db_test!(
    months_before_2020_or_after_next_year_are_refused_in_chinese,
    |app| {
        let leader = app.login(DONGHU_LEADER).await;
        for month in ["-9999-01", "2019-12", "9999-12"] {
            let (status, body) = app
                .call(
                    &leader,
                    "report_board",
                    json!({"scope": null, "month": month}),
                )
                .await;
            assert_eq!(status, 400, "{month}: {body}");
            assert!(message(&body).contains("只能查看2020年至"), "{body}");
            let (status, body) = app
                .call(
                    &leader,
                    "township_overview",
                    json!({"query": {"scope": null, "month": month}}),
                )
                .await;
            assert_eq!(status, 400, "{month}: {body}");
            for file in ["reports.csv", "visits.xlsx"] {
                let export = leader
                    .get(app.url(&format!("/api/v1/township/export/{file}?month={month}")))
                    .send()
                    .await
                    .unwrap();
                assert_eq!(export.status(), 400, "{file} {month}");
                let body: Value = export.json().await.unwrap();
                assert!(message(&body).contains("只能查看2020年至"), "{body}");
            }
        }
        let (status, _) = app
            .call(
                &leader,
                "report_board",
                json!({"scope": null, "month": "2020-01"}),
            )
            .await;
        assert_eq!(status, 200, "the first month of 2020 is there");
    }
);

db_test!(
    a_visits_text_loses_its_control_characters_and_a_formula_stays_text_in_the_export,
    |app| {
        let member = app.login(DONGHU_MEMBER).await;
        let enterprise = enterprise_in(&app.pull(&member).await, "东湖工业一网格");
        let id = new_id();
        let findings = "@SUM(1+1)\u{0}核对\u{1b}台账\r\n第二行\u{202e}";
        let (status, body) = app
            .push(
                &member,
                json!([visit(&id, enterprise, &app.today(), findings)]),
            )
            .await;
        assert_eq!(status, 200, "{body}");
        let pulled = app.pull(&member).await;
        let kept = pulled["visits"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["id"] == id.as_str())
            .map(|v| v["findings"].clone());
        assert_eq!(kept, Some(json!("@SUM(1+1)核对台账\n第二行")), "{pulled}");

        let leader = app.login(DONGHU_LEADER).await;
        let csv = leader
            .get(app.url(&format!(
                "/api/v1/township/export/visits.csv?month={}",
                app.this_month()
            )))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(csv.contains("\"'@SUM(1+1)核对台账\n第二行\""), "{csv}");
    }
);

db_test!(
    an_enterprise_named_like_a_formula_is_exported_as_text,
    |app| {
        let admin = app.login(CITY_ADMIN).await;
        let (_, grids) = app.admin_call(&admin, "grids", json!({})).await;
        let grid = grids
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["name"] == "东湖工业一网格")
            .unwrap()["id"]
            .clone();
        let code = app::domain::credit_code::CreditCode::from_body("91339904MD7000001")
            .unwrap()
            .as_str()
            .to_owned();
        let fields = json!({
            "name": "=HYPERLINK(\"http://x\")", "credit_code": code, "industry": "industrial",
            "grid_id": grid, "above_scale": false, "cultivation": false,
            "statistician_name": "", "statistician_phone": ""
        });
        let (status, body) = app
            .admin_call(
                &admin,
                "enterprise_change",
                json!({"change": {"change": "add", "fields": fields}}),
            )
            .await;
        assert_eq!(status, 200, "{body}");
        let csv = admin
            .get(app.url("/api/v1/admin/export/enterprises.csv"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let line = csv.lines().find(|l| l.contains("HYPERLINK")).unwrap();
        assert!(
            line.starts_with("\"'=HYPERLINK(\"\"http://x\"\")\""),
            "{line}"
        );
    }
);

db_test!(
    requests_axum_itself_refuses_are_answered_in_chinese,
    |app| {
        let member = app.login(DONGHU_MEMBER).await;
        let leader = app.login(DONGHU_LEADER).await;
        let refusals = [
            (member.get(app.url("/api/v1/photos/not-a-uuid")), 400),
            (member.delete(app.url("/api/v1/auth/login")), 405),
            (
                leader.get(app.url("/api/v1/township/export/visits.csv?scope=abc")),
                400,
            ),
        ];
        for (request, status) in refusals {
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), status);
            let body: Value = response.json().await.unwrap();
            assert!(is_chinese(&message(&body)), "{body}");
        }
    }
);
