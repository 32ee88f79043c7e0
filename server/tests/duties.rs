//! 本季度待办: the open visit duties of the enterprise grids a person works in.
use crate::common::*;
use serde_json::{Value, json};

const INSTRUCTOR: &str = "13800000008";

async fn duties(app: &TestApp, client: &reqwest::Client) -> Value {
    let response = client.get(app.url("/api/v1/duties")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

fn count(list: &Value) -> usize {
    list["duties"].as_array().unwrap().len()
}

db_test!(
    each_person_sees_the_visits_still_owed_in_their_own_grids,
    |app| {
        let member = app.login(DONGHU_MEMBER).await;
        let before = duties(app, &member).await;
        assert_eq!(
            count(&before),
            server::demo::ENTERPRISES_PER_GRID,
            "{before}"
        );
        assert!(
            before["quarter"].as_str().unwrap().contains("季度"),
            "{before}"
        );
        assert_eq!(before["duties"][0]["remaining"], 1);
        assert_eq!(before["duties"][0]["grid_name"], "东湖工业一网格");

        let enterprise = enterprise_in(&app.pull(&member).await, "东湖工业一网格");
        app.push(
            &member,
            json!([visit(&new_id(), enterprise, &app.today(), "核对台账")]),
        )
        .await;
        let after = duties(app, &member).await;
        assert_eq!(count(&after), server::demo::ENTERPRISES_PER_GRID - 1);
        assert!(
            after["duties"]
                .as_array()
                .unwrap()
                .iter()
                .all(|d| d["enterprise_id"] != enterprise),
            "the visited enterprise is off the list"
        );

        // An instructor of two grids owes both grids' visits; a township leader, none (their
        // township is on the township view).
        let instructor = app.login(INSTRUCTOR).await;
        assert_eq!(
            count(&duties(app, &instructor).await),
            2 * server::demo::ENTERPRISES_PER_GRID - 1
        );
        let leader = app.login(DONGHU_LEADER).await;
        assert_eq!(count(&duties(app, &leader).await), 0);

        let anonymous = reqwest::Client::new();
        let status = anonymous
            .get(app.url("/api/v1/duties"))
            .send()
            .await
            .unwrap()
            .status();
        assert_eq!(status, 401);
    }
);

db_test!(
    a_grid_leader_gets_the_grids_records_of_the_month_for_the_report,
    |app| {
        let member = app.login(DONGHU_MEMBER).await;
        let pulled = app.pull(&member).await;
        let firm = enterprise_in(&pulled, "东湖工业一网格");
        let grid = pulled["directory"]["grids"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["name"] == "东湖工业一网格")
            .unwrap()["id"]
            .as_i64()
            .unwrap();
        let me = pulled["profile"]["person_id"].as_i64().unwrap();
        let training = json!({
            "id": new_id(), "kind": "training", "version": 1, "device_time_ms": 1,
            "payload": { "grid_id": grid, "title": "统计法律知识培训", "training_date": app.today(),
                         "organiser": "市统计局", "topic": "law", "hours": 2, "attendees": [me] }
        });
        let (_, answer) = app
            .push(
                &member,
                json!([
                    visit(&new_id(), firm, &app.today(), "一"),
                    visit(&new_id(), firm, &app.today(), "二"),
                    training
                ]),
            )
            .await;
        assert!(
            answer["results"]
                .as_array()
                .unwrap()
                .iter()
                .all(|r| r["status"] == "accepted"),
            "{answer}"
        );
        // The leader's report quotes what the members recorded, not only the leader's own.
        let leader = app.login("13800000004").await;
        let list = duties(app, &leader).await;
        let month = &app.today()[..7];
        let figures = list["month_figures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["grid_id"] == grid && f["month"] == month)
            .unwrap()["figures"]
            .clone();
        assert_eq!(
            figures,
            json!({"visits": 2, "activities": 0, "trainings": 1}),
            "{list}"
        );
        // A member leads nothing: no figures.
        assert_eq!(duties(app, &member).await["month_figures"], json!([]));
    }
);
