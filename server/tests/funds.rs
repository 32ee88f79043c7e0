//! 网格活动经费 (001 §三(四)5: 每个网格员每年500元; 003 §三(四)4: 每个统计调查对象每年500元):
//! each enterprise grid's funds for the year against what its activities spent, by grid for a
//! township and by unit for the city; counted by members or by survey objects as the city's
//! scheme says.
use crate::common::*;
use serde_json::{Value, json};

fn line<'v>(ledger: &'v Value, name: &str) -> &'v Value {
    let lines = ledger["lines"].as_array().unwrap();
    lines
        .iter()
        .find(|l| l["name"] == name)
        .unwrap_or_else(|| panic!("{name} in {ledger}"))
}

db_test!(
    each_grid_has_500_yuan_a_member_less_what_its_activities_spent,
    at "2026-12-20T09:00:00+08:00",
    |app| {
        let leader = app.login(DONGHU_LEADER).await;
        let member = app.login(DONGHU_MEMBER).await;
        let pull = app.pull(&member).await;
        let me = pull["profile"]["person_id"].as_i64().unwrap();
        let grid = grid_id(&pull, "东湖工业一网格");
        let activity = json!({
            "id": new_id(), "kind": "activity", "version": 1,
            "device_time_ms": 1_763_000_000_000i64,
            "payload": {
                "grid_id": grid, "activity_type": "study", "activity_date": "2026-12-18",
                "place": "统计之家", "participants": [me], "summary": "学习统计法",
                "spend_yuan": "620"
            }
        });
        let (status, pushed) = app.push(&member, json!([activity])).await;
        assert_eq!(status, 200, "{pushed}");
        assert_eq!(pushed["results"][0]["status"], "accepted", "{pushed}");

        let donghu = grid_id(&app.pull(&leader).await, "东湖镇");
        let (status, ledger) = app.call(&leader, "funds_ledger", json!({"grid_id": donghu})).await;
        assert_eq!(status, 200, "{ledger}");
        assert_eq!(ledger["year"], 2026);
        assert_eq!(
            ledger["rule"],
            json!({"basis": "members", "per_head_yuan": 500, "counted_on": "01-01"})
        );
        assert_eq!(ledger["counted_on"], "2026-12-20");
        assert_eq!(ledger["by_unit"], false);
        // One member, 500 yuan; 620 spent: 120 over, which the township sees.
        let one = &line(&ledger, "东湖工业一网格")["ledger"];
        assert_eq!(one, &json!({"heads": 1, "entitlement_fen": 50_000, "spent_fen": 62_000}));
        assert_eq!(ledger["total"]["spent_fen"], 62_000);

        // The member's phone keeps the balance to warn before an activity goes over.
        let response = member.get(app.url(app::funds::api::MINE_PATH)).send().await.unwrap();
        assert_eq!(response.status(), 200);
        let mine: Value = response.json().await.unwrap();
        assert_eq!(mine, json!([{"grid_id": grid, "year": 2026, "balance_fen": -12_000}]));

        // The city sees each unit; a grid's member does not read the ledger.
        let bureau = app.login(CITY_ADMIN).await;
        let city = grid_id(&app.pull(&bureau).await, "云江市");
        let (_, by_unit) = app.call(&bureau, "funds_ledger", json!({"grid_id": city})).await;
        assert_eq!(by_unit["by_unit"], true);
        assert_eq!(line(&by_unit, "东湖镇")["ledger"]["spent_fen"], 62_000);
        assert_eq!(line(&by_unit, "西岭街道")["ledger"]["spent_fen"], 0);
        assert_eq!(app.call(&member, "funds_ledger", json!({"grid_id": donghu})).await.0, 403);

        // The grid's statement to print: its funds and the activity that spent them.
        let (status, statement) = app.call(&leader, "funds_statement", json!({"grid_id": grid})).await;
        assert_eq!(status, 200, "{statement}");
        assert_eq!(statement["unit"], "东湖镇");
        assert_eq!(statement["ledger"]["spent_fen"], 62_000);
        assert_eq!(
            statement["spending"],
            json!([{
                "date": "2026-12-18", "activity": "统计知识学习", "place": "统计之家",
                "people": 1, "spend_fen": 62_000
            }])
        );
        let (_, not_a_grid) = app.call(&leader, "funds_statement", json!({"grid_id": donghu})).await;
        assert_eq!(not_a_grid, Value::Null);
        assert_eq!(app.call(&member, "funds_statement", json!({"grid_id": grid})).await.0, 403);

        // Counted, the heads stay: a member who joins later does not change this year's funds.
        let leader_id = app.pull(&leader).await["profile"]["person_id"].as_i64().unwrap();
        let join = json!({"change": {
            "change": "assign", "person_id": leader_id, "grid_id": grid, "role": "member"
        }});
        let (status, joined) = app.admin_call(&bureau, "person_change", join).await;
        assert_eq!(status, 200, "{joined}");
        let (_, ledger) = app.call(&leader, "funds_ledger", json!({"grid_id": donghu})).await;
        assert_eq!(line(&ledger, "东湖工业一网格")["ledger"]["heads"], 1);

        // Before the city's day of counting, the heads are today's.
        let mut late = serde_json::to_value(app::domain::assessment::Scheme::yuhuan()).unwrap();
        late["funds"]["counted_on"] = json!("12-31");
        let (status, _) = app
            .call(&bureau, "assessment_scheme_save", json!({"year": 2026, "scheme": late}))
            .await;
        assert_eq!(status, 200);
        let (_, ledger) = app.call(&leader, "funds_ledger", json!({"grid_id": donghu})).await;
        assert_eq!(ledger["counted_on"], Value::Null);
        assert_eq!(line(&ledger, "东湖工业一网格")["ledger"]["heads"], 2);

        // Counted by survey objects (乐清): 20 enterprises, 10,000 yuan.
        let yueqing = serde_json::to_value(app::domain::assessment::Scheme::yueqing()).unwrap();
        let (status, _) = app
            .call(&bureau, "assessment_scheme_save", json!({"year": 2026, "scheme": yueqing}))
            .await;
        assert_eq!(status, 200);
        let (_, ledger) = app.call(&leader, "funds_ledger", json!({"grid_id": donghu})).await;
        let one = &line(&ledger, "东湖工业一网格")["ledger"];
        assert_eq!(one["heads"], 20);
        assert_eq!(one["entitlement_fen"], 1_000_000);
    }
);
