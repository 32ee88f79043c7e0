//! 筹备阶段 (001 §四(一)): a township marks its milestones done by the end of March, each against
//! what the grid tree and the roster show; the city marks its own and sees every unit's; no one
//! marks a unit that is not theirs, and every mark is in the audit log.
use crate::common::*;
use serde_json::{Value, json};

const FENGUAN_LEADER: &str = "13800000011";
const WORK_AREA_LEADER: &str = "13800000010";

async fn stage(app: &TestApp, who: &reqwest::Client, grid: i64) -> (u16, Value) {
    app.call(who, "preparation", json!({"grid_id": grid, "year": 2026}))
        .await
}

async fn mark(
    app: &TestApp,
    who: &reqwest::Client,
    grid: i64,
    milestone: &str,
    done_on: &str,
    document: &str,
) -> (u16, Value) {
    let mark = json!({"milestone": milestone, "done_on": done_on, "document": document});
    app.call(
        who,
        "preparation_mark",
        json!({"grid_id": grid, "year": 2026, "mark": mark}),
    )
    .await
}

/// Each milestone as "code status done-on".
fn verdicts(stage: &Value) -> Vec<String> {
    stage["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            format!(
                "{} {} {}",
                m["milestone"].as_str().unwrap(),
                m["status"]["status"].as_str().unwrap(),
                m["done_on"].as_str().unwrap_or("-")
            )
        })
        .collect()
}

db_test!(
    a_township_marks_its_preparation_against_its_grids_and_roster,
    at "2026-03-25T10:00:00+08:00",
    |app| {
        let leader = app.login(DONGHU_LEADER).await;
        let donghu = grid_id(&app.pull(&leader).await, "东湖镇");
        let (status, before) = stage(app, &leader, donghu).await;
        assert_eq!(status, 200, "{before}");
        assert_eq!(
            verdicts(&before),
            [
                "grids_drawn due_soon -",
                "staff_registered due_soon -",
                "unit_rules due_soon -",
                "offline_exchanges not_yet_due -",
                "platform not_yet_due -",
                "standardization not_yet_due -"
            ]
        );
        assert_eq!(before["milestones"][0]["evidence"], "企业网格 3 个，2 个尚无网格长");
        assert_eq!(before["milestones"][1]["evidence"], "名册登记 0 人");
        assert_eq!(before["may_edit"], true);

        // What the tree and the roster show decides; the document is named; no day ahead.
        let (status, refused) = mark(app, &leader, donghu, "grids_drawn", "2026-03-20", "").await;
        assert_eq!(status, 422);
        assert!(refused.to_string().contains("还有 2 个企业网格没有网格长"), "{refused}");
        let (_, refused) = mark(app, &leader, donghu, "staff_registered", "2026-03-20", "").await;
        assert!(refused.to_string().contains("统计人员名册还是空的"), "{refused}");
        let (_, refused) = mark(app, &leader, donghu, "unit_rules", "2026-03-20", " ").await;
        assert!(refused.to_string().contains("请填写所出台文件的名称"), "{refused}");
        let (_, refused) = mark(app, &leader, donghu, "unit_rules", "2026-03-26", "细则").await;
        assert!(refused.to_string().contains("完成日期不能晚于今天"), "{refused}");

        let rules = "关于印发东湖镇统计网格化工作细则的通知";
        let (status, after) = mark(app, &leader, donghu, "unit_rules", "2026-03-18", rules).await;
        assert_eq!(status, 200, "{after}");
        let staff = json!({"name": "刘芳", "post": "经发办统计员", "employment": "full_time"});
        let (status, _) = app
            .call(&leader, "staff_add", json!({"grid_id": donghu, "staff": staff}))
            .await;
        assert_eq!(status, 200);
        let fenguan = app.login(FENGUAN_LEADER).await;
        let (status, after) = mark(app, &fenguan, donghu, "staff_registered", "2026-03-25", "").await;
        assert_eq!(status, 200, "{after}");
        assert_eq!(
            verdicts(&after),
            [
                "grids_drawn due_soon -",
                "staff_registered on_time 2026-03-25",
                "unit_rules on_time 2026-03-18",
                "offline_exchanges not_yet_due -",
                "platform not_yet_due -",
                "standardization not_yet_due -"
            ]
        );
        assert_eq!(after["milestones"][2]["document"], rules);

        // In April what is not done is overdue; a mark taken back is undone.
        app.clock.advance(10 * 86_400_000);
        let leader = app.login(DONGHU_LEADER).await;
        let (_, april) = stage(app, &leader, donghu).await;
        assert_eq!(verdicts(&april)[0], "grids_drawn overdue -");
        let (status, undone) = app
            .call(
                &leader,
                "preparation_unmark",
                json!({"grid_id": donghu, "year": 2026, "milestone": "staff_registered"}),
            )
            .await;
        assert_eq!(status, 200, "{undone}");
        assert_eq!(verdicts(&undone)[1], "staff_registered overdue -");
        let admin = app.login(CITY_ADMIN).await;
        let (_, log) = app.admin_call(&admin, "audit", json!({})).await;
        let log = log.to_string();
        assert_eq!(log.matches("\"mark_milestone\"").count(), 2, "{log}");
        assert_eq!(log.matches("\"unmark_milestone\"").count(), 1, "{log}");
    }
);

