//! Who reviews the monthly reports (issue 14, item 1; 001 §三(二)2, 003 §三(二)2): a level-2
//! unit's leader and its 网格指导员 (the 分管领导), not its deputies (the work-area heads); the
//! department grid (市住建局) reviews its enterprise grids as a township does, and stands
//! beside the townships in the city's comparison.
use crate::common::reports::*;
use crate::common::*;
use serde_json::json;

const DEPARTMENT_LEADER: &str = "13800000009";
const DONGHU_INSTRUCTOR: &str = "13800000011";
const GRID_LEADER: &str = "13800000004";
const DEPUTY: &str = "13800000007";
const DEPARTMENT_GRID: &str = "住建建筑业网格";

/// Gives the demo person with `phone` `role` in `grid`, through the city's people page.
async fn assign(app: &TestApp, phone: &str, grid: i64, role: &str) {
    let admin = app.login(CITY_ADMIN).await;
    let people = app.call(&admin, "admin/people", json!({})).await.1;
    let person = people
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["phone"] == phone)
        .unwrap_or_else(|| panic!("{phone} in {people}"));
    let change = json!({"change": {"change": "assign", "person_id": person["id"],
                                   "grid_id": grid, "role": role}});
    let (status, body) = app.call(&admin, "admin/person_change", change).await;
    assert_eq!(status, 200, "{body}");
}

db_test!(
    the_department_reviews_its_grids_and_stands_beside_the_townships,
    at "2026-12-10T09:00:00+08:00",
    |app| {
        let admin = app.login(CITY_ADMIN).await;
        let grid = grid_id(&app.pull(&admin).await, DEPARTMENT_GRID);
        assign(app, GRID_LEADER, grid, "leader").await;
        let leader = app.login(GRID_LEADER).await;
        let id = new_id();
        let (_, pushed) = app
            .push(&leader, json!([report(app, &id, 1, grid, "住建局听取汇报")]))
            .await;
        assert_eq!(status_of(&pushed), ("accepted", ""), "{pushed}");

        // A township's leader does not review the department's grid.
        let township = app.login(DONGHU_LEADER).await;
        assert_eq!(review(app, &township, &id, 1, "approve", "").await.0, 403);

        let department = app.login(DEPARTMENT_LEADER).await;
        let listed = board(app, &department).await;
        assert_eq!(row(&listed, DEPARTMENT_GRID)["report"]["status"], "submitted");
        assert_eq!(review(app, &department, &id, 1, "approve", "").await.0, 200);
        let listed = board(app, &department).await;
        assert_eq!(row(&listed, DEPARTMENT_GRID)["report"]["status"], "approved");

        // The city's comparison has a row for the department beside the townships.
        let city = board(app, &admin).await;
        let units: Vec<&str> = city["city"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["name"].as_str().unwrap())
            .collect();
        assert_eq!(units, ["东湖镇", "西岭街道", "市住建局"], "{city}");
        let department_row = &city["city"][2];
        assert_eq!(department_row["reported"], 1, "{department_row}");
        assert_eq!(department_row["approved"], 1, "{department_row}");
    }
);

db_test!(
    the_townships_instructor_reviews_and_its_deputy_does_not,
    at "2026-12-10T09:00:00+08:00",
    |app| {
        let leader = app.login(GRID_LEADER).await;
        let grid = grid_id(&app.pull(&leader).await, "东湖工业一网格");
        let township = grid_id(&app.pull(&app.login(DONGHU_LEADER).await).await, "东湖镇");
        let id = new_id();
        let (_, pushed) = app
            .push(&leader, json!([report(app, &id, 1, grid, "本月走访全覆盖")]))
            .await;
        assert_eq!(status_of(&pushed), ("accepted", ""), "{pushed}");

        // A work-area head sits in the township grid as its deputy: they report, not review.
        assign(app, DEPUTY, township, "deputy_leader").await;
        let deputy = app.login(DEPUTY).await;
        assert_eq!(review(app, &deputy, &id, 1, "approve", "").await.0, 403);

        let instructor = app.login(DONGHU_INSTRUCTOR).await;
        let profile = &app.pull(&instructor).await["profile"];
        assert_eq!(profile["roles"][0]["role"], "instructor", "{profile}");
        let listed = board(app, &instructor).await;
        assert_eq!(row(&listed, "东湖工业一网格")["report"]["status"], "submitted");
        assert_eq!(review(app, &instructor, &id, 1, "approve", "").await.0, 200);
        let mine = &app.pull(&leader).await["reports"];
        assert_eq!(mine[0]["status"], "approved", "{mine}");
    }
);
