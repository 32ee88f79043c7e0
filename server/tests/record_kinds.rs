//! Every record kind obeys the sync protocol the same way (`docs/sync.md`): one table of kinds,
//! one set of cases. A new record pushed at once over two connections is stored once with no
//! server error; a resend is a replay; a newer version is an edit; another edit of the same
//! version is a conflict; a withdrawal removes the record from the pull.
use crate::common::*;
use serde_json::{Value, json};

const GRID: &str = "东湖工业一网格";
/// 王建华 leads the grid, so he may write every kind of an enterprise grid there.
const GRID_LEADER: &str = "13800000004";

/// What a kind's cases need from the demo city.
struct Place {
    grid: i64,
    firm: i64,
    leader: i64,
    /// Today by the server's clock.
    today: String,
}

/// A kind: its wire name, where its records go in a pull, and a payload whose free text is
/// `text`.
struct Kind {
    name: &'static str,
    pulled_as: &'static str,
    /// Who writes it, and in which grid.
    author: &'static str,
    grid: &'static str,
    payload: fn(&Place, &str) -> Value,
    /// The free text as the pull shows it.
    text_of: fn(&Value) -> &str,
}

fn kinds() -> [Kind; 8] {
    [
        Kind {
            name: "visit",
            author: GRID_LEADER,
            grid: GRID,
            pulled_as: "visits",
            payload: |p, text| {
                json!({ "enterprise_id": p.firm, "visit_date": p.today, "purpose": "data_quality",
                        "findings": text, "follow_up": false })
            },
            text_of: |r| r["findings"].as_str().unwrap(),
        },
        Kind {
            name: "monthly_report",
            author: GRID_LEADER,
            grid: GRID,
            pulled_as: "reports",
            payload: |p, text| {
                json!({ "grid_id": p.grid, "month": &p.today[..7], "work_done": text,
                        "problems": "", "next_steps": "年报布置" })
            },
            text_of: |r| r["work_done"].as_str().unwrap(),
        },
        Kind {
            name: "activity",
            author: GRID_LEADER,
            grid: GRID,
            pulled_as: "activities",
            payload: |p, text| {
                json!({ "grid_id": p.grid, "activity_type": "study", "activity_date": p.today,
                        "place": "统计之家", "participants": [p.leader], "summary": text,
                        "spend_yuan": "86.5" })
            },
            text_of: |r| r["draft"]["summary"].as_str().unwrap(),
        },
        Kind {
            name: "training",
            author: GRID_LEADER,
            grid: GRID,
            pulled_as: "trainings",
            payload: |p, text| {
                json!({ "grid_id": p.grid, "title": text, "training_date": p.today,
                        "organiser": "市统计局", "topic": "law", "hours": 2,
                        "attendees": [p.leader] })
            },
            text_of: |r| r["draft"]["title"].as_str().unwrap(),
        },
        Kind {
            name: "major_event",
            author: GRID_LEADER,
            grid: GRID,
            pulled_as: "major_events",
            payload: |p, text| {
                json!({ "grid_id": p.grid, "enterprise_id": p.firm, "occurred_on": p.today,
                        "title": text, "details": "因订单不足全面停产",
                        "impact": "预计本月产值减少约3000万元" })
            },
            text_of: |r| r["draft"]["title"].as_str().unwrap(),
        },
        Kind {
            name: "annual_plan",
            author: GRID_LEADER,
            grid: GRID,
            pulled_as: "plans",
            payload: |p, text| {
                json!({ "grid_id": p.grid, "year": p.today[..4].parse::<i32>().unwrap(),
                        "goals": text, "measures": "每月例会", "schedule": "每季度一次活动" })
            },
            text_of: |r| r["draft"]["goals"].as_str().unwrap(),
        },
        Kind {
            name: "analysis_meeting",
            author: DONGHU_LEADER,
            grid: "东湖镇",
            pulled_as: "analysis_meetings",
            payload: |p, text| {
                json!({ "grid_id": p.grid, "meeting_date": p.today, "attendees": "镇长、经发办",
                        "economy": text, "findings": "订单下滑", "follow_ups": "走访企业" })
            },
            text_of: |r| r["draft"]["economy"].as_str().unwrap(),
        },
        Kind {
            name: "progress_report",
            author: DONGHU_LEADER,
            grid: "东湖镇",
            pulled_as: "progress_reports",
            payload: |p, text| {
                json!({ "grid_id": p.grid, "label": PROGRESS_REPORT, "deadline": p.today,
                        "progress": text, "problems": "人员不足", "documents": "" })
            },
            text_of: |r| r["draft"]["progress"].as_str().unwrap(),
        },
    ]
}

/// The fixed-date report the townships file in these tests, due today.
const PROGRESS_REPORT: &str = "工作进展报告";

