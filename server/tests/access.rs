//! Who sees what: members their own grids, township leaders their township, the city all.
use crate::common::*;
use serde_json::{Value, json};

fn grid_names(pull: &Value) -> Vec<String> {
    pull["directory"]["grids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap().to_owned())
        .collect()
}

async fn overview(app: &TestApp, client: &reqwest::Client, scope: Option<i64>) -> (u16, Value) {
    let response = client
        .post(app.url("/api/township_overview"))
        .json(&json!({"query": {"scope": scope, "month": null}}))
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

db_test!(
    a_member_sees_only_the_enterprises_of_their_own_grid,
    |app| {
        {
            let member = app.login(DONGHU_MEMBER).await;
            let pulled = app.pull(&member).await;
            assert_eq!(grid_names(&pulled), vec!["东湖工业一网格"]);
            let enterprises = pulled["directory"]["enterprises"].as_array().unwrap();
            assert_eq!(enterprises.len(), server::demo::ENTERPRISES_PER_GRID);
            let grid_id = &pulled["directory"]["grids"][0]["id"];
            assert!(enterprises.iter().all(|e| &e["grid_id"] == grid_id));
        }
    }
);

db_test!(a_township_leader_sees_their_township_only, |app| {
    {
        let leader = app.login(DONGHU_LEADER).await;
        let names = grid_names(&app.pull(&leader).await);
        assert!(names.contains(&"东湖工业二网格".to_owned()));
        assert!(names.contains(&"东湖贸易网格".to_owned()));
        assert!(!names.iter().any(|n| n.starts_with("西岭")));
        let admin = app.login(CITY_ADMIN).await;
        assert_eq!(
            grid_names(&app.pull(&admin).await).len(),
            12,
            "the city sees every grid"
        );
    }
});

db_test!(
    the_township_view_shows_visits_to_their_leader_and_no_one_else,
    |app| {
        {
            let member = app.login(DONGHU_MEMBER).await;
            let enterprise = enterprise_in(&app.pull(&member).await, "东湖工业一网格");
            app.push(
                &member,
                json!([visit(
                    &new_id(),
                    enterprise,
                    &app.today(),
                    "走访发现报表延迟"
                )]),
            )
            .await;

            let donghu = app.login(DONGHU_LEADER).await;
            let (status, seen) = overview(app, &donghu, None).await;
            assert_eq!(status, 200, "{seen}");
            let grid = seen["grids"]
                .as_array()
                .unwrap()
                .iter()
                .find(|g| g["grid_name"] == "东湖工业一网格")
                .unwrap();
            assert_eq!(
                (&grid["visits"], &grid["visited_enterprises"]),
                (&json!(1), &json!(1))
            );
            let donghu_id = seen["scope_id"].as_i64().unwrap();
            // The grid's visits are listed on request, to its township only.
            let grid_id = grid["grid_id"].clone();
            let ask = json!({"grid": grid_id, "month": ""});
            let (status, listed) = app.call(&donghu, "township_grid_visits", ask.clone()).await;
            assert_eq!(status, 200, "{listed}");
            assert_eq!(listed[0]["findings"], "走访发现报表延迟");
            assert_eq!(listed[0]["person_name"], "李娜");

            let xiling = app.login(XILING_LEADER).await;
            let (status, _) = overview(app, &xiling, Some(donghu_id)).await;
            assert_eq!(status, 403, "another township's leader is refused");
            let (status, _) = app.call(&xiling, "township_grid_visits", ask).await;
            assert_eq!(status, 403, "and so are the grid's visits");
            let (_, own) = overview(app, &xiling, None).await;
            let text = own.to_string();
            assert!(
                !text.contains("东湖"),
                "the other township is not shown: {text}"
            );

            let (status, _) = overview(app, &member, None).await;
            assert_eq!(status, 403, "a member has no township view");
        }
    }
);

db_test!(a_member_cannot_write_visits_for_another_grid, |app| {
    {
        let admin = app.login(CITY_ADMIN).await;
        let other = enterprise_in(&app.pull(&admin).await, "东湖工业二网格");
        let member = app.login(DONGHU_MEMBER).await;
        let (_, answer) = app
            .push(
                &member,
                json!([visit(&new_id(), other, &app.today(), "越权")]),
            )
            .await;
        assert_eq!(answer["results"][0]["status"], "rejected");
        assert_eq!(
            answer["results"][0]["problems"][0]["code"],
            "enterprise_not_allowed"
        );
        assert_eq!(app.visit_count().await, 0);
    }
});

db_test!(one_person_can_hold_roles_in_several_grids, |app| {
    {
        let instructor = app.login("13800000008").await;
        let names = grid_names(&app.pull(&instructor).await);
        assert_eq!(names, vec!["东湖工业一网格", "东湖工业二网格"]);
    }
});
