//! Score sheets through the API, as the evaluation tests assign, fill and push them.
use super::TestApp;
use serde_json::{Value, json};

/// 云江市东湖镇 in the demo's fictional divisions.
pub const DONGHU_TOWN: &str = "990181100";

pub async fn campaign(app: &TestApp, admin: &reqwest::Client) -> i64 {
    let draft =
        json!({"draft": {"name": "联点评价", "year": 2026, "kind": "hunan", "root": "990100"}});
    let (status, id) = app.call(admin, "evaluation/campaign_create", draft).await;
    assert_eq!(status, 200, "{id}");
    id.as_i64().unwrap()
}

pub async fn assign(
    app: &TestApp,
    admin: &reqwest::Client,
    id: i64,
    code: &str,
    phone: &str,
    role: &str,
) -> (u16, Value) {
    let entry = json!({"id": id, "entry": {"code": code, "phone": phone, "role": role}});
    app.call(admin, "evaluation/campaign_assign", entry).await
}

pub async fn mine(app: &TestApp, client: &reqwest::Client) -> Vec<Value> {
    let response = client
        .get(app.url("/api/v1/evaluation/mine"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

/// The id every phone makes for the sheet: campaign, "SG", 0x80 | role, "E", 0x80, "VAL", unit.
pub fn sheet_id(campaign: i64, unit: i64, role: u8) -> String {
    let mut b = [0u8; 16];
    b[0..4].copy_from_slice(&(campaign as i32).to_be_bytes());
    b[4..6].copy_from_slice(b"SG");
    b[6] = 0x80 | role;
    b[7] = b'E';
    b[8] = 0x80;
    b[9..12].copy_from_slice(b"VAL");
    b[12..16].copy_from_slice(&(unit as i32).to_be_bytes());
    uuid::Uuid::from_bytes(b).to_string()
}

pub fn sheet(id: &str, version: u32, sheet: &Value, marks: Value) -> Value {
    json!({ "id": id, "kind": "score_sheet", "version": version, "device_time_ms": 1,
            "payload": { "campaign_id": sheet["campaign_id"], "unit_id": sheet["unit_id"],
                         "role": sheet["role"], "scored_on": "2026-10-20", "marks": marks } })
}

/// The first `n` items of the sheet's template, as (id, points in tenths).
pub fn items(sheet: &Value, n: usize) -> Vec<(String, u64)> {
    (sheet["template"]["aspects"].as_array().unwrap().iter())
        .flat_map(|a| a["items"].as_array().unwrap().iter())
        .take(n)
        .map(|i| {
            (
                i["id"].as_str().unwrap().to_owned(),
                i["points"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// Tenths as the pages write points: `87.5`, or `90` when whole.
pub fn points(tenths: u64) -> String {
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

pub fn status(answer: &Value) -> (&str, &str) {
    let r = &answer["results"][0];
    (
        r["status"].as_str().unwrap_or(""),
        r["problems"][0]["code"].as_str().unwrap_or(""),
    )
}

pub fn unit_sheets(view: &Value, code: &str) -> Value {
    (view["units"].as_array().unwrap().iter())
        .find(|u| u["code"] == code)
        .unwrap()["sheets"]
        .clone()
}
