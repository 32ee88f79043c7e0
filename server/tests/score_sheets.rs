//! Score sheets filled in the field (issue 15): the bureau assigns who scores which unit, the
//! phone reads its sheets with their templates, a sheet is stored once and totalled by the
//! server, everyone assigned to the unit carries the same sheet on (two versions made apart
//! meet as a conflict), and nobody else may write, read or withdraw it.
use crate::common::sheets::*;
use crate::common::*;
use serde_json::{Value, json};

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
