//! 豁免 from the township view: whoever reviews the unit above a grid excuses one of its duties
//! for a period, with a reason; the verdict becomes 已豁免, the reminder goes, the audit log
//! keeps it. Never one's own unit, never a duty the policy does not ask of the grid, never a
//! period not the duty's own or not yet begun.
use crate::common::*;
use serde_json::{Value, json};

const FENGUAN_LEADER: &str = "13800000011";
const WORK_AREA_LEADER: &str = "13800000010";

async fn overview(app: &TestApp, who: &reqwest::Client, scope: Option<i64>, month: &str) -> Value {
    let query = json!({"query": {"scope": scope, "month": month}});
    let (status, answer) = app.call(who, "township_overview", query).await;
    assert_eq!(status, 200, "{answer}");
    answer
}

fn unit<'a>(overview: &'a Value, name: &str) -> &'a Value {
    let units = overview["units"].as_array().unwrap();
    units.iter().find(|u| u["grid_name"] == name).unwrap()
}

async fn waive(app: &TestApp, who: &reqwest::Client, duty: Value, reason: &str) -> (u16, Value) {
    app.call(who, "duty_waive", json!({"duty": duty, "reason": reason}))
        .await
}

async fn reminders(app: &TestApp, who: &reqwest::Client) -> Value {
    json!(app.reminders(who).await)
}

/// Saves the Yueqing preset, which asks every unit for a quarterly activity.
async fn yueqing(app: &TestApp) {
    let admin = app.login(CITY_ADMIN).await;
    let (_, settings) = app.admin_call(&admin, "cadence", json!({})).await;
    let presets = settings["presets"].as_array().unwrap();
    let policy = presets.iter().find(|p| p["name"] == "乐清市").unwrap();
    let (status, saved) = app
        .admin_call(&admin, "cadence_save", json!({"policy": policy}))
        .await;
    assert_eq!(status, 200, "{saved}");
}

db_test!(
    the_township_excuses_a_work_area_s_quarterly_activity,
    at "2026-12-20T09:00:00+08:00",
    |app| {
        yueqing(app).await;
        let fenguan = app.login(FENGUAN_LEADER).await;
        let seen = overview(app, &fenguan, None, "2026-12").await;
        let north = unit(&seen, "东湖北片");
        assert_eq!(north["status"]["status"], "due_soon", "{north}");
        let duty = north["excuse"].clone();
        assert_eq!(duty["duty"], "unit_activity");
        assert_eq!(duty["period"], "2026-Q4");
        // Not the township's own: that is for the city bureau.
        let donghu = unit(&seen, "东湖镇");
        assert!(donghu["excuse"].is_null(), "{donghu}");
        // Nor for the work area's own leader.
        let area = app.login(WORK_AREA_LEADER).await;
        let (status, _) = waive(app, &area, duty.clone(), "片区合并").await;
        assert_eq!(status, 403);

        // Refusals say why in Chinese and keep nothing.
        let (status, body) = waive(app, &fenguan, duty.clone(), "  ").await;
        assert_eq!((status, body.to_string().contains("豁免时请写明原因")), (422, true), "{body}");
        let mut month = duty.clone();
        month["period"] = json!("2026-12");
        let (status, body) = waive(app, &fenguan, month, "片区合并").await;
        assert_eq!(status, 422);
        assert!(body.to_string().contains("每季度考核一次"), "{body}");
        let mut next = duty.clone();
        next["period"] = json!("2027-Q1");
        let (status, body) = waive(app, &fenguan, next, "片区合并").await;
        assert!(status == 422 && body.to_string().contains("尚未开始的期间不能豁免"), "{body}");
        let mut plan = duty.clone();
        plan["duty"] = json!("training_plan");
        plan["period"] = json!("2026");
        let (status, body) = waive(app, &fenguan, plan, "片区合并").await;
        assert!(status == 422 && body.to_string().contains("报送节奏未要求此项"), "{body}");
        let reminded = reminders(app, &area).await;
        assert!(reminded.to_string().contains("东湖北片 2026年第4季度活动未开展"));

        let (status, body) = waive(app, &fenguan, duty, "北片与南片合并开展活动").await;
        assert_eq!(status, 200, "{body}");
        let after = overview(app, &fenguan, None, "2026-12").await;
        let north = unit(&after, "东湖北片");
        assert_eq!(north["status"]["status"], "waived");
        assert_eq!(north["status"]["reason"], "北片与南片合并开展活动");
        assert!(north["excuse"].is_null());
        let reminded = reminders(app, &area).await;
        assert!(!reminded.to_string().contains("东湖北片 2026年第4季度活动未开展"), "{reminded}");

        // The city bureau excuses the township's own; the log keeps both.
        let admin = app.login(CITY_ADMIN).await;
        let city_view = overview(app, &admin, Some(grid_id(&app.pull(&fenguan).await, "东湖镇")), "2026-12").await;
        let own = unit(&city_view, "东湖镇")["excuse"].clone();
        assert_eq!(own["duty"], "unit_activity", "{city_view}");
        assert_eq!(waive(app, &admin, own, "镇机构调整").await.0, 200);
        let (_, log) = app.admin_call(&admin, "audit", json!({})).await;
        assert_eq!(log.to_string().matches("waive_obligation").count(), 2, "{log}");
    }
);

