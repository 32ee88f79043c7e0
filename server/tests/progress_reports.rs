//! Fixed-date progress reports (004 §七) as a record kind: the policy's deadlines reach the
//! phone, only a grid the policy binds may answer one of its deadlines, and the city bureau's
//! board judges each deadline on time, late or overdue. The sync protocol's cases (replay,
//! edit, conflict, withdrawal) are `record_kinds.rs`'s, run for this kind too.
use crate::common::reports::board;
use crate::common::*;
use serde_json::{Value, json};

const SUMMARY: &str = "试点工作推进情况总结";
/// The summary stage's report, filed from 1 to 10 December (004 §五(四)).
const STAGE: &str = "改革工作总结";

fn report(id: &str, grid: i64, label: &str, deadline: &str) -> Value {
    json!({ "id": id, "kind": "progress_report", "version": 1, "device_time_ms": 1,
            "payload": { "grid_id": grid, "label": label, "deadline": deadline,
                         "progress": "已完成改革方案印发和动员部署", "problems": "部分乡镇统计人员不足",
                         "documents": "关于印发统计管理体制改革实施方案的通知" } })
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

/// The Guangxi preset as 报送节奏 offers it.
async fn guangxi(app: &TestApp, city: &reqwest::Client) -> Value {
    let (_, settings) = app.admin_call(city, "cadence", json!({})).await;
    settings["presets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"].as_str().unwrap().starts_with("广西"))
        .unwrap()
        .clone()
}

async fn save_policy(app: &TestApp, city: &reqwest::Client, policy: Value) {
    let (status, saved) = app
        .admin_call(city, "cadence_save", json!({"policy": policy}))
        .await;
    assert_eq!(status, 200, "{saved}");
}

/// The city adopts the Guangxi preset, whose fixed-date reports the city (county) bureau files.
async fn adopt_guangxi(app: &TestApp, city: &reqwest::Client) {
    save_policy(app, city, guangxi(app, city).await).await;
}

fn city_grid(pull: &Value) -> (i64, String) {
    let grid = pull["directory"]["grids"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["kind"] == "city")
        .unwrap();
    (
        grid["id"].as_i64().unwrap(),
        grid["name"].as_str().unwrap().to_owned(),
    )
}

/// The board's deadlines as "report deadline status filed-on".
fn deadlines(board: &Value) -> Vec<String> {
    board["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {} {} {}",
                d["label"].as_str().unwrap(),
                d["deadline"].as_str().unwrap(),
                d["status"]["status"].as_str().unwrap(),
                d["filed_on"].as_str().unwrap()
            )
        })
        .collect()
}

