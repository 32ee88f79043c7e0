//! The township's own work (001 §三(三)3, §四(二)1; 003 §三(三)1): its 经发办 staff record a
//! training or 联审辅导 for the members of the grids below, report major events to the city and
//! their work to the 分管领导; a work area records its own activity; the unit's training plan is
//! set against the trainings held in it and below.
use crate::common;

use crate::common::reports::{board, review, row};
use crate::common::*;
use serde_json::{Value, json};

const TOWNSHIP_STAFF: &str = "13800000013";
const WORK_AREA_LEADER: &str = "13800000010";
const GRID_LEADER: &str = "13800000004";

/// The people the phone may list under `grid` for its records, by name.
fn person(pull: &Value, grid: i64, name: &str) -> Option<i64> {
    let members = pull["directory"]["members"].as_array().unwrap();
    let found = members
        .iter()
        .find(|m| m["grid_id"] == grid && m["name"] == name)?;
    found["person_id"].as_i64()
}

fn training(app: &TestApp, grid: i64, topic: &str, session: &str, attendees: &[i64]) -> Value {
    json!({
        "id": new_id(),
        "kind": "training",
        "version": 1,
        "device_time_ms": 1_763_000_000_000i64,
        "payload": {
            "grid_id": grid,
            "title": "统计报表联审",
            "training_date": app.today(),
            "organiser": "东湖镇经发办",
            "topic": topic,
            "session": session,
            "hours": 2,
            "attendees": attendees
        }
    })
}

/// An activity held today at `grid`, with one participant.
fn activity(app: &TestApp, grid: i64, participant: i64, summary: &str) -> Value {
    json!({
        "id": new_id(),
        "kind": "activity",
        "version": 1,
        "device_time_ms": 1_763_000_000_000i64,
        "payload": {
            "grid_id": grid,
            "activity_type": "study",
            "activity_date": app.today(),
            "place": "东湖统计之家",
            "participants": [participant],
            "summary": summary,
            "spend_yuan": ""
        }
    })
}

fn outcome(answer: &Value) -> (&str, &str) {
    let result = &answer["results"][0];
    (
        result["status"].as_str().unwrap(),
        result["problems"][0]["code"].as_str().unwrap_or(""),
    )
}