db_test!(
    the_city_marks_its_own_and_sees_every_units,
    at "2026-03-25T10:00:00+08:00",
    |app| {
        let admin = app.login(CITY_ADMIN).await;
        let pulled = app.pull(&admin).await;
        let city = grid_id(&pulled, "云江市");
        let donghu = grid_id(&pulled, "东湖镇");
        let xiling = grid_id(&pulled, "西岭街道");
        let (status, _) = mark(app, &admin, city, "mobilisation", "2026-03-22", "").await;
        assert_eq!(status, 200);
        let (status, refused) = mark(app, &admin, city, "work_plan", "2026-03-10", "").await;
        assert_eq!(status, 422, "{refused}");
        let (status, seen) = mark(app, &admin, city, "work_plan", "2026-03-10", "云江市基层统计网格化智治工作方案").await;
        assert_eq!(status, 200, "{seen}");
        // 3月中旬 ends on the 20th: a meeting on the 22nd is late.
        assert_eq!(
            verdicts(&seen),
            ["work_plan on_time 2026-03-10", "mobilisation late 2026-03-22"]
        );
        // The bureau marks a unit's too.
        let rules = "关于印发西岭街道统计网格化工作细则的通知";
        assert_eq!(mark(app, &admin, xiling, "unit_rules", "2026-03-12", rules).await.0, 200);
        let (_, seen) = stage(app, &admin, city).await;
        let units: Vec<String> = seen["units"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| {
                let marks: Vec<&str> = (u["milestones"].as_array().unwrap().iter())
                    .map(|m| m[1]["status"].as_str().unwrap())
                    .collect();
                format!("{} {}", u["unit"].as_str().unwrap(), marks.join(","))
            })
            .collect();
        let april = "not_yet_due,not_yet_due,not_yet_due";
        let has = |line: String| assert!(units.contains(&line), "{line} in {units:?}");
        has(format!("西岭街道 due_soon,due_soon,on_time,{april}"));
        has(format!("东湖镇 due_soon,due_soon,due_soon,{april}"));
        has(format!("市住建局 due_soon,due_soon,{april}"));

        // A township's leader marks neither the city's nor another township's; a work-area
        // head reads the township's but marks nothing; a work area has no stage.
        let leader = app.login(DONGHU_LEADER).await;
        assert_eq!(mark(app, &leader, city, "work_plan", "2026-03-10", "方案").await.0, 403);
        assert_eq!(mark(app, &leader, xiling, "unit_rules", "2026-03-10", "细则").await.0, 403);
        assert_eq!(stage(app, &leader, xiling).await.0, 403);
        let area = app.login(WORK_AREA_LEADER).await;
        let north = grid_id(&app.pull(&area).await, "东湖北片");
        assert_eq!(stage(app, &area, north).await.1, Value::Null);
        assert_eq!(mark(app, &area, donghu, "unit_rules", "2026-03-10", "细则").await.0, 403);
        let (_, year) = app
            .call(&admin, "preparation", json!({"grid_id": city, "year": 1999}))
            .await;
        assert!(year.to_string().contains("年份应在"), "{year}");
    }
);

