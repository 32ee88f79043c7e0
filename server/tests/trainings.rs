//! Trainings (培训): recorded by one grid member for those who attended, stored once, changed
//! only by a newer version from the recorder, and counted in each attendee's hours of the year.
use crate::common::*;
use serde_json::{Value, json};

const GRID: &str = "东湖工业一网格";
const GRID_LEADER: &str = "13800000004";

fn grid_and_people(pull: &Value) -> (i64, i64, i64) {
    let grid = pull["directory"]["grids"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == GRID)
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let person = |name: &str| {
        pull["directory"]["members"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["grid_id"] == grid && m["name"] == name)
            .unwrap()["person_id"]
            .as_i64()
            .unwrap()
    };
    (grid, person("李娜"), person("王建华"))
}

fn training(
    app: &TestApp,
    id: &str,
    version: u32,
    grid: i64,
    attendees: &[i64],
    hours: u32,
) -> Value {
    json!({
        "id": id,
        "kind": "training",
        "version": version,
        "device_time_ms": 1_763_000_000_000i64,
        "payload": {
            "grid_id": grid,
            "title": "统计法律知识培训",
            "training_date": app.today(),
            "organiser": "市统计局",
            "topic": "law",
            "hours": hours,
            "attendees": attendees
        }
    })
}

fn status_of(answer: &Value) -> (&str, &str) {
    let result = &answer["results"][0];
    (
        result["status"].as_str().unwrap(),
        result["problems"][0]["code"].as_str().unwrap_or(""),
    )
}

async fn duties(app: &TestApp, client: &reqwest::Client) -> Value {
    let response = client.get(app.url("/api/v1/duties")).send().await.unwrap();
    response.json().await.unwrap()
}

/// The hours of the year the person's duty list counts, from trainings anyone recorded.
async fn hours_this_year(app: &TestApp, client: &reqwest::Client) -> u64 {
    duties(app, client).await["attended"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["hours"].as_u64().unwrap())
        .sum()
}

db_test!(a_training_counts_for_each_attendee_once, |app| {
    let member = app.login(DONGHU_MEMBER).await;
    let (grid, li_na, wang) = grid_and_people(&app.pull(&member).await);
    let leader = app.login(GRID_LEADER).await;
    assert_eq!(hours_this_year(app, &leader).await, 0);

    // Recorded by the member for both; sent twice, stored once.
    let id = new_id();
    let push = json!([training(app, &id, 1, grid, &[li_na, wang], 4)]);
    let (_, first) = app.push(&member, push.clone()).await;
    assert_eq!(status_of(&first), ("accepted", ""), "{first}");
    let (_, again) = app.push(&member, push).await;
    assert_eq!(again["results"][0], first["results"][0]);
    assert_eq!(hours_this_year(app, &member).await, 4);
    assert_eq!(
        hours_this_year(app, &leader).await,
        4,
        "the leader attended too"
    );

    // The recorder corrects the hours and drops the leader: counted as corrected.
    let (_, edited) = app
        .push(&member, json!([training(app, &id, 2, grid, &[li_na], 6)]))
        .await;
    assert_eq!(status_of(&edited), ("accepted", ""));
    assert_eq!(hours_this_year(app, &member).await, 6);
    assert_eq!(hours_this_year(app, &leader).await, 0);
    let mine = &app.pull(&member).await["trainings"];
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(mine[0]["draft"]["hours"], 6);
    assert_eq!(mine[0]["draft"]["attendees"], json!([li_na]));

    // The rule binds the member, whose card counts the hours; the leader follows them.
    let own = duties(app, &member).await;
    assert_eq!(
        own["education_rule"]["kind"]["kind"],
        "continuing_education"
    );
    assert_eq!(
        own["members_education"],
        json!([]),
        "a member follows no one"
    );
    let followed = duties(app, &leader).await;
    assert_eq!(
        followed["education_rule"],
        Value::Null,
        "the rule binds members only"
    );
    let members = followed["members_education"].as_array().unwrap();
    assert_eq!(members.len(), 1, "{followed}");
    let li = &members[0];
    assert_eq!(
        (&li["name"], &li["grid_name"], &li["hours"], &li["required"]),
        (&json!("李娜"), &json!(GRID), &json!(6), &json!(24))
    );
    let open = ["not_yet_due", "due_soon"];
    assert!(
        open.contains(&li["status"]["status"].as_str().unwrap()),
        "{li}"
    );

    // Another edit of version 2 is a conflict carrying the stored version; others may not edit.
    let (_, sibling) = app
        .push(&member, json!([training(app, &id, 2, grid, &[li_na], 8)]))
        .await;
    assert_eq!(status_of(&sibling), ("conflict", "stale_version"));
    assert_eq!(sibling["results"][0]["current"]["payload"]["hours"], 6);
    let (_, taken) = app
        .push(&leader, json!([training(app, &id, 3, grid, &[wang], 2)]))
        .await;
    assert_eq!(status_of(&taken), ("rejected", "id_taken"));
});

db_test!(trainings_stay_within_the_recorders_grids, |app| {
    let member = app.login(DONGHU_MEMBER).await;
    let (grid, li_na, _) = grid_and_people(&app.pull(&member).await);
    let outsider = app.login(XILING_MEMBER).await;
    let (_, refused) = app
        .push(
            &outsider,
            json!([training(app, &new_id(), 1, grid, &[li_na], 2)]),
        )
        .await;
    assert_eq!(status_of(&refused), ("rejected", "grid_not_allowed"));
    let stranger = app.pull(&outsider).await["profile"]["person_id"]
        .as_i64()
        .unwrap();
    let (_, refused) = app
        .push(
            &member,
            json!([training(app, &new_id(), 1, grid, &[li_na, stranger], 2)]),
        )
        .await;
    assert_eq!(status_of(&refused), ("rejected", "attendee_not_member"));
    let (_, refused) = app
        .push(
            &member,
            json!([training(app, &new_id(), 1, grid, &[li_na], 41)]),
        )
        .await;
    let problem = &refused["results"][0]["problems"][0];
    assert_eq!(problem["field"], "hours");
    assert_eq!(problem["message"], "学时应为 1 到 40 之间的整数");
});
