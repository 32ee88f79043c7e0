//! 统计之家 (001 §三(四)5): a township registers the rooms its grids meet in; the register counts
//! the activities held in each this year; the phones of the grids below carry the homes for
//! the activity form; the city sees every unit's; no one else's register is theirs to change.
use crate::common::*;
use serde_json::{Value, json};

fn home(name: &str, opened_on: &str) -> Value {
    json!({"name": name, "address": "东湖镇人民政府三楼", "opened_on": opened_on,
        "note": "可容纳 30 人，工作日开放"})
}

async fn save(
    app: &TestApp,
    who: &reqwest::Client,
    grid: i64,
    id: Option<i64>,
    home: Value,
) -> (u16, Value) {
    app.call(
        who,
        "stats_home_save",
        json!({"grid_id": grid, "id": id, "home": home}),
    )
    .await
}

/// Each home's name with the activities held in it this year.
fn held(homes: &Value) -> Vec<(&str, u64)> {
    (homes["homes"].as_array().unwrap().iter())
        .map(|h| {
            (
                h["name"].as_str().unwrap(),
                h["activities"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// An activity of `grid` today at `place`, pushed by `who` (person `me`).
async fn held_at(app: &TestApp, who: &reqwest::Client, grid: i64, me: i64, place: &str) {
    let record = json!({
        "id": new_id(), "kind": "activity", "version": 1, "device_time_ms": 1_763_000_000_000i64,
        "payload": {"grid_id": grid, "activity_type": "study", "activity_date": app.today(),
            "place": place, "participants": [me], "summary": "学习统计法", "spend_yuan": ""}
    });
    let (status, answer) = app.push(who, json!([record])).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["results"][0]["status"], "accepted", "{answer}");
}

db_test!(
    a_township_registers_its_homes_and_sees_the_activities_held_there,
    at "2026-12-04T09:00:00+08:00",
    |app| {
        let leader = app.login(DONGHU_LEADER).await;
        let donghu = grid_id(&app.pull(&leader).await, "东湖镇");
        let (status, empty) = app
            .call(&leader, "stats_homes", json!({"grid_id": donghu}))
            .await;
        assert_eq!(status, 200, "{empty}");
        assert_eq!(held(&empty), []);
        assert_eq!(empty["may_edit"], true);

        // One home: the member's phone offers it by name, and a place saying just 统计之家
        // was held there.
        let (status, homes) = save(app, &leader, donghu, None, home("东湖镇统计之家", "2025-06-01")).await;
        assert_eq!(status, 200, "{homes}");
        let member = app.login(DONGHU_MEMBER).await;
        let pulled = app.pull(&member).await;
        let grid = grid_id(&pulled, "东湖工业一网格");
        let offered = &pulled["directory"]["stats_homes"];
        assert_eq!(offered, &json!([{"grid_id": grid, "name": "东湖镇统计之家"}]));
        let me = pulled["profile"]["person_id"].as_i64().unwrap();
        held_at(app, &member, grid, me, "统计之家").await;
        held_at(app, &member, grid, me, "东湖镇统计之家二楼").await;
        held_at(app, &member, grid, me, "企业会议室").await;
        let (_, homes) = app
            .call(&leader, "stats_homes", json!({"grid_id": donghu}))
            .await;
        assert_eq!(held(&homes), [("东湖镇统计之家", 2)]);
        assert_eq!(homes["held_elsewhere"], 1);

        // A second home: the bare words no longer say which.
        let (status, homes) =
            save(app, &leader, donghu, None, home("东湖工业园统计之家", "2026-03-01")).await;
        assert_eq!(status, 200, "{homes}");
        assert_eq!(held(&homes), [("东湖镇统计之家", 1), ("东湖工业园统计之家", 0)]);
        assert_eq!(homes["held_elsewhere"], 2);

        // Refused in words, keeping nothing: a name twice, a day ahead, nothing typed.
        let (status, refused) =
            save(app, &leader, donghu, None, home("东湖镇统计之家", "2025-06-01")).await;
        assert_eq!(status, 422);
        assert!(refused.to_string().contains("本单位已登记名为“东湖镇统计之家”的统计之家"), "{refused}");
        let (status, refused) = save(app, &leader, donghu, None, home("新站", "2026-12-05")).await;
        assert_eq!(status, 422);
        assert!(refused.to_string().contains("启用日期不能晚于今天"), "{refused}");
        let (status, refused) = save(app, &leader, donghu, None, json!({"name": "", "address": "",
            "opened_on": "", "note": ""})).await;
        assert_eq!(status, 422);
        let words = refused.to_string();
        assert!(words.contains("请填写名称") && words.contains("请填写地址"), "{words}");

        // Renamed: the place that named the old name no longer counts, and the phone is told.
        let id = homes["homes"][1]["id"].as_i64().unwrap();
        let cursor = app.pull(&member).await["directory_digest"].clone();
        let (status, homes) =
            save(app, &leader, donghu, Some(id), home("东湖镇统计之家二楼", "2026-03-01")).await;
        assert_eq!(status, 200, "{homes}");
        assert_eq!(held(&homes), [("东湖镇统计之家", 0), ("东湖镇统计之家二楼", 1)]);
        let pulled = app.pull(&member).await;
        assert_ne!(pulled["directory_digest"], cursor, "a home's change is a directory change");
        assert_eq!(pulled["directory"]["stats_homes"].as_array().unwrap().len(), 2);

        // Removed: gone from the register, kept in the audit log.
        let (status, homes) = app
            .call(&leader, "stats_home_remove", json!({"grid_id": donghu, "id": id}))
            .await;
        assert_eq!(status, 200, "{homes}");
        assert_eq!(held(&homes), [("东湖镇统计之家", 2)]);
        let admin = app.login(CITY_ADMIN).await;
        let (_, log) = app.admin_call(&admin, "audit", json!({})).await;
        let log = log.to_string();
        for action in ["add_stats_home", "change_stats_home", "remove_stats_home"] {
            assert!(log.contains(action), "{action} in {log}");
        }
    }
);

db_test!(
    only_the_unit_and_the_bureau_keep_its_homes_and_the_city_sees_all,
    |app| {
        let city = app.login(CITY_ADMIN).await;
        let pulled = app.pull(&city).await;
        let xiling = grid_id(&pulled, "西岭街道");
        let (status, homes) = save(
            app,
            &city,
            xiling,
            None,
            home("西岭街道统计之家", "2024-09-01"),
        )
        .await;
        assert_eq!(status, 200, "{homes}");

        // 东湖镇's leader neither reads nor changes 西岭街道's register, nor removes its home by
        // naming their own township.
        let donghu_leader = app.login(DONGHU_LEADER).await;
        let donghu = grid_id(&app.pull(&donghu_leader).await, "东湖镇");
        let (status, _) = app
            .call(&donghu_leader, "stats_homes", json!({"grid_id": xiling}))
            .await;
        assert_eq!(status, 403);
        assert_eq!(
            save(
                app,
                &donghu_leader,
                xiling,
                None,
                home("某处", "2025-01-01")
            )
            .await
            .0,
            403
        );
        let id = homes["homes"][0]["id"].as_i64().unwrap();
        let (status, body) = app
            .call(
                &donghu_leader,
                "stats_home_remove",
                json!({"grid_id": donghu, "id": id}),
            )
            .await;
        assert_eq!(status, 422, "{body}");

        // A grid member reads no register, and keeps none.
        let member = app.login(DONGHU_MEMBER).await;
        let (status, _) = app
            .call(&member, "stats_homes", json!({"grid_id": donghu}))
            .await;
        assert_eq!(status, 403);

        // The city: every unit with its homes, and no form of its own.
        let city_grid = grid_id(&pulled, "云江市");
        let (status, all) = app
            .call(&city, "stats_homes", json!({"grid_id": city_grid}))
            .await;
        assert_eq!(status, 200, "{all}");
        assert_eq!(all["may_edit"], false);
        let units = all["units"].as_array().unwrap();
        let of = |name: &str| {
            units
                .iter()
                .find(|u| u["unit"] == name)
                .map(|u| u["homes"].clone())
        };
        assert_eq!(of("西岭街道"), Some(json!(1)));
        assert_eq!(of("东湖镇"), Some(json!(0)));
        assert!(of("市住建局").is_some(), "{all}");

        // An enterprise grid has no register.
        let grid = grid_id(&pulled, "东湖工业一网格");
        let (status, none) = app
            .call(&city, "stats_homes", json!({"grid_id": grid}))
            .await;
        assert_eq!((status, none), (200, Value::Null));
    }
);
