//! The township's monthly analysis meeting (001 §三(三)3) as a record kind: who may record it,
//! and the township view's verdict on the month's duty. The sync protocol's cases (replay,
//! edit, conflict, withdrawal) are `record_kinds.rs`'s, run for this kind too.
use crate::common::*;
use serde_json::{Value, json};

const TOWNSHIP: &str = "东湖镇";
/// 东湖镇's 分管领导, its 网格指导员.
const DONGHU_INSTRUCTOR: &str = "13800000011";
/// 刘芳, 东湖镇's 经发办 statistician.
const TOWNSHIP_STAFF: &str = "13800000013";
/// 东湖工业一网格's leader.
const GRID_LEADER: &str = "13800000004";

fn minutes(id: &str, grid: i64, date: &str) -> Value {
    json!({ "id": id, "kind": "analysis_meeting", "version": 1, "device_time_ms": 1,
            "payload": { "grid_id": grid, "meeting_date": date,
                         "attendees": "镇长、分管副镇长、经发办", "economy": "规上工业产值同比增长6.2%",
                         "findings": "两家企业订单下滑", "follow_ups": "月底前走访两家企业" } })
}

fn outcome(answer: &Value) -> (String, String) {
    let result = &answer["results"][0];
    (
        result["status"].as_str().unwrap_or("").to_owned(),
        result["problems"][0]["code"]
            .as_str()
            .unwrap_or("")
            .to_owned(),
    )
}

/// The reminders on the person's home page, as "title status".
async fn reminders(app: &TestApp, who: &reqwest::Client) -> Vec<String> {
    let response = who.get(app.url("/api/v1/duties")).send().await.unwrap();
    let list: Value = response.json().await.unwrap();
    list["reminders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| format!("{} {}", r["title"].as_str().unwrap(), r["status"]["status"]))
        .filter(|r| r.contains("分析例会"))
        .collect()
}

async fn overview(app: &TestApp, who: &reqwest::Client, month: &str) -> Value {
    let (status, overview) = app
        .call(
            who,
            "township_overview",
            json!({"query": {"scope": null, "month": month}}),
        )
        .await;
    assert_eq!(status, 200, "{overview}");
    overview
}

db_test!(
    the_township_records_its_meeting_and_the_month_is_met,
    at "2026-11-25T10:00:00+08:00",
    |app| {
        let leader = app.login(DONGHU_LEADER).await;
        let township = grid_id(&app.pull(&leader).await, TOWNSHIP);

        // November: nothing yet, and the month ends within the rule's warning days.
        let before = overview(app, &leader, "2026-11").await;
        assert_eq!(before["meetings"]["township"], TOWNSHIP, "{before}");
        assert_eq!(before["meetings"]["held"], json!([]));
        assert_eq!(before["meetings"]["status"]["status"], "due_soon", "{before}");
        // October passed without one.
        let october = overview(app, &leader, "2026-10").await;
        assert_eq!(october["meetings"]["status"]["status"], "overdue", "{october}");

        // The township's home page reminds it of both.
        assert_eq!(
            reminders(app, &leader).await,
            [
                "东湖镇 2026年10月分析例会未记录 \"overdue\"",
                "东湖镇 2026年11月分析例会未记录 \"due_soon\""
            ]
        );

        // The 分管领导 records November's meeting.
        let instructor = app.login(DONGHU_INSTRUCTOR).await;
        let id = new_id();
        let (_, pushed) = app
            .push(&instructor, json!([minutes(&id, township, "2026-11-18")]))
            .await;
        assert_eq!(outcome(&pushed), ("accepted".into(), String::new()), "{pushed}");
        let pulled = app.pull(&instructor).await;
        let mine = pulled["analysis_meetings"].as_array().unwrap();
        assert_eq!(mine.len(), 1);
        assert_eq!(mine[0]["draft"]["findings"], "两家企业订单下滑");

        // The township leader sees it met, with the minutes and who recorded them.
        let after = overview(app, &leader, "2026-11").await;
        assert_eq!(after["meetings"]["status"]["status"], "on_time", "{after}");
        assert_eq!(
            reminders(app, &leader).await,
            ["东湖镇 2026年10月分析例会未记录 \"overdue\""]
        );
        // Only the township's own people are reminded.
        let grid_leader = app.login(GRID_LEADER).await;
        assert!(reminders(app, &grid_leader).await.is_empty());
        let held = &after["meetings"]["held"][0];
        assert_eq!(held["recorded_by"], "许文斌");
        assert_eq!(held["minutes"]["meeting_date"], "2026-11-18");
        assert_eq!(held["minutes"]["economy"], "规上工业产值同比增长6.2%");
        // An enterprise grid as the scope has no township meeting.
        let grid = grid_id(&app.pull(&leader).await, "东湖工业一网格");
        let (_, scoped) = app
            .call(
                &leader,
                "township_overview",
                json!({"query": {"scope": grid, "month": "2026-11"}}),
            )
            .await;
        assert!(scoped["meetings"].is_null(), "{scoped}");
    }
);

db_test!(only_the_townships_own_people_record_its_meeting, |app| {
    let leader = app.login(DONGHU_LEADER).await;
    let township = grid_id(&app.pull(&leader).await, TOWNSHIP);
    let today = app.today();
    let refused = ("rejected".to_owned(), "grid_not_allowed".to_owned());
    for who in [GRID_LEADER, XILING_LEADER, CITY_ADMIN, "13800000010"] {
        let phone = app.login(who).await;
        let (_, answer) = app
            .push(&phone, json!([minutes(&new_id(), township, &today)]))
            .await;
        assert_eq!(outcome(&answer), refused, "{who}: {answer}");
    }
    // The leader and the 经发办 statistician (a member of the township's grid) record it.
    for who in [DONGHU_LEADER, TOWNSHIP_STAFF] {
        let phone = app.login(who).await;
        let (_, answer) = app
            .push(&phone, json!([minutes(&new_id(), township, &today)]))
            .await;
        assert_eq!(
            outcome(&answer),
            ("accepted".into(), String::new()),
            "{who}"
        );
    }
    // Minutes with a part missing are refused by field, in Chinese.
    let mut bad = minutes(&new_id(), township, &today);
    bad["payload"]["economy"] = json!(" ");
    let (_, answer) = app.push(&leader, json!([bad])).await;
    let problem = &answer["results"][0]["problems"][0];
    assert_eq!(problem["field"], "economy", "{answer}");
    assert_eq!(problem["message"], "请填写经济运行分析");
});
