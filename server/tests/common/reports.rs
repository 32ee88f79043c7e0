//! Monthly reports through the API, as the report tests push, list and review them.
use super::TestApp;
use serde_json::{Value, json};

pub fn report(app: &TestApp, id: &str, version: u32, grid: i64, work_done: &str) -> Value {
    json!({
        "id": id,
        "kind": "monthly_report",
        "version": version,
        "device_time_ms": 1_763_000_000_000i64,
        "payload": {
            "grid_id": grid,
            "month": app.this_month(),
            "work_done": work_done,
            "problems": "",
            "next_steps": "做好年报布置"
        }
    })
}

pub fn status_of(answer: &Value) -> (&str, &str) {
    let result = &answer["results"][0];
    (
        result["status"].as_str().unwrap(),
        result["problems"][0]["code"].as_str().unwrap_or(""),
    )
}

pub async fn board(app: &TestApp, client: &reqwest::Client) -> Value {
    let (status, board) = app
        .call(
            client,
            "report_board",
            json!({"scope": null, "month": null}),
        )
        .await;
    assert_eq!(status, 200, "{board}");
    board
}

pub fn row<'a>(board: &'a Value, grid: &str) -> &'a Value {
    board["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["grid_name"] == grid)
        .unwrap()
}

pub async fn review(
    app: &TestApp,
    client: &reqwest::Client,
    id: &str,
    version: u32,
    action: &str,
    comment: &str,
) -> (u16, Value) {
    app.call(
        client,
        "report_review",
        json!({"id": id, "version": version, "action": action, "comment": comment}),
    )
    .await
}