db_test!(the_township_trains_the_members_of_all_its_grids, |app| {
    let staff = app.login(TOWNSHIP_STAFF).await;
    let pulled = app.pull(&staff).await;
    let donghu = grid_id(&pulled, "东湖镇");
    // The members of the grids two levels below are offered under the township.
    let li_na = person(&pulled, donghu, "李娜").expect("李娜 listed under 东湖镇");
    let wang = person(&pulled, donghu, "王建华").expect("王建华 listed under 东湖镇");
    assert!(
        person(&pulled, donghu, "何静").is_none(),
        "西岭's member is not"
    );

    let (status, answer) = app
        .push(
            &staff,
            json!([training(
                app,
                donghu,
                "practice",
                "joint_review",
                &[li_na, wang]
            )]),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(outcome(&answer), ("accepted", ""), "{answer}");
    let mine = &app.pull(&staff).await["trainings"][0]["draft"];
    assert_eq!(mine["session"], "joint_review");

    // The hours count for the member who attended.
    let member = app.login(DONGHU_MEMBER).await;
    let duties: Value = member
        .get(app.url("/api/v1/duties"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let hours: u64 = duties["attended"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["hours"].as_u64().unwrap())
        .sum();
    assert_eq!(hours, 2);

    // Someone from another township is refused by name of the rule.
    let xiling = app.login(XILING_MEMBER).await;
    let stranger = app.pull(&xiling).await["profile"]["person_id"]
        .as_i64()
        .unwrap();
    let (_, refused) = app
        .push(
            &staff,
            json!([training(app, donghu, "law", "training", &[li_na, stranger])]),
        )
        .await;
    assert_eq!(outcome(&refused), ("rejected", "attendee_not_member"));
    let message = refused["results"][0]["problems"][0]["message"]
        .as_str()
        .unwrap();
    assert!(message.contains("下级网格"), "{message}");

    // A session kind the form never offers is refused in words, and the record kept.
    let (_, refused) = app
        .push(
            &staff,
            json!([training(app, donghu, "law", "lecture", &[li_na])]),
        )
        .await;
    assert_eq!(outcome(&refused), ("rejected", "session_unknown"));
    assert_eq!(
        refused["results"][0]["problems"][0]["message"],
        "请选择培训形式"
    );

    // A grid member cannot record for the township above them.
    let (_, refused) = app
        .push(
            &member,
            json!([training(app, donghu, "law", "training", &[li_na])]),
        )
        .await;
    assert_eq!(outcome(&refused), ("rejected", "grid_not_allowed"));
});

db_test!(a_work_area_records_its_own_activity_for_its_grids, |app| {
    let leader = app.login(WORK_AREA_LEADER).await;
    let pulled = app.pull(&leader).await;
    let north = grid_id(&pulled, "东湖北片");
    let li_na = person(&pulled, north, "李娜").expect("李娜 is in a grid of 东湖北片");
    let activity = activity(app, north, li_na, "北片各网格交流季度报表填报");
    let (status, answer) = app.push(&leader, json!([activity])).await;
    assert_eq!(status, 200);
    assert_eq!(outcome(&answer), ("accepted", ""), "{answer}");
});

db_test!(
    a_unit_is_reminded_of_its_quarterly_activity_where_the_policy_asks_for_it,
    at "2026-12-20T09:00:00+08:00",
    |app| {
        let leader = app.login(WORK_AREA_LEADER).await;
        let this = "东湖北片 2026年第4季度活动未开展";
        let last = "东湖北片 2026年第3季度活动未开展";
        // Yuhuan asks it of the enterprise grids only.
        assert!(reminded(&app.reminders(&leader).await, this).is_none());

        let admin = app.login(CITY_ADMIN).await;
        let (_, settings) = app.admin_call(&admin, "cadence", json!({})).await;
        let presets = settings["presets"].as_array().unwrap();
        let yueqing = presets.iter().find(|p| p["name"] == "乐清市").unwrap();
        let (status, saved) = app
            .admin_call(&admin, "cadence_save", json!({"policy": yueqing}))
            .await;
        assert_eq!(status, 200, "{saved}");

        let now = app.reminders(&leader).await;
        let due = reminded(&now, this).expect("this quarter's activity");
        assert_eq!(due["status"]["status"], "due_soon");
        assert_eq!(due["note"], "2026-12-31 前组织并记录为按时");
        assert_eq!(reminded(&now, last).expect("last quarter's")["status"]["status"], "overdue");
        // An enterprise grid's leader owes the grid's own activity, not the work area's.
        let grid_leader = app.login(GRID_LEADER).await;
        assert!(reminded(&app.reminders(&grid_leader).await, this).is_none());

        let pulled = app.pull(&leader).await;
        let north = grid_id(&pulled, "东湖北片");
        let li_na = person(&pulled, north, "李娜").unwrap();
        let activity = activity(app, north, li_na, "北片年报布置会");
        let (_, answer) = app.push(&leader, json!([activity])).await;
        assert_eq!(outcome(&answer), ("accepted", ""), "{answer}");
        let after = app.reminders(&leader).await;
        assert!(reminded(&after, this).is_none(), "{after:?}");
        assert!(reminded(&after, last).is_some());

        // The city grid is a level too: the bureau is reminded of its own, and the city's
        // view lists it beside the units, with no one above it to excuse it.
        let city = "云江市 2026年第4季度活动未开展";
        let bureau = app.reminders(&admin).await;
        assert_eq!(reminded(&bureau, city).expect("the city's")["status"]["status"], "due_soon");
        let query = json!({"query": {"scope": null, "month": "2026-12"}});
        let (_, overview) = app.call(&admin, "township_overview", query).await;
        let units = overview["units"].as_array().unwrap();
        let own = units.iter().find(|u| u["grid_name"] == "云江市").expect("the city's row");
        assert_eq!(own["status"]["status"], "due_soon", "{own}");
        assert!(own["excuse"].is_null());
    }
);

db_test!(township_staff_report_a_major_event_to_the_city, |app| {
    let staff = app.login(TOWNSHIP_STAFF).await;
    let donghu = grid_id(&app.pull(&staff).await, "东湖镇");
    let event = json!({
        "id": new_id(),
        "kind": "major_event",
        "version": 1,
        "device_time_ms": 1_763_000_000_000i64,
        "payload": {
            "grid_id": donghu,
            "enterprise_id": null,
            "occurred_on": app.today(),
            "title": "镇内工业园区整体停电检修",
            "details": "园区停电三天",
            "impact": "本月工业产值预计减少"
        }
    });
    let (_, answer) = app.push(&staff, json!([event])).await;
    assert_eq!(outcome(&answer), ("accepted", ""), "{answer}");
    for reader in [DONGHU_LEADER, "13800000011", CITY_ADMIN] {
        let reader = app.login(reader).await;
        let (status, rows) = app.call(&reader, "major_events", json!({})).await;
        assert_eq!(status, 200, "{rows}");
        assert_eq!(rows[0]["title"], "镇内工业园区整体停电检修", "{rows}");
        assert_eq!(rows[0]["reporter"], "刘芳");
    }
    let xiling = app.login(XILING_LEADER).await;
    let (_, rows) = app.call(&xiling, "major_events", json!({})).await;
    assert_eq!(rows, json!([]));

    // An event may concern any enterprise of the township, in whichever grid below it; not
    // one of another township.
    let pulled = app.pull(&staff).await;
    let below = enterprise_in(&pulled, "东湖工业一网格");
    let elsewhere = enterprise_in(&app.pull(&xiling).await, "西岭工业网格");
    let about = |enterprise: i64| {
        let mut event = event.clone();
        event["id"] = json!(new_id());
        event["payload"]["enterprise_id"] = json!(enterprise);
        event
    };
    let (_, answer) = app.push(&staff, json!([about(below)])).await;
    assert_eq!(outcome(&answer), ("accepted", ""), "{answer}");
    let (_, answer) = app.push(&staff, json!([about(elsewhere)])).await;
    assert_eq!(
        outcome(&answer),
        ("rejected", "enterprise_not_in_grid"),
        "{answer}"
    );
});

fn plan_line(topic: &str, sessions: u32, note: &str) -> Value {
    json!({"topic": topic, "sessions": sessions, "note": note})
}

async fn plan(app: &TestApp, who: &reqwest::Client, grid: i64, year: i32) -> (u16, Value) {
    app.call(who, "training_plan", json!({"grid_id": grid, "year": year}))
        .await
}

fn subject<'a>(plan: &'a Value, topic: &str) -> &'a Value {
    let subjects = plan["subjects"].as_array().unwrap();
    subjects.iter().find(|s| s["topic"] == topic).unwrap()
}

db_test!(
    the_training_plan_is_set_against_the_trainings_held_below,
    |app| {
        let leader = app.login(DONGHU_LEADER).await;
        let donghu = grid_id(&app.pull(&leader).await, "东湖镇");
        let year: i32 = app.today()[..4].parse().unwrap();
        let (status, empty) = plan(app, &leader, donghu, year).await;
        assert_eq!(status, 200, "{empty}");
        assert!(empty["drawn_up_on"].is_null(), "{empty}");
        assert_eq!(empty["may_edit"], true);
        assert_eq!(empty["subjects"].as_array().unwrap().len(), 5);

        let draft = json!({"year": year, "lines": [
            plan_line("practice", 2, "3月、9月"),
            plan_line("law", 1, "6月"),
        ]});
        let (status, saved) = app
            .call(
                &leader,
                "training_plan_save",
                json!({"grid_id": donghu, "plan": draft}),
            )
            .await;
        assert_eq!(status, 200, "{saved}");
        assert_eq!(saved["drawn_up_on"], app.today());
        assert_eq!(subject(&saved, "practice")["planned"], 2);
        assert_eq!(subject(&saved, "practice")["note"], "3月、9月");

        // A grid below holds a law training; the township a 联审辅导: the plan counts the
        // training under its subject and the session apart.
        let grid_leader = app.login(GRID_LEADER).await;
        let pulled = app.pull(&grid_leader).await;
        let grid = grid_id(&pulled, "东湖工业一网格");
        let li_na = person(&pulled, grid, "李娜").unwrap();
        let (_, answer) = app
            .push(
                &grid_leader,
                json!([training(app, grid, "law", "training", &[li_na])]),
            )
            .await;
        assert_eq!(outcome(&answer), ("accepted", ""), "{answer}");
        let staff = app.login(TOWNSHIP_STAFF).await;
        let (_, answer) = app
            .push(
                &staff,
                json!([training(app, donghu, "practice", "joint_review", &[li_na])]),
            )
            .await;
        assert_eq!(outcome(&answer), ("accepted", ""), "{answer}");
        let (_, now) = plan(app, &leader, donghu, year).await;
        assert_eq!(subject(&now, "law")["held"], 1);
        assert_eq!(subject(&now, "practice")["held"], 0);
        assert_eq!(now["joint_reviews"], 1);

        // Refusals name the subject; the stored plan stays as it was.
        let bad = json!({"year": year, "lines": [plan_line("grid", 25, "")]});
        let (status, refused) = app
            .call(
                &leader,
                "training_plan_save",
                json!({"grid_id": donghu, "plan": bad}),
            )
            .await;
        assert_eq!(status, 422);
        assert!(
            refused
                .to_string()
                .contains("统计网格管理：计划次数不能超过24次"),
            "{refused}"
        );
        assert_eq!(
            subject(&plan(app, &leader, donghu, year).await.1, "practice")["planned"],
            2
        );

        // The 分管领导 draws it up too; the township's 经发办 staff read it but do not change
        // it; another township reads none, a grid leader below neither.
        let instructor = app.login("13800000011").await;
        assert_eq!(
            plan(app, &instructor, donghu, year).await.1["may_edit"],
            true
        );
        let staff = app.login(TOWNSHIP_STAFF).await;
        assert_eq!(plan(app, &staff, donghu, year).await.1["may_edit"], false);
        let (status, _) = app
            .call(
                &staff,
                "training_plan_save",
                json!({"grid_id": donghu, "plan": draft}),
            )
            .await;
        assert_eq!(status, 403);
        for outsider in [XILING_LEADER, GRID_LEADER] {
            let outsider = app.login(outsider).await;
            assert_eq!(plan(app, &outsider, donghu, year).await.0, 403);
            let (status, _) = app
                .call(
                    &outsider,
                    "training_plan_save",
                    json!({"grid_id": donghu, "plan": draft}),
                )
                .await;
            assert_eq!(status, 403);
        }
        // The city bureau reads and keeps every unit's.
        let city = app.login(CITY_ADMIN).await;
        assert_eq!(plan(app, &city, donghu, year).await.1["may_edit"], true);
    }
);

fn reminded(reminders: &[Value], title: &str) -> Option<Value> {
    reminders.iter().find(|r| r["title"] == title).cloned()
}

db_test!(
    the_training_plan_falls_due_in_april_and_reminds_those_who_draw_it_up,
    at "2026-04-20T09:00:00+08:00",
    |app| {
        let leader = app.login(DONGHU_LEADER).await;
        let donghu = grid_id(&app.pull(&leader).await, "东湖镇");
        let (_, empty) = plan(app, &leader, donghu, 2026).await;
        assert_eq!(empty["duty"], json!([{"status": "due_soon"}, "2026-04-30"]));
        // The leader and the 分管领导 are reminded; a grid leader below is not.
        let title = "东湖镇 2026年培训计划未制定";
        let instructor = app.login("13800000011").await;
        for who in [&leader, &instructor] {
            let reminder = reminded(&app.reminders(who).await, title).expect("reminded");
            assert_eq!(reminder["note"], "2026-04-30 前制定为按时");
            assert_eq!(reminder["status"]["status"], "due_soon");
        }
        let grid_leader = app.login(GRID_LEADER).await;
        assert!(reminded(&app.reminders(&grid_leader).await, title).is_none());

        // A plan of no session at all does not meet the duty.
        let nothing = json!({"year": 2026, "lines": [plan_line("practice", 0, "待定")]});
        let (status, refused) = app
            .call(
                &leader,
                "training_plan_save",
                json!({"grid_id": donghu, "plan": nothing}),
            )
            .await;
        assert_eq!(status, 422);
        assert!(refused.to_string().contains("培训计划至少要安排一次培训"));
        assert!(plan(app, &leader, donghu, 2026).await.1["drawn_up_on"].is_null());

        let draft = json!({"year": 2026, "lines": [plan_line("law", 1, "6月")]});
        let save = json!({"grid_id": donghu, "plan": draft});
        let (status, saved) = app.call(&leader, "training_plan_save", save).await;
        assert_eq!(status, 200, "{saved}");
        assert_eq!(saved["duty"][0]["status"], "on_time");
        assert_eq!(saved["drawn_up_on"], "2026-04-20");
        assert!(reminded(&app.reminders(&instructor).await, title).is_none());
    }
);

db_test!(
    a_training_plan_not_drawn_up_by_the_end_of_april_is_overdue_then_late,
    at "2026-05-06T09:00:00+08:00",
    |app| {
        let leader = app.login(XILING_LEADER).await;
        let xiling = grid_id(&app.pull(&leader).await, "西岭街道");
        let reminder = reminded(&app.reminders(&leader).await, "西岭街道 2026年培训计划未制定");
        assert_eq!(reminder.expect("reminded")["status"]["status"], "overdue");
        let draft = json!({"year": 2026, "lines": [plan_line("system", 2, "")]});
        let save = json!({"grid_id": xiling, "plan": draft});
        let (status, saved) = app.call(&leader, "training_plan_save", save).await;
        assert_eq!(status, 200, "{saved}");
        assert_eq!(saved["duty"][0]["status"], "late");
        // Next year's plan, drawn up early, is not yet due.
        let (_, next) = plan(app, &leader, xiling, 2027).await;
        assert_eq!(next["duty"], json!([{"status": "not_yet_due"}, "2027-04-30"]));
    }
);

db_test!(
    township_staff_report_their_work_to_the_fenguan_leader,
    |app| {
        let staff = app.login(TOWNSHIP_STAFF).await;
        let donghu = grid_id(&app.pull(&staff).await, "东湖镇");
        let id = new_id();
        let report = common::reports::report(
            app,
            &id,
            1,
            donghu,
            "完成规上企业月报审核，走访新入库企业3家",
        );
        let (_, answer) = app.push(&staff, json!([report])).await;
        assert_eq!(outcome(&answer), ("accepted", ""), "{answer}");
        assert_eq!(app.pull(&staff).await["reports"][0]["grid_id"], donghu);

        // The 分管领导 finds it on the board, apart from the grids' monthly reports, owed by no
        // cadence, and is reminded of it; returning it reaches the staff member.
        let instructor = app.login("13800000011").await;
        let shown = board(app, &instructor).await;
        let own = row(&shown, "东湖镇（经发办统计人员汇报）");
        assert_eq!(own["report"]["author"], "刘芳", "{own}");
        assert!(own["duty"].is_null());
        let titles = json!(app.reminders(&instructor).await).to_string();
        assert!(titles.contains("东湖镇：1 份情况汇报待审核"), "{titles}");
        let (status, _) = review(app, &instructor, &id, 1, "return", "请补充困难和问题").await;
        assert_eq!(status, 200);
        let back = &app.pull(&staff).await["reports"][0];
        assert_eq!(back["status"], "returned", "{back}");

        // No one else files the township's report: not a grid leader below it, nor its deputy.
        let grid_leader = app.login(GRID_LEADER).await;
        let other = common::reports::report(app, &new_id(), 1, donghu, "代报");
        let (_, refused) = app.push(&grid_leader, json!([other])).await;
        assert_eq!(outcome(&refused), ("rejected", "grid_not_allowed"));
    }
);
