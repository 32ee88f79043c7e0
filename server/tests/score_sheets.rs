//! Score sheets filled in the field (issue 15): the bureau assigns who scores which unit, the
//! phone reads its sheets with their templates, a sheet is stored once and totalled by the
//! server, everyone assigned to the unit carries the same sheet on (two versions made apart
//! meet as a conflict), and nobody else may write, read or withdraw it.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use common::*;
use serde_json::{Value, json};

/// 云江市东湖镇 in the demo's fictional divisions.
const DONGHU_TOWN: &str = "990181100";

async fn campaign(app: &TestApp, admin: &reqwest::Client) -> i64 {
    let draft =
        json!({"draft": {"name": "联点评价", "year": 2026, "kind": "hunan", "root": "990100"}});
    let (status, id) = app.call(admin, "evaluation/campaign_create", draft).await;
    assert_eq!(status, 200, "{id}");
    id.as_i64().unwrap()
}

async fn assign(
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

async fn mine(app: &TestApp, client: &reqwest::Client) -> Vec<Value> {
    let response = client
        .get(app.url("/api/v1/evaluation/mine"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

/// The id every phone makes for the sheet: campaign, "SG", 0x80 | role, "E", 0x80, "VAL", unit.
fn sheet_id(campaign: i64, unit: i64, role: u8) -> String {
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

fn sheet(id: &str, version: u32, sheet: &Value, marks: Value) -> Value {
    json!({ "id": id, "kind": "score_sheet", "version": version, "device_time_ms": 1,
            "payload": { "campaign_id": sheet["campaign_id"], "unit_id": sheet["unit_id"],
                         "role": sheet["role"], "scored_on": "2026-10-20", "marks": marks } })
}

/// The first `n` items of the sheet's template, as (id, points in tenths).
fn items(sheet: &Value, n: usize) -> Vec<(String, u64)> {
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
fn points(tenths: u64) -> String {
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

fn status(answer: &Value) -> (&str, &str) {
    let r = &answer["results"][0];
    (
        r["status"].as_str().unwrap_or(""),
        r["problems"][0]["code"].as_str().unwrap_or(""),
    )
}

fn unit_sheets(view: &Value, code: &str) -> Value {
    (view["units"].as_array().unwrap().iter())
        .find(|u| u["code"] == code)
        .unwrap()["sheets"]
        .clone()
}

db_test!(an_inspector_scores_a_township_once_and_the_bureau_sees_the_total_and_photos, at "2026-10-20T09:00:00+08:00", |app| {
    let admin = app.login(CITY_ADMIN).await;
    let id = campaign(app, &admin).await;
    let (code, view) = assign(app, &admin, id, DONGHU_TOWN, DONGHU_LEADER, "inspection").await;
    assert_eq!(code, 200, "{view}");
    assert_eq!(view["assignments"][0]["unit"], "云江市东湖镇");
    let inspector = app.login(DONGHU_LEADER).await;
    let sheets = mine(app, &inspector).await;
    assert_eq!(sheets.len(), 1, "{sheets:?}");
    let mine = &sheets[0];
    assert_eq!((mine["unit"].as_str(), mine["campaign"].as_str(), mine["role"].as_str()),
               (Some("云江市东湖镇"), Some("联点评价"), Some("inspection")));
    let all = mine["template"]["aspects"].as_array().unwrap().iter()
        .map(|a| a["items"].as_array().unwrap().len()).sum::<usize>();
    let two = items(mine, 2);
    let photo = "01900000-0000-7000-8000-000000000abc";
    assert_eq!(upload(app, &inspector, photo, jpeg(1, 2000)).await, 204);
    let marks = json!([
        {"item": two[0].0, "points": two[0].1, "done": true},
        {"item": two[1].0, "points": two[1].1 - 10, "note": "台账不全", "done": true, "photos": [photo]},
    ]);
    let record_id = sheet_id(id, mine["unit_id"].as_i64().unwrap(), 0);
    let record = sheet(&record_id, 1, mine, marks);
    let (code, answer) = app.push(&inspector, json!([record.clone()])).await;
    assert_eq!((code, status(&answer)), (200, ("accepted", "")), "{answer}");
    // Sent again, as a phone does when the answer was lost: stored once.
    let (_, again) = app.push(&inspector, json!([record])).await;
    assert_eq!(status(&again), ("accepted", ""), "{again}");
    let pulled = app.pull(&inspector).await;
    let held = pulled["score_sheets"].as_array().unwrap();
    assert_eq!(held.len(), 1, "{pulled}");
    assert_eq!((held[0]["id"].as_str(), held[0]["version"].as_u64()), (Some(record_id.as_str()), Some(1)));
    assert_eq!(held[0]["draft"]["marks"][1]["note"], "台账不全");
    let (_, view) = app.call(&admin, "evaluation/campaign", json!({"id": id})).await;
    let total = points(two[0].1 + two[1].1 - 10);
    assert_eq!(unit_sheets(&view, DONGHU_TOWN), json!([format!("检查评分 {total} 分（已评 2/{all} 项）")]));
    let unit = (view["units"].as_array().unwrap().iter()).find(|u| u["code"] == DONGHU_TOWN).unwrap().clone();
    assert_eq!(unit["inspected"], Value::Null, "not every item is scored yet");
    // Every item scored: the inspection's total is offered as the unit's final total.
    let mut every: Vec<Value> = items(mine, all).into_iter()
        .map(|(item, points)| json!({"item": item, "points": points, "done": true}))
        .collect();
    every[1]["photos"] = json!([photo]);
    let (_, answer) = app.push(&inspector, json!([sheet(&record_id, 2, mine, json!(every))])).await;
    assert_eq!(status(&answer), ("accepted", ""), "{answer}");
    let (_, view) = app.call(&admin, "evaluation/campaign", json!({"id": id})).await;
    assert_eq!(unit_sheets(&view, DONGHU_TOWN), json!([format!("检查评分 100 分（已评 {all}/{all} 项）")]));
    let unit = (view["units"].as_array().unwrap().iter()).find(|u| u["code"] == DONGHU_TOWN).unwrap().clone();
    assert_eq!(unit["inspected"], "100");
    // The bureau sees the evidence; a township leader not assigned to the unit does not.
    let url = app.url(&format!("/api/v1/photos/{photo}"));
    assert_eq!(admin.get(&url).send().await.unwrap().status(), 200);
    let stranger = app.login(XILING_LEADER).await;
    assert_eq!(stranger.get(&url).send().await.unwrap().status(), 403);
    assert!(app.pull(&stranger).await["score_sheets"].as_array().unwrap().is_empty());
});

db_test!(inspectors_of_one_unit_carry_one_sheet_on_and_meet_as_a_conflict, at "2026-10-20T09:00:00+08:00", |app| {
    let admin = app.login(CITY_ADMIN).await;
    let id = campaign(app, &admin).await;
    for phone in [DONGHU_LEADER, XILING_LEADER] {
        let (code, view) = assign(app, &admin, id, DONGHU_TOWN, phone, "inspection").await;
        assert_eq!(code, 200, "{view}");
    }
    let first = app.login(DONGHU_LEADER).await;
    let second = app.login(XILING_LEADER).await;
    let sheet_of = mine(app, &first).await.remove(0);
    let item = items(&sheet_of, 1).remove(0);
    let record_id = sheet_id(id, sheet_of["unit_id"].as_i64().unwrap(), 0);
    let mark = |points: u64, note: &str| json!([{"item": item.0, "points": points, "note": note, "done": true}]);
    let (_, answer) = app.push(&first, json!([sheet(&record_id, 1, &sheet_of, mark(item.1, "齐全"))])).await;
    assert_eq!(status(&answer), ("accepted", ""), "{answer}");
    // The second inspector scored the same unit offline: their first version meets the first.
    let (_, answer) = app.push(&second, json!([sheet(&record_id, 1, &sheet_of, mark(0, "未见台账"))])).await;
    assert_eq!(status(&answer), ("conflict", "stale_version"), "{answer}");
    assert_eq!(answer["results"][0]["current"]["payload"]["marks"][0]["note"], "齐全");
    // Having seen the first, they carry it on as version 2.
    let pulled = app.pull(&second).await;
    assert_eq!(pulled["score_sheets"][0]["draft"]["marks"][0]["note"], "齐全", "{pulled}");
    let (_, answer) = app.push(&second, json!([sheet(&record_id, 2, &sheet_of, mark(item.1 - 5, "补看后扣0.5分"))])).await;
    assert_eq!(status(&answer), ("accepted", ""), "{answer}");
    let pulled = app.pull(&first).await;
    assert_eq!(pulled["score_sheets"][0]["version"], 2);
    // Nobody withdraws a sheet: a tombstone would close the unit's one id.
    let mut withdrawal = sheet(&record_id, 3, &sheet_of, mark(item.1, ""));
    withdrawal["withdrawn"] = json!(true);
    let (_, answer) = app.push(&first, json!([withdrawal])).await;
    assert_eq!(status(&answer), ("rejected", "not_allowed"), "{answer}");
    assert_eq!(app.pull(&first).await["score_sheets"][0]["version"], 2);
});

db_test!(only_the_assigned_may_write_and_a_sheet_is_checked_against_its_template, at "2026-10-20T09:00:00+08:00", |app| {
    let admin = app.login(CITY_ADMIN).await;
    let id = campaign(app, &admin).await;
    assign(app, &admin, id, DONGHU_TOWN, DONGHU_LEADER, "inspection").await;
    let inspector = app.login(DONGHU_LEADER).await;
    let sheet_of = mine(app, &inspector).await.remove(0);
    let unit = sheet_of["unit_id"].as_i64().unwrap();
    let item = items(&sheet_of, 1).remove(0);
    let full = json!([{"item": item.0, "points": item.1, "done": true}]);
    // Someone not assigned to the unit.
    let member = app.login(DONGHU_MEMBER).await;
    assert!(mine(app, &member).await.is_empty());
    let (_, answer) = app.push(&member, json!([sheet(&sheet_id(id, unit, 0), 1, &sheet_of, full.clone())])).await;
    assert_eq!(status(&answer), ("rejected", "not_assigned"), "{answer}");
    assert!(answer["results"][0]["problems"][0]["message"].as_str().unwrap().contains("检查评分"));
    // The inspector is not the unit: no self-assessment.
    let mut own = sheet(&sheet_id(id, unit, 1), 1, &sheet_of, full.clone());
    own["payload"]["role"] = json!("self_assessment");
    let (_, answer) = app.push(&inspector, json!([own])).await;
    assert_eq!(status(&answer), ("rejected", "not_assigned"), "{answer}");
    // An id other than the unit's.
    let stray = sheet("01900000-0000-7000-8000-000000000001", 1, &sheet_of, full.clone());
    let (_, answer) = app.push(&inspector, json!([stray])).await;
    assert_eq!(status(&answer), ("rejected", "sheet_id"), "{answer}");
    // More points than the item gives, and an item the template lacks.
    let over = json!([{"item": item.0, "points": item.1 + 1}, {"item": "no.such", "points": 0}]);
    let (_, answer) = app.push(&inspector, json!([sheet(&sheet_id(id, unit, 0), 1, &sheet_of, over)])).await;
    let problems: Vec<&str> = (answer["results"][0]["problems"].as_array().unwrap().iter())
        .map(|p| p["message"].as_str().unwrap()).collect();
    assert_eq!(problems.len(), 2, "{answer}");
    assert!(problems[0].contains("最多"), "{problems:?}");
    assert_eq!(problems[1], "评分表中没有编号为“no.such”的评分项");
    let (_, view) = app.call(&admin, "evaluation/campaign", json!({"id": id})).await;
    assert_eq!(unit_sheets(&view, DONGHU_TOWN), json!([]), "nothing refused was kept");
});

db_test!(the_bureau_assigns_by_phone_with_clear_refusals_and_an_audit_trail, at "2026-10-20T09:00:00+08:00", |app| {
    let admin = app.login(CITY_ADMIN).await;
    let id = campaign(app, &admin).await;
    let (code, answer) = assign(app, &admin, id, DONGHU_TOWN, "13999999999", "inspection").await;
    assert_eq!(code, 422);
    assert!(answer.to_string().contains("人员名录中没有手机号为“13999999999”的在岗人员"), "{answer}");
    let (code, answer) = assign(app, &admin, id, "140702001", DONGHU_LEADER, "inspection").await;
    assert_eq!(code, 422);
    assert!(answer.to_string().contains("本次评价中没有区划代码为“140702001”的单位"), "{answer}");
    let (code, view) = assign(app, &admin, id, DONGHU_TOWN, DONGHU_LEADER, "self_assessment").await;
    assert_eq!(code, 200, "{view}");
    let (code, answer) = assign(app, &admin, id, DONGHU_TOWN, DONGHU_LEADER, "self_assessment").await;
    assert_eq!(code, 422);
    assert!(answer.to_string().contains("已分配了这个单位的这项评分"), "{answer}");
    let leader = app.login(DONGHU_LEADER).await;
    assert_eq!(mine(app, &leader).await[0]["role"], "self_assessment");
    let assignment = view["assignments"][0]["id"].clone();
    let (code, view) = app.call(&admin, "evaluation/campaign_unassign", json!({"id": id, "assignment": assignment})).await;
    assert_eq!(code, 200, "{view}");
    assert_eq!(view["assignments"], json!([]));
    assert!(mine(app, &leader).await.is_empty());
    let (_, log) = app.admin_call(&admin, "audit", json!({})).await;
    let actions: Vec<&str> = (log.as_array().unwrap().iter())
        .filter_map(|e| e["action"].as_str())
        .filter(|a| a.starts_with("evaluation_"))
        .collect();
    assert!(actions.contains(&"evaluation_assign") && actions.contains(&"evaluation_unassign"), "{actions:?}");
    // Only the city bureau assigns.
    let (code, _) = assign(app, &leader, id, DONGHU_TOWN, DONGHU_LEADER, "inspection").await;
    assert_eq!(code, 403);
});

db_test!(the_review_sets_the_self_assessment_beside_the_inspection_with_the_tasks_to_put_right, at "2026-10-20T09:00:00+08:00", |app| {
    let admin = app.login(CITY_ADMIN).await;
    let id = campaign(app, &admin).await;
    assign(app, &admin, id, DONGHU_TOWN, XILING_LEADER, "inspection").await;
    assign(app, &admin, id, DONGHU_TOWN, DONGHU_LEADER, "self_assessment").await;
    let (_, none) = app.call(&admin, "evaluation/campaign_unit", json!({"id": id, "code": DONGHU_TOWN})).await;
    assert_eq!(none["totals"], json!([]));
    let inspector = app.login(XILING_LEADER).await;
    let unit = app.login(DONGHU_LEADER).await;
    let sheet_of = mine(app, &inspector).await.remove(0);
    let unit_id = sheet_of["unit_id"].as_i64().unwrap();
    let two = items(&sheet_of, 2);
    let inspection = json!([
        {"item": two[0].0, "points": two[0].1, "done": true},
        {"item": two[1].0, "points": two[1].1 - 15, "note": "分析报告只有一篇", "done": true},
    ]);
    let (_, answer) = app.push(&inspector, json!([sheet(&sheet_id(id, unit_id, 0), 1, &sheet_of, inspection)])).await;
    assert_eq!(status(&answer), ("accepted", ""), "{answer}");
    let own_sheet = mine(app, &unit).await.remove(0);
    let own = json!([{"item": two[0].0, "points": two[0].1}, {"item": two[1].0, "points": two[1].1}]);
    let (_, answer) = app.push(&unit, json!([sheet(&sheet_id(id, unit_id, 1), 1, &own_sheet, own)])).await;
    assert_eq!(status(&answer), ("accepted", ""), "{answer}");
    let (code, review) = app.call(&admin, "evaluation/campaign_unit", json!({"id": id, "code": DONGHU_TOWN})).await;
    assert_eq!(code, 200, "{review}");
    assert_eq!(review["unit"], "云江市东湖镇");
    let all = items(&sheet_of, 200).len();
    let inspected = two[0].1 + two[1].1 - 15;
    assert_eq!(review["totals"], json!([
        format!("检查评分：{} 分，不合格（已评 2/{all} 项）", points(inspected)),
        format!("自评：{} 分，不合格（已评 2/{all} 项）", points(two[0].1 + two[1].1)),
    ]));
    let item = &review["aspects"][0]["items"][1];
    assert_eq!((item["inspection"]["points"].as_str(), item["self_assessment"]["points"].as_str()),
               (Some(points(two[1].1 - 15).as_str()), Some(points(two[1].1).as_str())));
    assert_eq!(item["self_assessment"]["done"], false);
    assert_eq!(review["tasks"].as_array().unwrap().len(), 1, "{review}");
    assert!(review["tasks"][0]["text"].as_str().unwrap().ends_with("：扣 1.5 分。分析报告只有一篇"), "{review}");
    assert_eq!(review["tasks"][0]["closing"], Value::Null);
    let (_, missing) = app.call(&admin, "evaluation/campaign_unit", json!({"id": id, "code": "990121"})).await;
    assert_eq!(missing, Value::Null, "a county is not a unit of a Hunan campaign");
});

db_test!(the_unit_closes_the_items_its_inspection_marked_down_and_the_board_shows_what_is_open, at "2026-10-20T09:00:00+08:00", |app| {
    let admin = app.login(CITY_ADMIN).await;
    let id = campaign(app, &admin).await;
    assign(app, &admin, id, DONGHU_TOWN, XILING_LEADER, "inspection").await;
    assign(app, &admin, id, DONGHU_TOWN, DONGHU_LEADER, "self_assessment").await;
    let inspector = app.login(XILING_LEADER).await;
    let unit = app.login(DONGHU_LEADER).await;
    let (_, nothing) = app.call(&unit, "evaluation/rectification_mine", json!({})).await;
    assert_eq!(nothing, json!([]), "no inspection yet, no tasks");
    let sheet_of = mine(app, &inspector).await.remove(0);
    let unit_id = sheet_of["unit_id"].as_i64().unwrap();
    let three = items(&sheet_of, 3);
    let inspection = json!([
        {"item": three[0].0, "points": three[0].1 - 10, "note": "台账不全", "done": true},
        {"item": three[1].0, "points": three[1].1 - 15, "note": "分析报告只有一篇", "done": true},
        {"item": three[2].0, "points": three[2].1, "done": true},
    ]);
    let (_, answer) = app.push(&inspector, json!([sheet(&sheet_id(id, unit_id, 0), 1, &sheet_of, inspection)])).await;
    assert_eq!(status(&answer), ("accepted", ""), "{answer}");

    let (code, tasks) = app.call(&unit, "evaluation/rectification_mine", json!({})).await;
    assert_eq!(code, 200, "{tasks}");
    assert_eq!(tasks.as_array().unwrap().len(), 1, "{tasks}");
    assert_eq!(tasks[0]["unit"], "云江市东湖镇");
    let lines: Vec<&Value> = tasks[0]["tasks"].as_array().unwrap().iter().collect();
    assert_eq!(lines.len(), 2, "only the items that lost points: {tasks}");
    assert!(lines[0]["text"].as_str().unwrap().ends_with("：扣 1 分。台账不全"), "{tasks}");
    let board = |view: &Value| {
        let unit = view["units"].as_array().unwrap().iter().find(|u| u["code"] == DONGHU_TOWN).unwrap().clone();
        (view["rectification"].clone(), unit["rectification"].clone())
    };
    let (_, view) = app.call(&admin, "evaluation/campaign", json!({"id": id})).await;
    assert_eq!(board(&view), (json!("整改事项共 2 项（1 个单位），已完成 0 项，未完成 2 项。"), json!("整改 0/2 项已完成")));

    // Refused in words, nothing kept: the inspector is not the unit; an item not marked down;
    // no note; a photo never uploaded.
    let close = |item: &str, note: &str, photos: Value| json!({"entry": {
        "campaign_id": id, "code": DONGHU_TOWN, "item": item, "note": note, "photos": photos}});
    let report = three[1].0.as_str();
    for (client, entry, expected) in [
        (&inspector, close(report, "已补写", json!([])), "只有负责该单位自评的人员可以填写整改情况"),
        (&unit, close(&three[2].0, "已补写", json!([])), "这一项没有扣分，无需整改"),
        (&unit, close(report, "  ", json!([])), "请填写整改情况"),
        (&unit, close(report, "已补写", json!([uuid::Uuid::now_v7()])), "有照片没有上传成功"),
    ] {
        let (code, answer) = app.call(client, "evaluation/rectification_close", entry).await;
        assert_eq!(code, 422, "{answer}");
        assert!(answer.to_string().contains(expected), "{answer}");
    }

    let photo = uuid::Uuid::now_v7().to_string();
    assert_eq!(upload(app, &unit, &photo, jpeg(3, 2000)).await, 204);
    let (code, tasks) = app.call(&unit, "evaluation/rectification_close",
        close(report, "已补写分析报告三篇，报镇党委", json!([photo]))).await;
    assert_eq!(code, 200, "{tasks}");
    let closing = &tasks[0]["tasks"][1]["closing"];
    assert_eq!((closing["note"].as_str(), closing["by"].as_str()),
               (Some("已补写分析报告三篇，报镇党委"), Some("已整改（陈晓岚，10月20日）")), "{tasks}");
    assert_eq!(closing["photos"], json!([photo]));
    assert_eq!(tasks[0]["tasks"][0]["closing"], Value::Null);
    let (_, view) = app.call(&admin, "evaluation/campaign", json!({"id": id})).await;
    assert_eq!(board(&view), (json!("整改事项共 2 项（1 个单位），已完成 1 项，未完成 1 项。"), json!("整改 1/2 项已完成")));
    let (_, review) = app.call(&admin, "evaluation/campaign_unit", json!({"id": id, "code": DONGHU_TOWN})).await;
    assert_eq!(review["tasks"][1]["closing"]["note"], "已补写分析报告三篇，报镇党委");

    // The evidence: the bureau and whoever is assigned to the unit, nobody else.
    let url = app.url(&format!("/api/v1/photos/{photo}"));
    for (client, expected) in [(&admin, 200), (&inspector, 200), (&app.login(DONGHU_MEMBER).await, 403)] {
        assert_eq!(client.get(url.clone()).send().await.unwrap().status(), expected);
    }

    // Closed again without the photo: the note changes, the photo leaves the closing.
    let (_, tasks) = app.call(&unit, "evaluation/rectification_close", close(report, "已补写三篇", json!([]))).await;
    assert_eq!(tasks[0]["tasks"][1]["closing"]["note"], "已补写三篇");
    assert_eq!(tasks[0]["tasks"][1]["closing"]["photos"], json!([]));
    let (_, log) = app.admin_call(&admin, "audit", json!({})).await;
    let closings = log.as_array().unwrap().iter().filter(|e| e["action"] == "evaluation_rectify").count();
    assert_eq!(closings, 2);
    let (_, none) = app.call(&inspector, "evaluation/rectification_mine", json!({})).await;
    assert_eq!(none, json!([]), "an inspector has no tasks of the unit's own");
});

db_test!(a_look_back_shows_each_county_its_townships_inspected_against_the_quota, at "2026-06-01T09:00:00+08:00", |app| {
    let admin = app.login(CITY_ADMIN).await;
    let draft = json!({"draft": {"name": "回头看", "year": 2026, "kind": "jinzhong", "root": "990100"}});
    let (_, id) = app.call(&admin, "evaluation/campaign_create", draft).await;
    let id = id.as_i64().unwrap();
    let counties = |view: &Value| -> Vec<(String, String, String)> {
        (view["counties"].as_array().unwrap().iter())
            .map(|c| (c["county"].as_str().unwrap().into(), c["quota"].as_str().unwrap().into(), c["timing"].as_str().unwrap().into()))
            .collect()
    };
    let line = |county: &str, quota: &str| (county.to_string(), quota.to_string(), "进行中".to_string());
    let (_, view) = app.call(&admin, "evaluation/campaign", json!({"id": id})).await;
    assert_eq!(counties(&view), [line("青山县", "已检查 0 个，不少于 2 个"), line("云江市", "已检查 0 个，不少于 2 个")]);

    assign(app, &admin, id, DONGHU_TOWN, XILING_LEADER, "inspection").await;
    let inspector = app.login(XILING_LEADER).await;
    let sheet_of = mine(app, &inspector).await.remove(0);
    let unit_id = sheet_of["unit_id"].as_i64().unwrap();
    let one = items(&sheet_of, 1);
    let mut record = sheet(&sheet_id(id, unit_id, 0), 1, &sheet_of, json!([{"item": one[0].0, "points": one[0].1}]));
    record["payload"]["scored_on"] = json!("2026-06-01");
    let (_, answer) = app.push(&inspector, json!([record])).await;
    assert_eq!(status(&answer), ("accepted", ""), "{answer}");
    let (_, view) = app.call(&admin, "evaluation/campaign", json!({"id": id})).await;
    assert_eq!(counties(&view), [line("青山县", "已检查 0 个，不少于 2 个"), line("云江市", "已检查 1 个，不少于 2 个")]);
    // A Hunan campaign has no county stage, and so no board.
    let hunan = campaign(app, &admin).await;
    let (_, view) = app.call(&admin, "evaluation/campaign", json!({"id": hunan})).await;
    assert_eq!(view["counties"], json!([]));
});

db_test!(a_unit_sends_its_questionnaire_and_summary_report_and_the_bureau_sees_when, at "2026-06-20T09:00:00+08:00", |app| {
    let admin = app.login(CITY_ADMIN).await;
    let draft = json!({"draft": {"name": "回头看", "year": 2026, "kind": "jinzhong", "root": "990100"}});
    let (_, id) = app.call(&admin, "evaluation/campaign_create", draft).await;
    let id = id.as_i64().unwrap();
    assign(app, &admin, id, DONGHU_TOWN, DONGHU_LEADER, "self_assessment").await;
    assign(app, &admin, id, DONGHU_TOWN, XILING_LEADER, "inspection").await;
    let unit = app.login(DONGHU_LEADER).await;
    let (code, mine) = app.call(&unit, "evaluation/materials_mine", json!({})).await;
    assert_eq!(code, 200, "{mine}");
    assert_eq!(mine.as_array().unwrap().len(), 1, "{mine}");
    assert_eq!((mine[0]["unit"].as_str(), mine[0]["due"].as_str()), (Some("云江市东湖镇"), Some("材料报送截止：7月1日")));
    assert_eq!(mine[0]["questionnaire_sent"], Value::Null);
    let questions = mine[0]["questions"].as_array().unwrap().clone();
    assert_eq!(questions.len(), 6);

    let send = |body: Value| json!({"entry": {"campaign_id": id, "code": DONGHU_TOWN, "body": body}});
    // Half answered, one choice not offered: every reason, nothing kept.
    let (code, answer) = app.call(&unit, "evaluation/materials_send",
        send(json!({"kind": "questionnaire", "answers": [["body", "也许"], ["staff", 3]]}))).await;
    assert_eq!(code, 422, "{answer}");
    let text = answer.to_string();
    assert!(text.contains("“是否设立独立的统计机构”请从给出的选项中选择") && text.contains("“规范化建设中遇到的主要困难”尚未回答"), "{answer}");
    let answers = json!([["body", "是"], ["staff", 3], ["budget", "是"], ["network", "基本满足"], ["trainings", 4], ["difficulties", "人员流动大"]]);
    let (code, mine) = app.call(&unit, "evaluation/materials_send", send(json!({"kind": "questionnaire", "answers": answers}))).await;
    assert_eq!(code, 200, "{mine}");
    assert_eq!(mine[0]["questionnaire_sent"], "已提交（陈晓岚，6月20日，按时完成）");
    assert_eq!(mine[0]["answers"], answers);

    let report = |problems: &str| json!({"experience": "建立了统计台账", "problems": problems,
                                        "suggestions": "加强培训", "next_steps": "完善制度"});
    let (code, answer) = app.call(&unit, "evaluation/materials_send", send(json!({"kind": "summary_report", "report": report(" ")}))).await;
    assert_eq!(code, 422);
    assert!(answer.to_string().contains("请填写存在问题"), "{answer}");
    let photo = uuid::Uuid::now_v7().to_string();
    assert_eq!(upload(app, &unit, &photo, jpeg(5, 2000)).await, 204);
    let (code, mine) = app.call(&unit, "evaluation/materials_send",
        send(json!({"kind": "summary_report", "report": report("人员不足"), "photos": [photo]}))).await;
    assert_eq!(code, 200, "{mine}");
    assert_eq!(mine[0]["report"]["problems"], "人员不足");
    assert_eq!(mine[0]["report_photos"], json!([photo]));

    // The bureau: each unit's materials on the campaign page, the unit's in its review.
    let (_, view) = app.call(&admin, "evaluation/campaign", json!({"id": id})).await;
    let materials = |code: &str| (view["units"].as_array().unwrap().iter())
        .find(|u| u["code"] == code).unwrap()["materials"].clone();
    assert_eq!(materials(DONGHU_TOWN), json!(["调查问卷：已提交（陈晓岚，6月20日，按时完成）", "总结报告：已提交（陈晓岚，6月20日，按时完成）"]));
    assert_eq!(materials("990181001"), json!(["调查问卷：未提交", "总结报告：未提交"]));
    let (_, review) = app.call(&admin, "evaluation/campaign_unit", json!({"id": id, "code": DONGHU_TOWN})).await;
    assert_eq!(review["materials"]["report"]["experience"], "建立了统计台账");
    let url = app.url(&format!("/api/v1/photos/{photo}"));
    for (client, expected) in [(&admin, 200), (&app.login(DONGHU_MEMBER).await, 403)] {
        assert_eq!(client.get(url.clone()).send().await.unwrap().status(), expected);
    }

    // Only the unit's own people send; a Hunan campaign asks for nothing.
    let inspector = app.login(XILING_LEADER).await;
    let (code, answer) = app.call(&inspector, "evaluation/materials_send", send(json!({"kind": "questionnaire", "answers": answers}))).await;
    assert_eq!(code, 422);
    assert!(answer.to_string().contains("只有负责该单位自评的人员可以报送材料"), "{answer}");
    let hunan = campaign(app, &admin).await;
    assign(app, &admin, hunan, DONGHU_TOWN, DONGHU_LEADER, "self_assessment").await;
    let (_, mine) = app.call(&unit, "evaluation/materials_mine", json!({})).await;
    assert_eq!(mine.as_array().unwrap().len(), 1, "the Hunan campaign asks for no materials");
    let (_, view) = app.call(&admin, "evaluation/campaign", json!({"id": hunan})).await;
    assert_eq!(view["units"][0]["materials"], json!([]));
    let (_, log) = app.admin_call(&admin, "audit", json!({})).await;
    let sent = log.as_array().unwrap().iter().filter(|e| e["action"] == "evaluation_material").count();
    assert_eq!(sent, 2);
});

db_test!(a_countys_archive_binds_its_units_sheets_with_their_photos_and_a_summary, at "2026-10-20T09:00:00+08:00", |app| {
    use calamine::{Reader, Xlsx};
    use std::io::Read;
    let admin = app.login(CITY_ADMIN).await;
    let id = campaign(app, &admin).await;
    let (_, view) = app.call(&admin, "evaluation/campaign", json!({"id": id})).await;
    assert_eq!(view["archives"], json!([["990121", "青山县"], ["990181", "云江市"]]));
    assign(app, &admin, id, DONGHU_TOWN, XILING_LEADER, "inspection").await;
    let inspector = app.login(XILING_LEADER).await;
    let sheet_of = mine(app, &inspector).await.remove(0);
    let two = items(&sheet_of, 2);
    let photo = uuid::Uuid::now_v7().to_string();
    let bytes = jpeg(7, 3000);
    assert_eq!(upload(app, &inspector, &photo, bytes.clone()).await, 204);
    let marks = json!([
        {"item": two[0].0, "points": two[0].1, "done": true},
        {"item": two[1].0, "points": two[1].1 - 10, "note": "台账不全", "done": true, "photos": [photo]},
    ]);
    let unit_id = sheet_of["unit_id"].as_i64().unwrap();
    let (_, answer) = app.push(&inspector, json!([sheet(&sheet_id(id, unit_id, 0), 1, &sheet_of, marks)])).await;
    assert_eq!(status(&answer), ("accepted", ""), "{answer}");

    let url = |county: &str| app.url(&format!("{}?id={id}&county={county}", app::evaluation::api::ARCHIVE_PATH));
    let response = admin.get(url("990181")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/zip");
    let zipped = response.bytes().await.unwrap().to_vec();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(zipped)).unwrap();
    let mut html = String::new();
    zip.by_name("index.html").unwrap().read_to_string(&mut html).unwrap();
    // A section per unit of 云江市 in division order, the mark's note and its photo beside it.
    let west = html.find("<h2>云江市西岭街道</h2>").expect("西岭街道's section");
    let east = html.find("<h2>云江市东湖镇</h2>").expect("东湖镇's section");
    assert!(west < east && !html.contains("青山县青山镇"));
    assert!(html.contains("台账不全") && html.contains(&format!("src=\"photos/{photo}.jpg\"")), "{html}");
    let mut kept = Vec::new();
    zip.by_name(&format!("photos/{photo}.jpg")).unwrap().read_to_end(&mut kept).unwrap();
    assert_eq!(kept, bytes);
    let mut sheet_bytes = Vec::new();
    zip.by_name("units.xlsx").unwrap().read_to_end(&mut sheet_bytes).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(sheet_bytes)).unwrap();
    let range = book.worksheet_range("单位汇总").unwrap();
    let rows: Vec<Vec<String>> = range.rows().map(|r| r.iter().map(ToString::to_string).collect()).collect();
    assert_eq!(rows[1][..3], ["单位", "区划代码", "类别"]);
    let units: Vec<&str> = rows[2..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(units, ["云江市西岭街道", "云江市东湖镇"]);
    assert!(rows[3][3].starts_with("检查评分"), "{rows:?}");

    // A city is not a county; a county the campaign does not cover has no units; only the bureau.
    for (county, expected) in [("990100", "请选择一个县（市、区）的区划代码"), ("990221", "没有评价单位")] {
        let response = admin.get(url(county)).send().await.unwrap();
        assert_eq!(response.status(), 422);
        assert!(response.text().await.unwrap().contains(expected));
    }
    assert_eq!(inspector.get(url("990181")).send().await.unwrap().status(), 403);
});

db_test!(
    a_contact_point_answers_for_the_townships_it_links_and_shows_how_many_it_should,
    |app| {
        let admin = app.login(CITY_ADMIN).await;
        let id = campaign(app, &admin).await;
        let link = |code: &str, role: &str, linker: &str| {
            json!({"id": id, "entry": {
        "code": code, "phone": XILING_LEADER, "role": role, "linker": linker}})
        };
        let (code, view) = app
            .call(
                &admin,
                "evaluation/campaign_assign",
                link(DONGHU_TOWN, "inspection", "bureau_leader"),
            )
            .await;
        assert_eq!(code, 200, "{view}");
        assert_eq!(view["assignments"][0]["linker"], "bureau_leader");
        let point = |view: &Value| {
            let p = &view["contact_points"][0];
            (
                p["person"].clone(),
                p["linker"].clone(),
                p["units"].clone(),
                p["links"].clone(),
                p["met"].clone(),
            )
        };
        let person = format!("郑雅 {XILING_LEADER}");
        assert_eq!(
            point(&view),
            (
                json!(person),
                json!("局领导"),
                json!("云江市东湖镇"),
                json!("联点 1 个，应联点 2 个"),
                json!(false)
            )
        );
        let (_, view) = app
            .call(
                &admin,
                "evaluation/campaign_assign",
                link("990181001", "inspection", "bureau_leader"),
            )
            .await;
        assert_eq!(
            point(&view),
            (
                json!(person),
                json!("局领导"),
                json!("云江市西岭街道、云江市东湖镇"),
                json!("联点 2 个"),
                json!(true)
            )
        );
        // Linking is for inspections: a self-assessment is the unit's own.
        let (code, answer) = app
            .call(
                &admin,
                "evaluation/campaign_assign",
                link("990121100", "self_assessment", "division"),
            )
            .await;
        assert_eq!(code, 422);
        assert!(
            answer.to_string().contains("联点和包县区只用于检查评分"),
            "{answer}"
        );
    }
);