async fn reminders(app: &TestApp, who: &reqwest::Client) -> Vec<String> {
    let response = who.get(app.url("/api/v1/duties")).send().await.unwrap();
    let list: Value = response.json().await.unwrap();
    list["reminders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["title"].as_str().unwrap().to_owned())
        .filter(|r| r.contains("未报送"))
        .collect()
}

db_test!(
    the_policys_deadlines_reach_the_phone_when_the_city_adopts_them,
    at "2026-07-10T10:00:00+08:00",
    |app| {
        let city = app.login(CITY_ADMIN).await;
        let before = app.pull(&city).await;
        assert_eq!(before["directory"]["fixed_reports"], json!([]), "Yuhuan has none");
        let held = before["directory_digest"].as_str().unwrap().to_owned();
        adopt_guangxi(app, &city).await;

        // The phone holding the directory from before the policy changed gets a new one.
        let url = format!("/api/v1/sync/pull?after=0&held={held}");
        let after: Value = city.get(app.url(&url)).send().await.unwrap().json().await.unwrap();
        let reports = after["directory"]["fixed_reports"].as_array().unwrap();
        let labels: Vec<&str> = reports.iter().map(|r| r["label"].as_str().unwrap()).collect();
        assert_eq!(labels, ["改革前期工作调研", "改革工作方案及动员部署", SUMMARY, STAGE]);
        assert_eq!(reports[2]["dates"], json!(["07-15", "09-15", "12-10"]));
        assert_eq!(reports[2]["grid_kind"], "city");
        assert_eq!((reports[3]["opens"].clone(), reports[3]["dates"].clone()), (json!("12-01"), json!(["12-10"])));

        // A township files none of them: its directory names none.
        let township = app.login(DONGHU_LEADER).await;
        assert_eq!(app.pull(&township).await["directory"]["fixed_reports"], json!([]));
    }
);

db_test!(
    only_a_grid_the_policy_binds_answers_one_of_its_deadlines,
    at "2026-07-10T10:00:00+08:00",
    |app| {
        let city = app.login(CITY_ADMIN).await;
        adopt_guangxi(app, &city).await;
        let (city_id, _) = city_grid(&app.pull(&city).await);
        let township = app.login(DONGHU_LEADER).await;
        let donghu = grid_id(&app.pull(&township).await, "东湖镇");

        let (_, off_day) = app
            .push(&city, json!([report(&new_id(), city_id, SUMMARY, "2026-07-16")]))
            .await;
        assert_eq!(outcome(&off_day), ("rejected".into(), "no_such_deadline".into()));
        let why = off_day["results"][0]["problems"][0]["message"].as_str().unwrap();
        assert!(why.contains("2026-07-16"), "{why}");

        // The township may not file the city's report, nor one the policy does not ask of it.
        let (_, not_theirs) = app
            .push(&township, json!([report(&new_id(), city_id, SUMMARY, "2026-07-15")]))
            .await;
        assert_eq!(outcome(&not_theirs), ("rejected".into(), "grid_not_allowed".into()));
        let (_, not_asked) = app
            .push(&township, json!([report(&new_id(), donghu, SUMMARY, "2026-07-15")]))
            .await;
        assert_eq!(outcome(&not_asked), ("rejected".into(), "no_such_deadline".into()));

        let (_, filed) = app
            .push(&city, json!([report(&new_id(), city_id, SUMMARY, "2026-07-15")]))
            .await;
        assert_eq!(outcome(&filed).0, "accepted", "{filed}");
        let pulled = app.pull(&city).await;
        assert_eq!(pulled["progress_reports"][0]["draft"]["deadline"], "2026-07-15");
    }
);

db_test!(
    the_city_board_shows_each_deadline_on_time_late_or_overdue,
    at "2026-07-10T10:00:00+08:00",
    |app| {
        let city = app.login(CITY_ADMIN).await;
        adopt_guangxi(app, &city).await;
        let (city_id, city_name) = city_grid(&app.pull(&city).await);

        // Five days before 15 July the summary is due soon, and the bureau is reminded.
        // Of each report, the next deadline due soon and the last one passed if it was missed.
        let due = |label: &str, day: &str| format!("{city_name} {label}（{day}前）未报送");
        let july = due(SUMMARY, "2026-07-15");
        assert_eq!(
            reminders(app, &city).await,
            [
                due(SUMMARY, "2025-12-10"),
                due(STAGE, "2025-12-10"),
                due("改革前期工作调研", "2026-05-31"),
                due("改革工作方案及动员部署", "2026-06-30"),
                july.clone(),
            ]
        );
        let (_, filed) = app
            .push(&city, json!([report(&new_id(), city_id, SUMMARY, "2026-07-15")]))
            .await;
        assert_eq!(outcome(&filed).0, "accepted", "{filed}");
        assert!(!reminders(app, &city).await.contains(&july));

        // 20 September: July's was on time, September's came late, December's is not due.
        app.clock.advance(72 * 86_400_000);
        let city = app.login(CITY_ADMIN).await;
        let (_, late) = app
            .push(&city, json!([report(&new_id(), city_id, SUMMARY, "2026-09-15")]))
            .await;
        assert_eq!(outcome(&late).0, "accepted", "{late}");
        let shown = deadlines(&board(app, &city).await);
        for line in [
            format!("{SUMMARY} 2025-12-10 overdue "),
            "改革前期工作调研 2026-05-31 overdue ".to_owned(),
            "改革工作方案及动员部署 2026-06-30 overdue ".to_owned(),
            format!("{SUMMARY} 2026-07-15 on_time 2026-07-10"),
            format!("{SUMMARY} 2026-09-15 late 2026-09-20"),
            format!("{SUMMARY} 2026-12-10 not_yet_due "),
        ] {
            assert!(shown.contains(&line), "{line} in {shown:?}");
        }

        // December's summary missed is no longer on the home page; it stays on the board.
        assert_eq!(
            reminders(app, &city).await,
            [
                due(STAGE, "2025-12-10"),
                due("改革前期工作调研", "2026-05-31"),
                due("改革工作方案及动员部署", "2026-06-30"),
            ]
        );

        // A township's board carries none of it.
        let township = app.login(DONGHU_LEADER).await;
        assert_eq!(board(app, &township).await["deadlines"], json!([]));
    }
);

db_test!(
    the_summary_stages_report_is_filed_within_the_stage,
    at "2026-11-25T10:00:00+08:00",
    |app| {
        let city = app.login(CITY_ADMIN).await;
        adopt_guangxi(app, &city).await;
        let (city_id, _) = city_grid(&app.pull(&city).await);
        // Before 1 December the stage has not opened: refused, saying when it does.
        let early = report(&new_id(), city_id, STAGE, "2026-12-10");
        let (_, answer) = app.push(&city, json!([early.clone()])).await;
        assert_eq!(outcome(&answer), ("rejected".into(), "stage_not_open".into()));
        let why = answer["results"][0]["problems"][0]["message"].as_str().unwrap();
        assert!(why.contains("2026-12-01"), "{why}");
        let line = |status: &str, filed: &str| format!("{STAGE} 2026-12-10 {status} {filed}");
        assert!(deadlines(&board(app, &city).await).contains(&line("not_yet_due", "")));

        // On 2 December the same report is taken, on time.
        app.clock.advance(7 * 86_400_000);
        let city = app.login(CITY_ADMIN).await;
        let (_, answer) = app.push(&city, json!([early])).await;
        assert_eq!(outcome(&answer).0, "accepted", "{answer}");
        let shown = deadlines(&board(app, &city).await);
        assert!(shown.contains(&line("on_time", "2026-12-02")), "{shown:?}");
    }
);

db_test!(
    a_stage_is_typed_as_its_first_day_and_deadline_and_checked,
    |app| {
        let city = app.login(CITY_ADMIN).await;
        let mut policy = guangxi(app, &city).await;
        let rules = policy["rules"].as_array_mut().unwrap();
        let stage = rules
            .iter_mut()
            .find(|r| r["kind"]["label"] == STAGE)
            .unwrap();
        stage["kind"]["dates"] = json!(["11-30", "12-10"]);
        let (status, refused) = app
            .admin_call(&city, "cadence_save", json!({"policy": policy}))
            .await;
        assert_eq!(status, 422, "{refused}");
        assert!(
            refused.to_string().contains("只能有一个截止日期"),
            "{refused}"
        );
    }
);

async fn waive(app: &TestApp, who: &reqwest::Client, duty: &Value, reason: &str) -> (u16, Value) {
    app.call(who, "duty_waive", json!({"duty": duty, "reason": reason}))
        .await
}

/// The Guangxi preset with its summary asked of every township instead of the city.
async fn townships_report(app: &TestApp, city: &reqwest::Client) {
    let mut policy = guangxi(app, city).await;
    for rule in policy["rules"].as_array_mut().unwrap() {
        if rule["kind"]["label"] == SUMMARY {
            rule["kind"]["grid_kind"] = json!("township");
        }
    }
    save_policy(app, city, policy).await;
}

db_test!(
    the_bureau_excuses_a_townships_deadline_from_the_board,
    at "2026-07-20T10:00:00+08:00",
    |app| {
        let city = app.login(CITY_ADMIN).await;
        townships_report(app, &city).await;
        let donghu_row = |board: &Value| {
            board["deadlines"]
                .as_array()
                .unwrap()
                .iter()
                .find(|d| d["grid_name"] == "东湖镇" && d["deadline"] == "2026-07-15")
                .unwrap()
                .clone()
        };
        let missed = donghu_row(&board(app, &city).await);
        assert_eq!(missed["status"]["status"], "overdue");
        let duty = missed["waive"].clone();
        assert_eq!(duty["period"], "2025-12-11/2026-07-15", "{duty}");

        // A reason is asked, and the deadline's own period; the township may not excuse itself.
        let (status, refused) = waive(app, &city, &duty, "  ").await;
        assert_eq!(status, 422, "{refused}");
        let mut day = duty.clone();
        day["period"] = json!("2026-07-15");
        let (status, refused) = waive(app, &city, &day, "镇机构调整").await;
        assert_eq!(status, 422, "{refused}");
        let township = app.login(DONGHU_LEADER).await;
        assert_eq!(waive(app, &township, &duty, "镇机构调整").await.0, 403);
        assert!(board(app, &township).await["deadlines"] == json!([]));
        assert!(
            reminders(app, &township)
                .await
                .contains(&"东湖镇 试点工作推进情况总结（2026-07-15前）未报送".to_owned())
        );

        let (status, kept) = waive(app, &city, &duty, "镇机构调整，经市局同意并入下一期报送").await;
        assert_eq!(status, 200, "{kept}");
        let excused = donghu_row(&board(app, &city).await);
        assert_eq!(excused["status"]["status"], "waived", "{excused}");
        assert_eq!(excused["waive"], Value::Null, "nothing left to excuse");
        assert!(
            !reminders(app, &township)
                .await
                .iter()
                .any(|r| r.contains("2026-07-15")),
            "the township is no longer reminded of it"
        );
        // Another township's deadline is untouched.
        let shown = deadlines(&board(app, &city).await);
        assert!(
            shown.contains(&format!("{SUMMARY} 2026-07-15 overdue ")),
            "{shown:?}"
        );
    }
);

db_test!(
    the_bureau_reads_a_townships_report_with_its_scanned_documents,
    at "2026-07-10T10:00:00+08:00",
    |app| {
        let city = app.login(CITY_ADMIN).await;
        townships_report(app, &city).await;
        let township = app.login(DONGHU_LEADER).await;
        let donghu = grid_id(&app.pull(&township).await, "东湖镇");
        let scan = new_id();
        let mut filed = report(&new_id(), donghu, SUMMARY, "2026-07-15");
        filed["payload"]["photos"] = json!([scan]);

        // The scan is uploaded before the report that lists it, as the phone does.
        let (_, early) = app.push(&township, json!([filed.clone()])).await;
        assert_eq!(outcome(&early), ("rejected".into(), "photo_missing".into()));
        assert_eq!(upload(app, &township, &scan, jpeg(3, 4000)).await, 204);
        let (_, accepted) = app.push(&township, json!([filed])).await;
        assert_eq!(outcome(&accepted).0, "accepted", "{accepted}");
        let pulled = app.pull(&township).await;
        assert_eq!(pulled["progress_reports"][0]["draft"]["photos"], json!([scan]));

        let read = |who: reqwest::Client| async move {
            let query = json!({"grid_id": donghu, "label": SUMMARY, "deadline": "2026-07-15"});
            app.call(&who, "progress_report_read", query).await
        };
        let (status, text) = read(city.clone()).await;
        assert_eq!(status, 200, "{text}");
        assert_eq!(text["author"], "陈晓岚");
        assert_eq!(text["received_on"], "2026-07-10");
        assert_eq!(text["progress"], "已完成改革方案印发和动员部署");
        assert_eq!(text["photos"], json!([scan]));
        let photo = city.get(app.url(&format!("/api/v1/photos/{scan}"))).send().await.unwrap();
        assert_eq!(photo.status().as_u16(), 200, "the bureau sees the scan");

        // Another township's leader reads nothing of it.
        let other = app.login(XILING_LEADER).await;
        assert_eq!(read(other).await.0, 403);
    }
);
