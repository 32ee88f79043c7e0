//! The sync API: idempotent pushes, per-record answers, bad input.
use crate::common::*;
use serde_json::{Value, json};

db_test!(
    a_replayed_batch_is_stored_once_and_answered_the_same,
    |app| {
        {
            let client = app.login(DONGHU_MEMBER).await;
            let enterprise = enterprise_in(&app.pull(&client).await, "东湖工业一网格");
            let batch = json!([
                visit(&new_id(), enterprise, &app.today(), "核查了十月报表"),
                visit(&new_id(), enterprise, &app.today(), "宣传统计法"),
            ]);
            let (status, first) = app.push(&client, batch.clone()).await;
            assert_eq!(status, 200);
            let (_, second) = app.push(&client, batch).await;
            assert_eq!(first, second, "a replay gets the stored answer");
            assert!(
                first["results"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|r| r["status"] == "accepted")
            );
            assert_eq!(app.visit_count().await, 2);
        }
    }
);

db_test!(concurrent_replays_store_once, |app| {
    {
        let client = app.login(DONGHU_MEMBER).await;
        let enterprise = enterprise_in(&app.pull(&client).await, "东湖工业一网格");
        let batch = json!([visit(&new_id(), enterprise, &app.today(), "同时提交两次")]);
        let (a, b) = tokio::join!(
            app.push(&client, batch.clone()),
            app.push(&client, batch.clone())
        );
        assert_eq!(a.0, 200);
        assert_eq!(b.0, 200);
        assert_eq!(a.1["results"][0]["status"], "accepted");
        assert_eq!(b.1["results"][0]["status"], "accepted");
        assert_eq!(app.visit_count().await, 1);
    }
});

db_test!(
    bad_records_are_rejected_with_reasons_and_good_ones_still_stored,
    |app| {
        {
            let client = app.login(DONGHU_MEMBER).await;
            let pulled = app.pull(&client).await;
            let own = enterprise_in(&pulled, "东湖工业一网格");
            // An enterprise of another township, which the member cannot see.
            let admin = app.login(CITY_ADMIN).await;
            let foreign = enterprise_in(&app.pull(&admin).await, "西岭服务业网格");
            let mut unknown_purpose = visit(&new_id(), own, &app.today(), "目的不对");
            unknown_purpose["payload"]["purpose"] = json!("shopping");
            let mut not_a_visit = visit(&new_id(), own, &app.today(), "x");
            not_a_visit["kind"] = json!("lottery");
            let cases = [
                (visit(&new_id(), own, &app.today(), "   "), "findings_empty"),
                (
                    visit(&new_id(), own, &app.today(), &"字".repeat(2001)),
                    "findings_too_long",
                ),
                (
                    visit(&new_id(), own, "2999-01-01", "未来的走访"),
                    "date_in_future",
                ),
                (
                    visit(&new_id(), own, "2026-13-45", "日期错误"),
                    "date_malformed",
                ),
                (
                    visit(&new_id(), foreign, &app.today(), "别的乡镇的企业"),
                    "enterprise_not_allowed",
                ),
                (unknown_purpose, "purpose_unknown"),
                (not_a_visit, "unknown_kind"),
                (
                    json!({"id": new_id(), "kind": "visit", "version": 1, "device_time_ms": 0, "payload": {"x": 1}}),
                    "malformed_payload",
                ),
            ];
            let good = visit(&new_id(), own, &app.today(), &"字".repeat(2000));
            let mut records: Vec<Value> = cases.iter().map(|(r, _)| r.clone()).collect();
            records.push(good);
            let (status, answer) = app.push(&client, Value::Array(records)).await;
            assert_eq!(status, 200);
            let results = answer["results"].as_array().unwrap();
            for (i, (_, code)) in cases.iter().enumerate() {
                assert_eq!(results[i]["status"], "rejected", "case {code}");
                let problems = results[i]["problems"].as_array().unwrap();
                assert!(
                    problems.iter().any(|p| p["code"] == *code),
                    "case {code}: {problems:?}"
                );
                let message = problems[0]["message"].as_str().unwrap();
                assert!(
                    message
                        .chars()
                        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "Chinese: {message}"
                );
            }
            assert_eq!(results.last().unwrap()["status"], "accepted");
            assert_eq!(app.visit_count().await, 1, "only the good record is stored");
        }
    }
);

