//! Major events (重大事项) and annual plans (年度工作计划): pushed like other records, stored
//! once, edited by version; events are flagged for the township and the city until read, plans
//! shown on the township overview.
use crate::common::*;
use serde_json::{Value, json};

const GRID: &str = "东湖工业一网格";
const GRID_LEADER: &str = "13800000004";
const GRID_DEPUTY: &str = "13800000007";

fn event(
    app: &TestApp,
    id: &str,
    version: u32,
    grid: i64,
    enterprise: Option<i64>,
    title: &str,
) -> Value {
    json!({
        "id": id,
        "kind": "major_event",
        "version": version,
        "device_time_ms": 1_763_000_000_000i64,
        "payload": {
            "grid_id": grid,
            "enterprise_id": enterprise,
            "occurred_on": app.today(),
            "title": title,
            "details": "因订单不足全面停产",
            "impact": "预计本月产值减少约3000万元"
        }
    })
}

fn plan(id: &str, version: u32, grid: i64, year: i32, goals: &str) -> Value {
    json!({
        "id": id,
        "kind": "annual_plan",
        "version": version,
        "device_time_ms": 1_763_000_000_000i64,
        "payload": {
            "grid_id": grid,
            "year": year,
            "goals": goals,
            "measures": "每月例会",
            "schedule": "每季度一次统计之家活动"
        }
    })
}

fn outcome(answer: &Value, i: usize) -> (String, String) {
    let result = &answer["results"][i];
    (
        result["status"].as_str().unwrap().to_owned(),
        result["problems"][0]["code"]
            .as_str()
            .unwrap_or("")
            .to_owned(),
    )
}

async fn board(app: &TestApp, client: &reqwest::Client) -> (u16, Value) {
    app.call(client, "major_events", json!({})).await
}