/// Adds to the policy a fixed-date report due today that the townships file, so a progress
/// report has a deadline to answer.
async fn ask_townships_for_progress_reports(app: &TestApp) {
    let city = app.login(CITY_ADMIN).await;
    let (_, settings) = app.admin_call(&city, "cadence", json!({})).await;
    let mut policy = settings["policy"].clone();
    let rule = json!({ "kind": { "kind": "fixed_date", "label": PROGRESS_REPORT,
                                 "dates": [&app.today()[5..]], "grid_kind": "township" },
                       "due": "end_of_period", "grace_days": 0, "soon_days": 10 });
    policy["rules"].as_array_mut().unwrap().push(rule);
    let (status, saved) = app
        .admin_call(&city, "cadence_save", json!({"policy": policy}))
        .await;
    assert_eq!(status, 200, "{saved}");
}

fn envelope(kind: &Kind, place: &Place, id: &str, version: u32, text: &str) -> Value {
    json!({ "id": id, "kind": kind.name, "version": version, "device_time_ms": 1,
            "payload": (kind.payload)(place, text) })
}

fn place(app: &TestApp, pull: &Value) -> Place {
    Place {
        grid: grid_id(pull, GRID),
        firm: enterprise_in(pull, GRID),
        leader: pull["profile"]["person_id"].as_i64().unwrap(),
        today: app.today(),
    }
}

/// The status and first problem code of the only answer.
fn answer(pushed: &(u16, Value)) -> (u16, String, String) {
    let result = &pushed.1["results"][0];
    (
        pushed.0,
        result["status"].as_str().unwrap_or("").to_owned(),
        result["problems"][0]["code"]
            .as_str()
            .unwrap_or("")
            .to_owned(),
    )
}

fn accepted() -> (u16, String, String) {
    (200, "accepted".into(), String::new())
}

/// The pulled records of `kind` with this id.
fn pulled<'a>(pull: &'a Value, kind: &Kind, id: &str) -> Vec<&'a Value> {
    pull[kind.pulled_as]
        .as_array()
        .map(|all| all.iter().filter(|r| r["id"] == id).collect())
        .unwrap_or_default()
}

db_test!(
    every_kind_is_stored_once_replayed_edited_refused_and_withdrawn,
    |app| {
        ask_townships_for_progress_reports(app).await;
        for kind in kinds() {
            let phone = app.login(kind.author).await;
            let other_tab = app.login(kind.author).await;
            let pull = app.pull(&phone).await;
            let place = Place {
                grid: grid_id(&pull, kind.grid),
                ..place(app, &pull)
            };
            let id = new_id();
            let first = envelope(&kind, &place, &id, 1, "第一版");

            // Two tabs push the same new record at once.
            let (a, b) = tokio::join!(
                app.push(&phone, json!([first.clone()])),
                app.push(&other_tab, json!([first.clone()]))
            );
            assert_eq!(answer(&a), accepted(), "{}: {a:?}", kind.name);
            assert_eq!(answer(&b), accepted(), "{}: {b:?}", kind.name);
            let at = &a.1["results"][0]["received_at_ms"];
            assert_eq!(&b.1["results"][0]["received_at_ms"], at, "{}", kind.name);
            let pull = app.pull(&phone).await;
            assert_eq!(
                pulled(&pull, &kind, &id).len(),
                1,
                "{} stored once",
                kind.name
            );

            // A resend is a replay, answered as the first time.
            let again = app.push(&phone, json!([first])).await;
            assert_eq!(answer(&again), accepted(), "{}", kind.name);
            assert_eq!(
                &again.1["results"][0]["received_at_ms"], at,
                "{}",
                kind.name
            );

            // A newer version is an edit.
            let edit = app
                .push(&phone, json!([envelope(&kind, &place, &id, 2, "第二版")]))
                .await;
            assert_eq!(answer(&edit), accepted(), "{}: {edit:?}", kind.name);
            let pull = app.pull(&phone).await;
            let stored = pulled(&pull, &kind, &id);
            assert_eq!(stored.len(), 1, "{}", kind.name);
            assert_eq!((kind.text_of)(stored[0]), "第二版", "{}", kind.name);
            assert_eq!(stored[0]["version"], 2, "{}", kind.name);

            // Another edit of version 2 made elsewhere is a conflict carrying the stored one.
            let stale = app
                .push(
                    &other_tab,
                    json!([envelope(&kind, &place, &id, 2, "另一版")]),
                )
                .await;
            assert_eq!(
                answer(&stale),
                (200, "conflict".into(), "stale_version".into()),
                "{}",
                kind.name
            );
            assert_eq!(
                stale.1["results"][0]["current"]["version"], 2,
                "{}",
                kind.name
            );

            // A withdrawal removes it; the pull names it among the withdrawn.
            let mut withdrawal = envelope(&kind, &place, &id, 3, "第二版");
            withdrawal["withdrawn"] = json!(true);
            let gone = app.push(&phone, json!([withdrawal])).await;
            assert_eq!(answer(&gone), accepted(), "{}: {gone:?}", kind.name);
            let pull = app.pull(&phone).await;
            assert!(
                pulled(&pull, &kind, &id).is_empty(),
                "{} withdrawn",
                kind.name
            );
            assert!(
                pull["withdrawn"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|w| w == id.as_str()),
                "{} tombstone pulled",
                kind.name
            );
        }
    }
);
