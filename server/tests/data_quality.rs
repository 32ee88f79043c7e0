//! 数据质量核查 (001 §三(二), §三(三)2): the visits whose purpose is checking data add up, for the
//! township and the department grid above them, to the year's checks, the 四上 enterprises
//! checked and the enterprises still to follow up until a later check clears them.
use crate::common::*;
use serde_json::{Value, json};

/// The directory's enterprises of the member's grid: (id, name, 四上).
fn enterprises(pulled: &Value) -> Vec<(i64, String, bool)> {
    (pulled["directory"]["enterprises"]
        .as_array()
        .unwrap()
        .iter())
    .map(|e| {
        let id = e["id"].as_i64().unwrap();
        (
            id,
            e["name"].as_str().unwrap().to_owned(),
            e["above_scale"] == true,
        )
    })
    .collect()
}

fn check(enterprise: i64, day: &str, findings: &str, follow_up: bool) -> Value {
    let mut record = visit(&new_id(), enterprise, day, findings);
    record["payload"]["follow_up"] = json!(follow_up);
    record
}

db_test!(
    a_township_sees_its_checks_and_what_is_still_to_follow_up,
    at "2026-06-15T09:00:00+08:00",
    |app| {
        let member = app.login(DONGHU_MEMBER).await;
        let firms = enterprises(&app.pull(&member).await);
        let (a, b) = (&firms[0], &firms[1]);
        let records = json!([
            check(a.0, "2026-03-02", "产值与台账不一致", true),
            check(b.0, "2026-03-05", "从业人员数漏报", true),
            check(a.0, "2026-05-10", "已按台账更正", false),
        ]);
        let (status, pushed) = app.push(&member, records).await;
        assert_eq!(status, 200, "{pushed}");
        // A visit for another purpose is no check.
        let mut guidance = visit(&new_id(), b.0, "2026-06-01", "指导填报");
        guidance["payload"]["purpose"] = json!("guidance");
        app.push(&member, json!([guidance])).await;

        let leader = app.login(DONGHU_LEADER).await;
        let donghu = grid_id(&app.pull(&leader).await, "东湖镇");
        let (status, seen) = app
            .call(&leader, "data_quality", json!({"grid_id": donghu}))
            .await;
        assert_eq!(status, 200, "{seen}");
        assert_eq!((seen["checks"].clone(), seen["enterprises"].clone()), (json!(3), json!(2)));
        assert_eq!(seen["resolved"], 1);
        let open = seen["open"].as_array().unwrap();
        assert_eq!(open.len(), 1, "{seen}");
        assert_eq!(open[0]["enterprise"], b.1.as_str());
        assert_eq!(open[0]["findings"], "从业人员数漏报");
        assert_eq!(open[0]["grid"], "东湖工业一网格");
        let above = firms.iter().filter(|f| f.2).count();
        let checked = [a, b].iter().filter(|f| f.2).count();
        assert!(seen["above_scale"].as_u64().unwrap() >= above as u64, "{seen}");
        assert_eq!(seen["above_scale_checked"], checked);

        // The city sees the same checks among all of its own.
        let bureau = app.login(CITY_ADMIN).await;
        let city = grid_id(&app.pull(&bureau).await, "云江市");
        let (_, all) = app
            .call(&bureau, "data_quality", json!({"grid_id": city}))
            .await;
        assert_eq!(all["checks"], 3);

        // 西岭街道's leader reads none of 东湖镇's; an enterprise grid has no card.
        let other = app.login(XILING_LEADER).await;
        let (status, _) = app
            .call(&other, "data_quality", json!({"grid_id": donghu}))
            .await;
        assert_eq!(status, 403);
        let grid = grid_id(&app.pull(&leader).await, "东湖工业一网格");
        let (status, none) = app
            .call(&leader, "data_quality", json!({"grid_id": grid}))
            .await;
        assert_eq!((status, none), (200, Value::Null));
    }
);

db_test!(the_department_grid_supervises_its_industrys_data, |app| {
    // 市住建局's leader oversees the construction grids below it.
    let leader = app.login("13800000009").await;
    let pulled = app.pull(&leader).await;
    let department = grid_id(&pulled, "市住建局");
    let (status, seen) = app
        .call(&leader, "data_quality", json!({"grid_id": department}))
        .await;
    assert_eq!(status, 200, "{seen}");
    assert_eq!(seen["unit"], "市住建局");
    assert_eq!(seen["checks"], 0);
    assert_eq!(seen["open"], json!([]));
});
