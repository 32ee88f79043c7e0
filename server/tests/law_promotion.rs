//! 统计法治宣传 (001 and 003 §三(二): 网格指导员……定期开展统计法治宣传): each township's quarter
//! of law promotion is met by a law-promotion activity or visit anywhere in it, is judged on the
//! township view, reminds the township's leader and instructor, and may be excused by the city.
use crate::common::*;
use serde_json::{Value, json};

const GRID_LEADER: &str = "13800000004";
const FENGUAN_LEADER: &str = "13800000011";

fn activity(grid: i64, person: i64, kind: &str, day: &str) -> Value {
    json!({
        "id": new_id(),
        "kind": "activity",
        "version": 1,
        "device_time_ms": 1_763_000_000_000i64,
        "payload": {
            "grid_id": grid, "activity_type": kind, "activity_date": day,
            "place": "统计之家", "participants": [person], "summary": "宣讲统计法",
            "spend_yuan": ""
        }
    })
}

/// The card's row of `unit`: (activities, visits, verdict).
fn row(card: &Value, unit: &str) -> (i64, i64, Value) {
    let row = (card["units"].as_array().unwrap().iter())
        .find(|u| u["unit"] == unit)
        .unwrap_or_else(|| panic!("no {unit} in {card}"));
    (
        row["activities"].as_i64().unwrap(),
        row["visits"].as_i64().unwrap(),
        row["status"]["status"].clone(),
    )
}

async fn law_titles(app: &TestApp, who: &reqwest::Client) -> Vec<String> {
    (app.reminders(who).await.iter())
        .filter_map(|r| r["title"].as_str())
        .filter(|t| t.contains("统计法治宣传"))
        .map(str::to_owned)
        .collect()
}

db_test!(
    a_township_promotes_the_law_each_quarter_through_any_of_its_grids,
    at "2026-12-20T09:00:00+08:00",
    |app| {
        let fenguan = app.login(FENGUAN_LEADER).await;
        let donghu = grid_id(&app.pull(&fenguan).await, "东湖镇");
        // Nothing done: the third quarter is overdue, the fourth ends in eleven days.
        let titles = law_titles(app, &fenguan).await;
        assert_eq!(
            titles,
            ["东湖镇2026年第3季度统计法治宣传", "东湖镇2026年第4季度统计法治宣传"]
        );
        let (status, card) = app.call(&fenguan, "law_promotion", json!({"grid_id": donghu})).await;
        assert_eq!(status, 200, "{card}");
        assert_eq!(card["quarter"], "2026年第4季度");
        assert_eq!(row(&card, "东湖镇"), (0, 0, json!("due_soon")));

        // A study activity is not law promotion; a law-promotion visit by a member and a
        // law-promotion activity of an enterprise grid both count for the township.
        let leader = app.login(GRID_LEADER).await;
        let pulled = app.pull(&leader).await;
        let grid = grid_id(&pulled, "东湖工业一网格");
        let me = pulled["profile"]["person_id"].as_i64().unwrap();
        let (status, pushed) = app
            .push(&leader, json!([
                activity(grid, me, "study", "2026-12-03"),
                activity(grid, me, "law_promotion", "2026-12-05"),
            ]))
            .await;
        assert_eq!(status, 200, "{pushed}");
        let results = pushed["results"].as_array().unwrap();
        assert!(results.iter().all(|r| r["status"] == "accepted"), "{pushed}");
        let member = app.login(DONGHU_MEMBER).await;
        let firm = enterprise_in(&app.pull(&member).await, "东湖工业一网格");
        let mut promoted = visit(&new_id(), firm, "2026-12-08", "发放统计法读本");
        promoted["payload"]["purpose"] = json!("law_promotion");
        let (status, pushed) = app.push(&member, json!([promoted])).await;
        assert_eq!(status, 200, "{pushed}");

        let (_, card) = app.call(&fenguan, "law_promotion", json!({"grid_id": donghu})).await;
        assert_eq!(row(&card, "东湖镇"), (1, 1, json!("on_time")));
        assert_eq!(
            law_titles(app, &fenguan).await,
            ["东湖镇2026年第3季度统计法治宣传"]
        );

        // The city sees every unit; 西岭街道 has done nothing and the bureau may excuse it.
        let bureau = app.login(CITY_ADMIN).await;
        let city = grid_id(&app.pull(&bureau).await, "云江市");
        let (_, all) = app.call(&bureau, "law_promotion", json!({"grid_id": city})).await;
        assert_eq!(row(&all, "东湖镇").2, json!("on_time"));
        assert_eq!(row(&all, "西岭街道"), (0, 0, json!("due_soon")));
        let xiling = (all["units"].as_array().unwrap().iter())
            .find(|u| u["unit"] == "西岭街道")
            .unwrap();
        let duty = xiling["excuse"].clone();
        assert_eq!(duty["duty"], "law_promotion", "{all}");
        let (status, body) = app
            .call(&bureau, "duty_waive", json!({"duty": duty, "reason": "本季度并入全市法治宣传月"}))
            .await;
        assert_eq!(status, 200, "{body}");
        let (_, all) = app.call(&bureau, "law_promotion", json!({"grid_id": city})).await;
        assert_eq!(row(&all, "西岭街道").2, json!("waived"));

        // Another township's leader reads none of 东湖镇's; an enterprise grid has no card.
        let other = app.login(XILING_LEADER).await;
        let (status, _) = app.call(&other, "law_promotion", json!({"grid_id": donghu})).await;
        assert_eq!(status, 403);
        let (status, none) = app.call(&leader, "law_promotion", json!({"grid_id": grid})).await;
        assert_eq!((status, none), (200, Value::Null));
    }
);
