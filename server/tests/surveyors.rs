//! 村统计调查员 (004 §四(一): 在村（社区）聘任统计调查员): a village surveyor, in the work area of
//! its villages, records the village's work on the phone and reads what the township sends; sees
//! no one else's records and has no office pages; sits only where villages are.
use crate::common::*;
use serde_json::{Value, json};

const SURVEYOR: &str = "13800000014";

db_test!(
    a_village_surveyor_records_the_villages_work_and_sees_no_more,
    at "2026-12-04T09:00:00+08:00",
    |app| {
        let surveyor = app.login(SURVEYOR).await;
        let pulled = app.pull(&surveyor).await;
        let roles = &pulled["profile"]["roles"];
        assert_eq!(roles[0]["grid_name"], "东湖北片", "{roles}");
        assert_eq!(roles[0]["role"], "surveyor");
        // Their own grid only: no enterprise grid below, no enterprise, no one's visits.
        let grids: Vec<&str> = (pulled["directory"]["grids"].as_array().unwrap().iter())
            .map(|g| g["name"].as_str().unwrap())
            .collect();
        assert_eq!(grids, ["东湖北片"]);
        assert_eq!(pulled["directory"]["enterprises"], json!([]));

        // A 统计法治宣传 in the village, recorded for the work area.
        let area = grid_id(&pulled, "东湖北片");
        let me = pulled["profile"]["person_id"].as_i64().unwrap();
        let record = json!({
            "id": new_id(), "kind": "activity", "version": 1, "device_time_ms": 1_763_000_000_000i64,
            "payload": {"grid_id": area, "activity_type": "law_promotion", "activity_date": app.today(),
                "place": "东湖村村委会", "participants": [me], "summary": "向村内个体户宣传统计法",
                "spend_yuan": ""}
        });
        let (status, answer) = app.push(&surveyor, json!([record])).await;
        assert_eq!(status, 200, "{answer}");
        assert_eq!(answer["results"][0]["status"], "accepted", "{answer}");

        // The township's notice reaches them; the township view does not.
        let leader = app.login(DONGHU_LEADER).await;
        let donghu = grid_id(&app.pull(&leader).await, "东湖镇");
        let notice = json!({"title": "关于村级统计调查员年报培训的通知", "body": "12月8日上午在镇统计之家。"});
        let (status, _) = app
            .call(&leader, "notice_post", json!({"grid_id": donghu, "notice": notice}))
            .await;
        assert_eq!(status, 200);
        let inbox: Vec<Value> = (surveyor.get(app.url("/api/v1/notices")).send().await.unwrap())
            .json()
            .await
            .unwrap();
        assert_eq!(inbox[0]["title"], "关于村级统计调查员年报培训的通知");
        let (status, _) = app
            .call(&surveyor, "township_overview", json!({"query": {"scope": area, "month": "2026-11"}}))
            .await;
        assert!(status == 401 || status == 403, "no office pages: {status}");

        // The township's roster says a surveyor works without a subsidy recorded, until it
        // lists them.
        let (_, roster) = app.call(&leader, "staff_roster", json!({"grid_id": donghu})).await;
        assert_eq!(roster["surveyors_unlisted"], json!(["王海"]), "{roster}");
        let staff = json!({"name": "王海", "post": "东湖村统计调查员",
            "employment": "village_surveyor", "subsidy_yuan": "1200"});
        let (status, roster) = app
            .call(&leader, "staff_add", json!({"grid_id": donghu, "staff": staff}))
            .await;
        assert_eq!(status, 200, "{roster}");
        assert_eq!(roster["surveyors_unlisted"], json!([]));
        assert_eq!(roster["subsidy_total_fen"], 120_000);
    }
);

db_test!(
    a_village_surveyor_sits_only_where_villages_are,
    at "2026-12-04T09:00:00+08:00",
    |app| {
        let admin = app.login(CITY_ADMIN).await;
        let pulled = app.pull(&admin).await;
        let people = app.call(&admin, "admin/people", json!({})).await.1;
        let person = (people.as_array().unwrap().iter())
            .find(|p| p["phone"] == SURVEYOR)
            .unwrap();
        let assign = |grid: i64| {
            json!({"change": {"change": "assign", "person_id": person["id"], "grid_id": grid,
                "role": "surveyor"}})
        };
        for refused in ["东湖工业一网格", "市住建局", "云江市"] {
            let (status, body) = app
                .call(&admin, "admin/person_change", assign(grid_id(&pulled, refused)))
                .await;
            assert_eq!(status, 422, "{refused}: {body}");
            assert!(body.to_string().contains("村统计调查员只能设在乡镇（街道）、开发区或工作管理片"), "{body}");
        }
        let (status, body) = app
            .call(&admin, "admin/person_change", assign(grid_id(&pulled, "西岭街道")))
            .await;
        assert_eq!(status, 200, "{body}");
    }
);