db_test!(
    malformed_json_gets_a_chinese_400_and_stores_nothing,
    |app| {
        {
            let client = app.login(DONGHU_MEMBER).await;
            let response = client
                .post(app.url("/api/v1/sync/push"))
                .header("content-type", "application/json")
                .body("{\"protocol\": 1, \"records\": [ {")
                .send()
                .await
                .unwrap();
            assert!(response.status().is_client_error());
            let body: Value = response.json().await.unwrap();
            assert!(
                body["error"]["message"]
                    .as_str()
                    .unwrap()
                    .starts_with("请求格式错误")
            );
            assert_eq!(app.visit_count().await, 0);
        }
    }
);

db_test!(an_oversized_batch_is_refused_whole, |app| {
    {
        let client = app.login(DONGHU_MEMBER).await;
        let enterprise = enterprise_in(&app.pull(&client).await, "东湖工业一网格");
        let records: Vec<Value> = (0..501)
            .map(|_| visit(&new_id(), enterprise, &app.today(), "批量"))
            .collect();
        let (status, body) = app.push(&client, Value::Array(records)).await;
        assert_eq!(status, 422);
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .contains("每批最多 500 条")
        );
        assert_eq!(app.visit_count().await, 0);
    }
});

db_test!(a_full_batch_of_500_is_stored, |app| {
    {
        let client = app.login(DONGHU_MEMBER).await;
        let enterprise = enterprise_in(&app.pull(&client).await, "东湖工业一网格");
        let records: Vec<Value> = (0..500)
            .map(|i| visit(&new_id(), enterprise, &app.today(), &format!("第{i}次")))
            .collect();
        let (status, body) = app.push(&client, Value::Array(records)).await;
        assert_eq!(status, 200);
        assert_eq!(body["results"].as_array().unwrap().len(), 500);
        assert_eq!(app.visit_count().await, 500);
    }
});

db_test!(
    a_record_sent_twice_in_one_batch_is_stored_once_and_its_edit_applied,
    |app| {
        {
            let client = app.login(DONGHU_MEMBER).await;
            let enterprise = enterprise_in(&app.pull(&client).await, "东湖工业一网格");
            let id = new_id();
            let first = visit(&id, enterprise, &app.today(), "同批两次");
            let mut edited = visit(&id, enterprise, &app.today(), "同批改过");
            edited["version"] = json!(2);
            let (status, body) = app
                .push(&client, json!([first.clone(), first, edited]))
                .await;
            assert_eq!(status, 200);
            let results = body["results"].as_array().unwrap();
            assert_eq!(results.len(), 3);
            assert!(results.iter().all(|r| r["status"] == "accepted"), "{body}");
            assert_eq!(
                results[0]["received_at_ms"], results[1]["received_at_ms"],
                "the copy is answered as the stored record"
            );
            assert_eq!(app.visit_count().await, 1);
            let pulled = app.pull(&client).await;
            let stored = pulled["visits"]
                .as_array()
                .unwrap()
                .iter()
                .find(|v| v["id"] == json!(id))
                .cloned()
                .unwrap();
            assert_eq!(stored["findings"], "同批改过");
            assert_eq!(stored["version"], 2);
        }
    }
);