db_test!(
    the_city_bureau_excuses_a_township_s_training_plan_and_meeting,
    at "2026-05-06T09:00:00+08:00",
    |app| {
        let leader = app.login(DONGHU_LEADER).await;
        let donghu = grid_id(&app.pull(&leader).await, "东湖镇");
        let plan = json!({"grid_id": donghu, "year": 2026});
        let (_, own) = app.call(&leader, "training_plan", plan.clone()).await;
        assert_eq!(own["duty"][0]["status"], "overdue");
        assert!(own["excuse"].is_null(), "the township does not excuse itself");

        let admin = app.login(CITY_ADMIN).await;
        let (_, seen) = app.call(&admin, "training_plan", plan.clone()).await;
        let duty = seen["excuse"].clone();
        assert_eq!(duty, json!({"duty": "training_plan", "grid_id": donghu, "period": "2026"}));
        assert_eq!(waive(app, &admin, duty, "镇经发办人员调整，计划并入下半年").await.0, 200);
        let (_, after) = app.call(&leader, "training_plan", plan).await;
        assert_eq!(after["duty"][0]["status"], "waived");
        let reminded = reminders(app, &leader).await;
        assert!(!reminded.to_string().contains("培训计划未制定"), "{reminded}");

        // April's analysis meeting was never recorded.
        let april = overview(app, &admin, Some(donghu), "2026-04").await;
        assert_eq!(april["meetings"]["status"]["status"], "overdue");
        let duty = april["meetings"]["excuse"].clone();
        assert_eq!(duty["period"], "2026-04");
        assert_eq!(waive(app, &admin, duty, "并入五月例会").await.0, 200);
        let april = overview(app, &leader, None, "2026-04").await;
        assert_eq!(april["meetings"]["status"]["status"], "waived");
        assert!(april["meetings"]["excuse"].is_null());
    }
);

db_test!(
    the_township_excuses_an_enterprise_grid_s_activity_and_plan,
    at "2026-05-06T09:00:00+08:00",
    |app| {
        let row = |overview: &Value| {
            let grids = overview["grids"].as_array().unwrap();
            grids.iter().find(|g| g["grid_name"] == "东湖贸易网格").unwrap().clone()
        };
        let leader = app.login(DONGHU_LEADER).await;
        let march = row(&overview(app, &leader, None, "2026-03").await);
        assert_eq!(march["plan_status"]["status"], "overdue", "{march}");
        let plan = march["plan_excuse"].clone();
        assert_eq!(plan["duty"], "annual_plan");
        // Another township's leader excuses nothing here.
        let xiling = app.login(XILING_LEADER).await;
        assert_eq!(waive(app, &xiling, plan.clone(), "不属本镇").await.0, 403);
        assert_eq!(waive(app, &leader, plan, "网格新设，年中制定").await.0, 200);
        let activity = march["activity_excuse"].clone();
        assert_eq!(activity["period"], "2026-Q1", "{march}");
        assert_eq!(waive(app, &leader, activity, "网格新设").await.0, 200);
        let after = row(&overview(app, &leader, None, "2026-03").await);
        assert_eq!(after["plan_status"]["status"], "waived");
        assert_eq!(after["activity_status"]["status"], "waived");
        assert!(after["plan_excuse"].is_null() && after["activity_excuse"].is_null());
    }
);