db_test!(
    in_april_a_unit_marks_its_exchanges_platform_and_standardization_against_its_records,
    at "2026-04-10T10:00:00+08:00",
    |app| {
        let leader = app.login(DONGHU_LEADER).await;
        let donghu = grid_id(&app.pull(&leader).await, "东湖镇");
        let (_, before) = stage(app, &leader, donghu).await;
        assert_eq!(
            verdicts(&before)[3..],
            ["offline_exchanges due_soon -", "platform due_soon -", "standardization due_soon -"]
        );
        assert_eq!(before["milestones"][3]["evidence"], "今年已记录网格活动 0 次");
        assert_eq!(before["milestones"][4]["evidence"], "0 个网格已在平台记录走访或活动");
        // Nothing recorded yet: neither exchanges nor the platform can be marked.
        let (status, refused) = mark(app, &leader, donghu, "offline_exchanges", "2026-04-08", "").await;
        assert_eq!(status, 422);
        assert!(refused.to_string().contains("还没有记录网格活动"), "{refused}");
        let (_, refused) = mark(app, &leader, donghu, "platform", "2026-04-08", "").await;
        assert!(refused.to_string().contains("还没有在平台上记录走访或活动"), "{refused}");
        let (_, refused) = mark(app, &leader, donghu, "standardization", "2026-04-08", "").await;
        assert!(refused.to_string().contains("请填写所出台文件的名称"), "{refused}");

        // A member records a 座谈 in their grid: both can be marked.
        let member = app.login(DONGHU_MEMBER).await;
        let pulled = app.pull(&member).await;
        let grid = grid_id(&pulled, "东湖工业一网格");
        let me = pulled["profile"]["person_id"].as_i64().unwrap();
        let record = json!({
            "id": new_id(), "kind": "activity", "version": 1, "device_time_ms": 1_763_000_000_000i64,
            "payload": {"grid_id": grid, "activity_type": "forum", "activity_date": "2026-04-09",
                "place": "统计之家", "participants": [me], "summary": "座谈月报填报", "spend_yuan": ""}
        });
        let (_, pushed) = app.push(&member, json!([record])).await;
        assert_eq!(pushed["results"][0]["status"], "accepted", "{pushed}");
        for milestone in ["offline_exchanges", "platform"] {
            let (status, body) = mark(app, &leader, donghu, milestone, "2026-04-09", "").await;
            assert_eq!(status, 200, "{milestone}: {body}");
        }
        let plan = "东湖镇统计工作规范化建设实施方案";
        let (status, after) = mark(app, &leader, donghu, "standardization", "2026-04-10", plan).await;
        assert_eq!(status, 200, "{after}");
        assert_eq!(after["milestones"][3]["evidence"], "今年已记录网格活动 1 次");
        assert_eq!(
            verdicts(&after)[3..],
            [
                "offline_exchanges on_time 2026-04-09",
                "platform on_time 2026-04-09",
                "standardization on_time 2026-04-10"
            ]
        );

        // In May, what April left undone is overdue: 西岭街道's, which the bureau sees.
        app.clock.advance(25 * 86_400_000);
        let admin = app.login(CITY_ADMIN).await;
        let xiling = grid_id(&app.pull(&admin).await, "西岭街道");
        let (_, may) = stage(app, &admin, xiling).await;
        assert_eq!(verdicts(&may)[3], "offline_exchanges overdue -");
    }
);