db_test!(pushing_without_a_session_is_refused, |app| {
    {
        let response = reqwest::Client::new()
            .post(app.url("/api/v1/sync/push"))
            .json(&json!({"protocol": 1, "records": []}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 401);
    }
});

db_test!(
    pull_returns_the_persons_own_visits_after_the_cursor,
    |app| {
        {
            let member = app.login(DONGHU_MEMBER).await;
            let enterprise = enterprise_in(&app.pull(&member).await, "东湖工业一网格");
            let id = new_id();
            app.push(
                &member,
                json!([visit(&id, enterprise, &app.today(), "本人的记录")]),
            )
            .await;
            // The grid leader's own visit must not reach the member.
            let leader = app.login("13800000004").await;
            app.push(
                &leader,
                json!([visit(&new_id(), enterprise, &app.today(), "网格长的记录")]),
            )
            .await;
            let pulled = app.pull(&member).await;
            let visits = pulled["visits"].as_array().unwrap();
            assert_eq!(visits.len(), 1);
            assert_eq!(visits[0]["id"], id);
            let cursor = pulled["cursor"].as_i64().unwrap();
            let later: Value = member
                .get(app.url(&format!("/api/v1/sync/pull?after={cursor}")))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            assert_eq!(later["visits"].as_array().unwrap().len(), 0);
        }
    }
);

/// A pull as the phone makes it: after its cursor, naming the digest it holds under `param`
/// (`held`, or `directory` as phones of an earlier release do).
async fn pull_holding(
    app: &TestApp,
    client: &reqwest::Client,
    after: &Value,
    param: &str,
    digest: &Value,
) -> Value {
    let digest = digest.as_str().unwrap();
    let url = app.url(&format!("/api/v1/sync/pull?after={after}&{param}={digest}"));
    let response = client.get(url).send().await.unwrap();
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

async fn sql(app: &TestApp, statement: &str) {
    use sea_orm::ConnectionTrait;
    app.db.execute_unprepared(statement).await.unwrap();
}

db_test!(
    an_unchanged_directory_and_profile_are_not_sent_again,
    |app| {
        let member = app.login(DONGHU_MEMBER).await;
        let first = app.pull(&member).await;
        let digest = &first["directory_digest"];
        assert!(
            !first["directory"]["enterprises"]
                .as_array()
                .unwrap()
                .is_empty()
        );
        assert_eq!(first["profile"]["phone"], DONGHU_MEMBER);

        // The phone names the copy it holds and its cursor: nothing to send at all.
        let again = pull_holding(app, &member, &first["cursor"], "held", digest).await;
        assert_eq!(
            again,
            json!({"protocol": 1, "cursor": first["cursor"], "directory": null,
               "directory_digest": digest, "withdrawn": [], "visits": [], "reports": [],
               "activities": [], "trainings": [], "major_events": [], "plans": [],
               "analysis_meetings": [], "progress_reports": [], "score_sheets": []})
        );

        // A visit recorded since, in the member's grid: it comes, the directory does not.
        let enterprise = enterprise_in(&first, "东湖工业一网格");
        let (status, _) = app
            .push(
                &member,
                json!([visit(&new_id(), enterprise, &app.today(), "东湖走访")]),
            )
            .await;
        assert_eq!(status, 200);
        let newer = pull_holding(app, &member, &first["cursor"], "held", digest).await;
        assert_eq!(newer["visits"][0]["findings"], "东湖走访", "{newer}");
        assert!(newer["cursor"].as_i64() > first["cursor"].as_i64());
        assert!(newer["directory"].is_null() && newer["profile"].is_null());

        // The city renames an enterprise of the member's grid: the new directory comes, with
        // the profile, under a new digest.
        sql(
            app,
            &format!("UPDATE enterprise SET name = '云江新名称有限公司' WHERE id = {enterprise}"),
        )
        .await;
        let changed = pull_holding(app, &member, &first["cursor"], "held", digest).await;
        assert_ne!(&changed["directory_digest"], digest);
        assert_eq!(changed["profile"]["phone"], DONGHU_MEMBER);
        let names: Vec<&str> = changed["directory"]["enterprises"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["name"].as_str().unwrap())
            .collect();
        assert!(names.contains(&"云江新名称有限公司"), "{names:?}");
    }
);

db_test!(
    a_phone_s_poll_comes_as_it_is_and_its_directory_compressed,
    |app| {
        let member = app.login(DONGHU_MEMBER).await;
        let first = app.pull(&member).await;
        let as_a_phone = |path: String| {
            let request = member.get(app.url(&path));
            request
                .header("accept-encoding", PHONE_ACCEPT_ENCODING)
                .send()
        };
        let encoding = |answer: &reqwest::Response| {
            let value = answer.headers().get("content-encoding");
            value.map(|v| v.to_str().unwrap().to_owned())
        };

        let everything = as_a_phone("/api/v1/sync/pull?after=0".into())
            .await
            .unwrap();
        assert_eq!(
            encoding(&everything).as_deref(),
            Some("br"),
            "kilobytes of directory"
        );

        let digest = first["directory_digest"].as_str().unwrap();
        let poll = format!("/api/v1/sync/pull?after={}&held={digest}", first["cursor"]);
        let nothing_new = as_a_phone(poll).await.unwrap();
        assert_eq!(
            encoding(&nothing_new),
            None,
            "a few hundred bytes, one packet either way"
        );
        let answer: Value = nothing_new.json().await.unwrap();
        assert_eq!(answer["cursor"], first["cursor"]);
        assert!(answer["directory"].is_null(), "{answer}");
    }
);

db_test!(
    a_phone_of_an_earlier_release_is_still_sent_its_profile,
    |app| {
        let member = app.login(DONGHU_MEMBER).await;
        let first = app.pull(&member).await;
        let digest = &first["directory_digest"];
        let again = pull_holding(app, &member, &first["cursor"], "directory", digest).await;
        assert!(again["directory"].is_null(), "{again}");
        assert_eq!(again["profile"]["phone"], DONGHU_MEMBER, "{again}");
    }
);

db_test!(
    what_a_directory_or_profile_is_made_of_changes_the_digest_and_nothing_else_does,
    |app| {
        let member = app.login(DONGHU_MEMBER).await;
        let first = app.pull(&member).await;
        let person = first["profile"]["person_id"].as_i64().unwrap();
        let grid = first["profile"]["roles"][0]["grid_id"].as_i64().unwrap();
        let digest_after = |statement: String| {
            let (app, member, cursor) = (&app, &member, &first["cursor"]);
            async move {
                let before = pull_holding(app, member, cursor, "held", &json!("")).await;
                sql(app, &statement).await;
                let after = pull_holding(app, member, cursor, "held", &json!("")).await;
                (before["directory_digest"].clone(), after)
            }
        };
        for (statement, what) in [
            (
                format!("UPDATE grid SET name = '东湖新网格' WHERE id = {grid}"),
                "grid name",
            ),
            (
                format!("UPDATE person SET name = '王新名' WHERE id = {person}"),
                "own name",
            ),
            (
                format!(
                    "INSERT INTO role_assignment (person_id, grid_id, role) \
                     VALUES ({person}, {grid}, 'instructor')"
                ),
                "a new role",
            ),
            (
                format!(
                    "DELETE FROM role_assignment WHERE person_id = {person} AND role = 'instructor'"
                ),
                "a role ended",
            ),
        ] {
            let (before, after) = digest_after(statement).await;
            assert_ne!(after["directory_digest"], before, "{what}");
        }
        let renamed = pull_holding(app, &member, &first["cursor"], "held", &json!("")).await;
        assert_eq!(renamed["profile"]["name"], "王新名");
        let roles = renamed["profile"]["roles"].as_array().unwrap().len();
        assert_eq!(roles, 1, "the instructor role came and went: {renamed}");

        let (before, after) = digest_after(format!(
            "UPDATE person SET password_hash = password_hash WHERE id = {person}"
        ))
        .await;
        assert_eq!(
            after["directory_digest"], before,
            "a password is no part of it"
        );
    }
);

db_test!(
    a_change_in_another_grid_moves_the_cursor_and_reads_nothing,
    |app| {
        let member = app.login(DONGHU_MEMBER).await;
        let first = app.pull(&member).await;
        let digest = &first["directory_digest"];
        let other = app.login(XILING_MEMBER).await;
        let enterprise = enterprise_in(&app.pull(&other).await, "西岭服务业网格");
        let (status, _) = app
            .push(
                &other,
                json!([visit(&new_id(), enterprise, &app.today(), "西岭走访")]),
            )
            .await;
        assert_eq!(status, 200);
        let after = pull_holding(app, &member, &first["cursor"], "held", digest).await;
        assert!(
            after["cursor"].as_i64() > first["cursor"].as_i64(),
            "{after}"
        );
        assert_eq!(
            after["visits"],
            json!([]),
            "another grid's visit is not sent"
        );
        assert!(after["profile"].is_null() && after["directory"].is_null());
    }
);

db_test!(
    a_visit_resent_with_other_content_under_its_id_is_a_conflict_not_a_replay,
    |app| {
        let member = app.login(DONGHU_MEMBER).await;
        let enterprise = enterprise_in(&app.pull(&member).await, "东湖工业一网格");
        let id = new_id();
        let first = visit(&id, enterprise, &app.today(), "核查了十月报表");
        let (_, stored) = app.push(&member, json!([first.clone()])).await;
        let (_, replay) = app.push(&member, json!([first])).await;
        assert_eq!(replay, stored, "the same visit again is a replay");
        assert_eq!(app.visit_count().await, 1);

        // Changed on another phone (or by a broken client) without a new version.
        let changed = visit(&id, enterprise, &app.today(), "其实核查的是九月报表");
        let (status, answer) = app.push(&member, json!([changed.clone()])).await;
        assert_eq!(status, 200);
        let result = &answer["results"][0];
        assert_eq!(result["status"], "conflict", "{answer}");
        assert_eq!(result["problems"][0]["code"], "stale_version");
        assert_eq!(result["current"]["version"], 1);
        assert_eq!(result["current"]["payload"]["findings"], "核查了十月报表");
        let pulled = app.pull(&member).await;
        assert_eq!(pulled["visits"][0]["findings"], "核查了十月报表");

        // Kept by the user as the next version: an edit.
        let mut mine = changed;
        mine["version"] = json!(2);
        let (_, answer) = app.push(&member, json!([mine])).await;
        assert_eq!(answer["results"][0]["status"], "accepted", "{answer}");
        let pulled = app.pull(&member).await;
        assert_eq!(pulled["visits"][0]["findings"], "其实核查的是九月报表");
        assert_eq!(app.visit_count().await, 1);
    }
);
