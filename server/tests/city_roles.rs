//! The city grid's roles as the documents give them (issue 14, item 1; 001 §三(二)1): the
//! statistics bureau, the city grid's 网格指导员, administers and reviews; the vice-mayor who
//! leads the city grid sees the whole city and its comparison but neither administers nor
//! reviews. And 权限一览's figures: who holds each role, by the kind of grid.
use crate::common::reports::*;
use crate::common::*;
use serde_json::json;

const VICE_MAYOR: &str = "13800000012";
const GRID_LEADER: &str = "13800000004";

db_test!(
    the_vice_mayor_sees_the_city_and_the_bureau_runs_it,
    at "2026-12-10T09:00:00+08:00",
    |app| {
        let leader = app.login(GRID_LEADER).await;
        let grid = grid_id(&app.pull(&leader).await, "东湖工业一网格");
        let id = new_id();
        let (_, pushed) = app
            .push(&leader, json!([report(app, &id, 1, grid, "本月走访全覆盖")]))
            .await;
        assert_eq!(status_of(&pushed), ("accepted", ""), "{pushed}");

        let mayor = app.login(VICE_MAYOR).await;
        // Sees every township's grids and the comparison...
        let pulled = app.pull(&mayor).await;
        grid_id(&pulled, "西岭服务业网格");
        let seen = board(app, &mayor).await;
        assert_eq!(seen["city"].as_array().unwrap().len(), 3, "{seen}");
        // ...but reviews nothing and administers nothing.
        assert_eq!(review(app, &mayor, &id, 1, "approve", "").await.0, 403);
        for endpoint in ["admin/people", "admin/cadence", "admin/role_holders"] {
            let (status, body) = app.call(&mayor, endpoint, json!({})).await;
            assert_eq!(status, 403, "{endpoint}: {body}");
        }

        // The bureau's director does both.
        let bureau = app.login(CITY_ADMIN).await;
        assert_eq!(review(app, &bureau, &id, 1, "approve", "").await.0, 200);
        let (status, _) = app.call(&bureau, "admin/people", json!({})).await;
        assert_eq!(status, 200);
    }
);

db_test!(the_permission_page_counts_who_holds_each_role, |app| {
    let bureau = app.login(CITY_ADMIN).await;
    let (status, holders) = app.call(&bureau, "admin/role_holders", json!({})).await;
    assert_eq!(status, 200, "{holders}");
    let people = |kind: &str, role: &str| {
        holders
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["kind"] == kind && h["role"] == role)
            .map_or(0, |h| h["people"].as_u64().unwrap())
    };
    assert_eq!(people("city", "instructor"), 1, "{holders}");
    assert_eq!(people("city", "leader"), 1, "{holders}");
    assert_eq!(people("township", "leader"), 2, "{holders}");
    assert_eq!(people("township", "instructor"), 1, "{holders}");
    assert_eq!(people("department", "leader"), 1, "{holders}");
    assert_eq!(people("work_area", "leader"), 1, "{holders}");
    // 孙立 instructs two enterprise grids: one person.
    assert_eq!(people("enterprise", "instructor"), 1, "{holders}");
    assert_eq!(people("city", "member"), 0, "{holders}");
});

/// The people the phone lists under `grid` for its records, by name.
fn listed(pull: &serde_json::Value, grid: i64) -> Vec<String> {
    let members = pull["directory"]["members"].as_array().unwrap();
    (members.iter())
        .filter(|m| m["grid_id"] == grid)
        .map(|m| m["name"].as_str().unwrap().to_owned())
        .collect()
}

fn person_named(pull: &serde_json::Value, name: &str) -> i64 {
    let members = pull["directory"]["members"].as_array().unwrap();
    let found = members.iter().find(|m| m["name"] == name);
    found.unwrap_or_else(|| panic!("{name} listed"))["person_id"]
        .as_i64()
        .unwrap()
}

fn city_training(app: &TestApp, city: i64, attendees: &[i64]) -> serde_json::Value {
    json!({
        "id": new_id(),
        "kind": "training",
        "version": 1,
        "device_time_ms": 1_763_000_000_000i64,
        "payload": {
            "grid_id": city,
            "title": "乡镇统计人员统计法培训",
            "training_date": app.today(),
            "organiser": "云江市统计局",
            "topic": "law",
            "session": "training",
            "hours": 3,
            "attendees": attendees
        }
    })
}

// 000 §三(二): the bureau trains the townships' statistics staff in law and business.
db_test!(the_bureau_trains_the_units_statistics_staff, |app| {
    let bureau = app.login(CITY_ADMIN).await;
    let pulled = app.pull(&bureau).await;
    let city = grid_id(&pulled, "云江市");
    // Under the city: the units' leaders, 分管领导 and staff, not every enterprise's statistician.
    let listed = listed(&pulled, city);
    for name in ["刘芳", "许文斌", "郑雅", "吴涛"] {
        assert!(listed.iter().any(|n| n == name), "{name} in {listed:?}");
    }
    assert!(!listed.iter().any(|n| n == "李娜"), "{listed:?}");

    let staff = person_named(&pulled, "刘芳");
    let instructor = person_named(&pulled, "许文斌");
    let (_, answer) = app
        .push(
            &bureau,
            json!([city_training(app, city, &[staff, instructor])]),
        )
        .await;
    assert_eq!(status_of(&answer), ("accepted", ""), "{answer}");
    let mine = &app.pull(&bureau).await["trainings"][0]["draft"];
    assert_eq!(mine["organiser"], "云江市统计局");

    // An enterprise grid's member is trained by the township, not listed for the city.
    let leader = app.login(GRID_LEADER).await;
    let li_na = person_named(&app.pull(&leader).await, "李娜");
    let (_, answer) = app
        .push(&bureau, json!([city_training(app, city, &[li_na])]))
        .await;
    assert_eq!(status_of(&answer).1, "attendee_not_member", "{answer}");
    // The vice-mayor who leads the city grid records nothing there.
    let mayor = app.login(VICE_MAYOR).await;
    let (_, answer) = app
        .push(&mayor, json!([city_training(app, city, &[staff])]))
        .await;
    assert_eq!(status_of(&answer).1, "grid_not_allowed", "{answer}");
});
