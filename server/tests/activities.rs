//! Grid activities (网格活动): pushed by grid members like visits, stored once, changed only by
//! a newer version from their recorder, with participants from the grid, and pulled back.
use crate::common::*;
use serde_json::{Value, json};

const GRID: &str = "东湖工业一网格";
const GRID_LEADER: &str = "13800000004";

/// The person ids of the grid's members, as the phone's participant picker lists them.
fn members(pull: &Value, grid: i64) -> Vec<(i64, String)> {
    pull["directory"]["members"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["grid_id"] == grid)
        .map(|m| {
            (
                m["person_id"].as_i64().unwrap(),
                m["name"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn activity(
    app: &TestApp,
    id: &str,
    version: u32,
    grid: i64,
    participants: &[i64],
    summary: &str,
) -> Value {
    json!({
        "id": id,
        "kind": "activity",
        "version": version,
        "device_time_ms": 1_763_000_000_000i64,
        "payload": {
            "grid_id": grid,
            "activity_type": "study",
            "activity_date": app.today(),
            "place": "统计之家",
            "participants": participants,
            "summary": summary,
            "spend_yuan": "86.5"
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

/// The days the person's grid held an activity this quarter, as the duty list tells the phone.
async fn held_this_quarter(app: &TestApp, client: &reqwest::Client) -> Vec<String> {
    let response = client.get(app.url("/api/v1/duties")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let list: Value = response.json().await.unwrap();
    assert_eq!(
        list["activity_rule"]["kind"]["kind"], "quarterly_activity",
        "{list}"
    );
    let grid = list["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["grid_name"] == GRID)
        .unwrap();
    serde_json::from_value(grid["held"].clone()).unwrap()
}

async fn activity_count(app: &TestApp) -> i64 {
    use sea_orm::ConnectionTrait;
    let row = app
        .db
        .query_one_raw(sea_orm::Statement::from_string(
            app.db.get_database_backend(),
            "SELECT COUNT(*) AS n FROM grid_activity",
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

db_test!(an_activity_is_stored_once_and_edited_by_version, |app| {
    let member = app.login(DONGHU_MEMBER).await;
    let pulled = app.pull(&member).await;
    let grid = grid_id(&pulled, GRID);
    let people = members(&pulled, grid);
    let names: Vec<&str> = people.iter().map(|(_, n)| n.as_str()).collect();
    assert!(
        names.contains(&"李娜") && names.contains(&"王建华"),
        "{names:?}"
    );
    assert!(
        !names.contains(&"何静"),
        "another grid's member is not offered"
    );
    let ids: Vec<i64> = people.iter().map(|(id, _)| *id).collect();
    let id = new_id();
    let leader = app.login(GRID_LEADER).await;
    assert_eq!(held_this_quarter(app, &leader).await, Vec::<String>::new());

    // Sent twice (a retry after a lost answer): stored once, same answer.
    let first_push = json!([activity(app, &id, 1, grid, &ids[..2], "学习统计法")]);
    let (_, first) = app.push(&member, first_push.clone()).await;
    assert_eq!(status_of(&first), ("accepted", ""), "{first}");
    let (_, again) = app.push(&member, first_push).await;
    assert_eq!(again["results"][0], first["results"][0]);
    assert_eq!(activity_count(app).await, 1);
    // The grid's quarterly activity duty counts it for every member, the leader too.
    assert_eq!(held_this_quarter(app, &leader).await, vec![app.today()]);
    // The township sees it on its overview: done for this grid, still open for the next.
    let township = app.login(DONGHU_LEADER).await;
    let overview: Value = township
        .post(app.url("/api/township_overview"))
        .json(&json!({"query": {"scope": null, "month": null}}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let grid_row = |name: &str| {
        overview["grids"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["grid_name"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(grid_row(GRID)["activities"], 1, "{overview}");
    assert_eq!(grid_row(GRID)["activity_status"]["status"], "on_time");
    assert_eq!(grid_row("东湖工业二网格")["activities"], 0);
    assert_ne!(
        grid_row("东湖工业二网格")["activity_status"]["status"],
        "on_time"
    );

    // It comes back to the phone with the spend in yuan and each participant once.
    let mine = &app.pull(&member).await["activities"];
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(mine[0]["draft"]["summary"], "学习统计法");
    assert_eq!(mine[0]["draft"]["spend_yuan"], "86.50");
    assert_eq!(mine[0]["version"], 1);

    // A newer version replaces it; the old version sent late is refused as stale.
    let (_, edited) = app
        .push(
            &member,
            json!([activity(
                app,
                &id,
                2,
                grid,
                &ids,
                "学习统计法，交流月报填报"
            )]),
        )
        .await;
    assert_eq!(status_of(&edited), ("accepted", ""), "{edited}");
    let (_, stale) = app
        .push(
            &member,
            json!([activity(app, &id, 1, grid, &ids, "旧版本")]),
        )
        .await;
    assert_eq!(status_of(&stale), ("conflict", "stale_version"), "{stale}");
    assert_eq!(
        stale["results"][0]["current"]["payload"]["summary"],
        "学习统计法，交流月报填报"
    );
    // The same version with other content (a second phone's edit) is no resend either.
    let (_, sibling) = app
        .push(
            &member,
            json!([activity(app, &id, 2, grid, &ids, "另一台手机的第2版")]),
        )
        .await;
    assert_eq!(status_of(&sibling), ("conflict", "stale_version"));
    let mine = &app.pull(&member).await["activities"];
    assert_eq!(mine[0]["draft"]["summary"], "学习统计法，交流月报填报");
    assert_eq!(mine[0]["version"], 2);
    assert_eq!(activity_count(app).await, 1);

    // Nobody else may change it under the same id.
    let (_, taken) = app
        .push(
            &leader,
            json!([activity(app, &id, 3, grid, &ids, "改别人的")]),
        )
        .await;
    assert_eq!(status_of(&taken), ("rejected", "id_taken"));
});

db_test!(activities_stay_within_the_recorders_grids, |app| {
    let member = app.login(DONGHU_MEMBER).await;
    let pulled = app.pull(&member).await;
    let grid = grid_id(&pulled, GRID);
    let me = pulled["profile"]["person_id"].as_i64().unwrap();

    // A member of another grid may not record for this one.
    let outsider = app.login(XILING_MEMBER).await;
    let (_, refused) = app
        .push(
            &outsider,
            json!([activity(app, &new_id(), 1, grid, &[me], "x")]),
        )
        .await;
    assert_eq!(status_of(&refused), ("rejected", "grid_not_allowed"));

    // Participants must belong to the grid.
    let xiling = app.pull(&outsider).await;
    let stranger = xiling["profile"]["person_id"].as_i64().unwrap();
    let (_, refused) = app
        .push(
            &member,
            json!([activity(app, &new_id(), 1, grid, &[me, stranger], "x")]),
        )
        .await;
    assert_eq!(
        status_of(&refused),
        ("rejected", "participant_not_member"),
        "{refused}"
    );

    // Every field problem comes back at once, in Chinese, naming its field.
    let mut bad = activity(app, &new_id(), 1, grid, &[], " ");
    bad["payload"]["spend_yuan"] = json!("八十元");
    let (_, refused) = app.push(&member, json!([bad])).await;
    let problems = refused["results"][0]["problems"].as_array().unwrap();
    let fields: Vec<&str> = problems
        .iter()
        .map(|p| p["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["participants", "summary", "spend_yuan"]);
    assert_eq!(problems[0]["message"], "请选择参加活动的网格成员");
    assert_eq!(activity_count(app).await, 0);
});