async fn reminders(app: &TestApp, client: &reqwest::Client) -> Vec<String> {
    let list: Value = client
        .get(app.url("/api/v1/duties"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    list["reminders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["title"].as_str().unwrap().to_owned())
        .collect()
}

db_test!(
    a_major_event_is_flagged_for_township_and_city_until_read,
    at "2026-12-10T09:00:00+08:00",
    |app| {
        let member = app.login(DONGHU_MEMBER).await;
        let pulled = app.pull(&member).await;
        let grid = grid_id(&pulled, GRID);
        let firm = enterprise_in(&pulled, GRID);
        let id = new_id();

        // Sent with a visit, after it in the batch: both stored, the event once on a resend.
        let batch = json!([
            visit(&new_id(), firm, &app.today(), "走访"),
            event(app, &id, 1, grid, Some(firm), "某企业全面停产")
        ]);
        let (status, first) = app.push(&member, batch.clone()).await;
        assert_eq!(status, 200);
        assert_eq!(outcome(&first, 0).0, "accepted", "{first}");
        assert_eq!(outcome(&first, 1).0, "accepted", "{first}");
        let (_, again) = app.push(&member, json!([batch[1].clone()])).await;
        assert_eq!(again["results"][0], first["results"][1]);

        // The township leader and the city see it at once, unread, and are reminded of it.
        let township = app.login(DONGHU_LEADER).await;
        let city = app.login(CITY_ADMIN).await;
        for viewer in [&township, &city] {
            let (status, rows) = board(app, viewer).await;
            assert_eq!(status, 200, "{rows}");
            assert_eq!(rows.as_array().unwrap().len(), 1, "{rows}");
            assert_eq!(rows[0]["title"], "某企业全面停产");
            assert_eq!(rows[0]["reporter"], "李娜");
            assert!(rows[0]["enterprise_name"].is_string());
            assert!(rows[0]["read"].is_null());
            assert_eq!(
                reminders(app, viewer).await[0],
                "重大事项待阅：某企业全面停产"
            );
        }
        // Another township does not; a grid leader reviews nothing: an empty board; a grid
        // member has no office pages at all; neither may mark events read.
        let xiling = app.login(XILING_LEADER).await;
        assert_eq!(board(app, &xiling).await.1.as_array().unwrap().len(), 0);
        let grid_leader = app.login(GRID_LEADER).await;
        assert_eq!(board(app, &grid_leader).await, (200, json!([])));
        assert_eq!(board(app, &member).await.0, 403);
        for outsider in [&member, &grid_leader] {
            assert_eq!(
                app.call(
                    outsider,
                    "major_event_read",
                    json!({"id": id, "version": 1})
                )
                .await
                .0,
                403
            );
        }
        assert_eq!(
            app.call(&xiling, "major_event_read", json!({"id": id, "version": 1}))
                .await
                .0,
            403
        );

        // Read by the township: no longer waiting there, still waiting at the city, which
        // keeps its own mark.
        let (status, _) = app
            .call(
                &township,
                "major_event_read",
                json!({"id": id, "version": 1}),
            )
            .await;
        assert_eq!(status, 200);
        let (_, rows) = board(app, &township).await;
        assert!(rows[0]["acknowledge"].is_null(), "{rows}");
        assert!(
            reminders(app, &township)
                .await
                .iter()
                .all(|t| !t.starts_with("重大事项"))
        );
        let (_, rows) = board(app, &city).await;
        assert!(
            rows[0]["read"].as_str().unwrap().contains("陈晓岚"),
            "{rows}"
        );
        assert!(rows[0]["city_read"].is_null(), "{rows}");
        assert_eq!(rows[0]["acknowledge"], "市统计局确认已阅");
        assert_eq!(rows[0]["escalated"], false);

        // Past the city's time to read it, the bureau's leaders are reminded of it as
        // escalated and the board shows it so, to the township too.
        app.clock
            .advance(i64::from(app::domain::cadence::DEFAULT_CITY_READ_HOURS) * 3_600_000);
        let (city, township) = (app.login(CITY_ADMIN).await, app.login(DONGHU_LEADER).await);
        assert_eq!(board(app, &township).await.1[0]["escalated"], true);
        assert_eq!(board(app, &city).await.1[0]["escalated"], true);
        assert_eq!(
            reminders(app, &city).await[0],
            "重大事项超时未阅：某企业全面停产"
        );

        // The city acknowledges: its mark is its own, and nothing waits any more.
        let (status, _) = app
            .call(&city, "major_event_read", json!({"id": id, "version": 1}))
            .await;
        assert_eq!(status, 200);
        let (_, rows) = board(app, &city).await;
        assert!(
            rows[0]["city_read"].as_str().unwrap().contains("周明远"),
            "{rows}"
        );
        assert_eq!(rows[0]["escalated"], false);
        assert!(rows[0]["acknowledge"].is_null(), "{rows}");
        assert!(
            reminders(app, &city)
                .await
                .iter()
                .all(|t| !t.starts_with("重大事项"))
        );

        // An edit makes it news again; marking the old version read is refused.
        let (_, edited) = app
            .push(
                &member,
                json!([event(
                    app,
                    &id,
                    2,
                    grid,
                    Some(firm),
                    "某企业全面停产（更正）"
                )]),
            )
            .await;
        assert_eq!(outcome(&edited, 0).0, "accepted", "{edited}");
        let (_, rows) = board(app, &city).await;
        assert!(rows[0]["read"].is_null());
        assert!(rows[0]["city_read"].is_null(), "{rows}");
        assert_eq!(rows[0]["version"], 2);
        let (status, _) = app
            .call(&city, "major_event_read", json!({"id": id, "version": 1}))
            .await;
        assert_eq!(status, 422);
        // A stale version comes back as a conflict with the server's text.
        let (_, stale) = app
            .push(
                &member,
                json!([event(app, &id, 1, grid, Some(firm), "旧版本")]),
            )
            .await;
        assert_eq!(
            outcome(&stale, 0),
            ("conflict".into(), "stale_version".into())
        );
        assert_eq!(
            stale["results"][0]["current"]["payload"]["title"],
            "某企业全面停产（更正）"
        );
        // It comes back to the reporter's phone.
        let mine = &app.pull(&member).await["major_events"];
        assert_eq!(mine.as_array().unwrap().len(), 1);
        assert_eq!(mine[0]["version"], 2);
    }
);

db_test!(major_events_stay_within_the_reporters_grids, |app| {
    let member = app.login(DONGHU_MEMBER).await;
    let pulled = app.pull(&member).await;
    let grid = grid_id(&pulled, GRID);
    // Another grid of the township, as its leader's phone knows it.
    let township = app.pull(&app.login(DONGHU_LEADER).await).await;
    let other = grid_id(&township, "东湖工业二网格");
    let elsewhere = enterprise_in(&township, "东湖工业二网格");
    let (_, answer) = app
        .push(
            &member,
            json!([
                event(app, &new_id(), 1, other, None, "别的网格"),
                event(app, &new_id(), 1, grid, Some(elsewhere), "别的网格的企业"),
                event(app, &new_id(), 1, grid, None, "")
            ]),
        )
        .await;
    assert_eq!(outcome(&answer, 0).1, "grid_not_allowed", "{answer}");
    assert_eq!(outcome(&answer, 1).1, "enterprise_not_in_grid");
    assert_eq!(outcome(&answer, 2).1, "empty");
    assert_eq!(
        answer["results"][2]["problems"][0]["message"],
        "请填写事项标题"
    );
});

// On 10 December, long after the plan's due date of 31 March.
db_test!(
    two_plans_for_one_grid_and_year_filed_at_once_store_one_and_refuse_the_other,
    at "2026-12-10T09:00:00+08:00",
    |app| {
        let leader = app.login(GRID_LEADER).await;
        let deputy = app.login(GRID_DEPUTY).await;
        let grid = grid_id(&app.pull(&leader).await, GRID);
        for year in [2025, 2026, 2027] {
            let (a, b) = tokio::join!(
                app.push(&leader, json!([plan(&new_id(), 1, grid, year, "组长的计划")])),
                app.push(&deputy, json!([plan(&new_id(), 1, grid, year, "副组长的计划")]))
            );
            assert_eq!((a.0, b.0), (200, 200), "{a:?} {b:?}");
            let mut outcomes = [outcome(&a.1, 0), outcome(&b.1, 0)];
            outcomes.sort();
            assert_eq!(
                outcomes,
                [
                    ("accepted".into(), "".into()),
                    ("rejected".into(), "plan_exists".into())
                ],
                "{year}: {a:?} {b:?}"
            );
        }
    }
);

db_test!(
    one_annual_plan_per_grid_and_year_shown_to_the_township,
    at "2026-12-10T09:00:00+08:00",
    |app| {
        let leader = app.login(GRID_LEADER).await;
        let deputy = app.login(GRID_DEPUTY).await;
        let member = app.login(DONGHU_MEMBER).await;
        let grid = grid_id(&app.pull(&leader).await, GRID);
        let year = 2026;
        let id = new_id();

        let (_, first) = app
            .push(&leader, json!([plan(&id, 1, grid, year, "走访全覆盖")]))
            .await;
        assert_eq!(outcome(&first, 0).0, "accepted", "{first}");
        // A member may not plan; a second plan for the same grid and year is refused.
        let (_, refused) = app
            .push(&member, json!([plan(&new_id(), 1, grid, year, "x")]))
            .await;
        assert_eq!(outcome(&refused, 0).1, "grid_not_allowed");
        let (_, second) = app
            .push(&deputy, json!([plan(&new_id(), 1, grid, year, "另一份")]))
            .await;
        assert_eq!(outcome(&second, 0).1, "plan_exists", "{second}");

        // The deputy gets the plan by pull and edits it; the leader's stale edit is a conflict.
        let held = &app.pull(&deputy).await["plans"];
        assert_eq!(held[0]["draft"]["goals"], "走访全覆盖");
        let (_, edited) = app
            .push(
                &deputy,
                json!([plan(&id, 2, grid, year, "走访全覆盖，培训两次")]),
            )
            .await;
        assert_eq!(outcome(&edited, 0).0, "accepted");
        let (_, stale) = app
            .push(&leader, json!([plan(&id, 2, grid, year, "我的第2版")]))
            .await;
        assert_eq!(
            outcome(&stale, 0),
            ("conflict".into(), "stale_version".into())
        );
        assert_eq!(stale["results"][0]["current"]["version"], 2);

        // The township sees it on the overview with the plan duty's verdict.
        let township = app.login(DONGHU_LEADER).await;
        let (_, overview) = app
            .call(
                &township,
                "township_overview",
                json!({"query": {"scope": null, "month": null}}),
            )
            .await;
        let row = |name: &str| {
            overview["grids"]
                .as_array()
                .unwrap()
                .iter()
                .find(|g| g["grid_name"] == name)
                .unwrap()
                .clone()
        };
        assert_eq!(
            row(GRID)["plan"]["goals"],
            "走访全覆盖，培训两次",
            "{overview}"
        );
        assert_eq!(row(GRID)["plan"]["version"], 2);
        assert!(row("东湖工业二网格")["plan"].is_null());
        assert_eq!(row(GRID)["plan_status"]["status"], "late", "{overview}");
        assert_eq!(row("东湖工业二网格")["plan_status"]["status"], "overdue");
    }
);

db_test!(
    the_city_is_held_to_the_hours_its_policy_gives_it_to_read_an_event,
    at "2026-12-10T09:00:00+08:00",
    |app| {
        // The city gives itself 2 hours instead of the preset's day.
        let city = app.login(CITY_ADMIN).await;
        let (_, settings) = app.admin_call(&city, "cadence", json!({})).await;
        let mut policy = settings["policy"].clone();
        for rule in policy["rules"].as_array_mut().unwrap() {
            if rule["kind"]["kind"] == "major_event" {
                assert_eq!(rule["kind"]["city_read_hours"], 24, "{rule}");
                rule["kind"]["city_read_hours"] = json!(2);
            }
        }
        let (status, saved) = app
            .admin_call(&city, "cadence_save", json!({"policy": policy}))
            .await;
        assert_eq!(status, 200, "{saved}");

        let member = app.login(DONGHU_MEMBER).await;
        let grid = grid_id(&app.pull(&member).await, GRID);
        let id = new_id();
        let (_, pushed) = app
            .push(&member, json!([event(app, &id, 1, grid, None, "某企业失火停产")]))
            .await;
        assert_eq!(outcome(&pushed, 0).0, "accepted", "{pushed}");
        assert_eq!(board(app, &city).await.1[0]["escalated"], false);

        app.clock.advance(2 * 3_600_000);
        let city = app.login(CITY_ADMIN).await;
        let (_, rows) = board(app, &city).await;
        assert_eq!(rows[0]["escalated"], true, "{rows}");
        assert_eq!(rows[0]["city_read_hours"], 2);
        assert_eq!(reminders(app, &city).await[0], "重大事项超时未阅：某企业失火停产");
    }
);
