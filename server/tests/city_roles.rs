//! The city grid's roles as the documents give them (issue 14, item 1; 001 §三(二)1): the
//! statistics bureau, the city grid's 网格指导员, administers and reviews; the vice-mayor who
//! leads the city grid sees the whole city and its comparison but neither administers nor
//! reviews. And 权限一览's figures: who holds each role, by the kind of grid.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use common::reports::*;
use common::*;
use serde_json::json;

const VICE_MAYOR: &str = "13800000012";
const GRID_LEADER: &str = "13800000004";

db_test!(
    the_vice_mayor_sees_the_city_and_the_bureau_runs_it,
    at "2026-12-10T09:00:00+08:00",
    |app| {
        let leader = app.login(GRID_LEADER).await;
        let grid = grid_id(&app.pull(&leader).await, "东湖工业一网格");
        let id = new_id();
        let (_, pushed) = app
            .push(&leader, json!([report(app, &id, 1, grid, "本月走访全覆盖")]))
            .await;
        assert_eq!(status_of(&pushed), ("accepted", ""), "{pushed}");

        let mayor = app.login(VICE_MAYOR).await;
        // Sees every township's grids and the comparison...
        let pulled = app.pull(&mayor).await;
        grid_id(&pulled, "西岭服务业网格");
        let seen = board(app, &mayor).await;
        assert_eq!(seen["city"].as_array().unwrap().len(), 3, "{seen}");
        // ...but reviews nothing and administers nothing.
        assert_eq!(review(app, &mayor, &id, 1, "approve", "").await.0, 403);
        for endpoint in ["admin/people", "admin/cadence", "admin/role_holders"] {
            let (status, body) = app.call(&mayor, endpoint, json!({})).await;
            assert_eq!(status, 403, "{endpoint}: {body}");
        }

        // The bureau's director does both.
        let bureau = app.login(CITY_ADMIN).await;
        assert_eq!(review(app, &bureau, &id, 1, "approve", "").await.0, 200);
        let (status, _) = app.call(&bureau, "admin/people", json!({})).await;
        assert_eq!(status, 200);
    }
);

db_test!(the_permission_page_counts_who_holds_each_role, |app| {
    let bureau = app.login(CITY_ADMIN).await;
    let (status, holders) = app.call(&bureau, "admin/role_holders", json!({})).await;
    assert_eq!(status, 200, "{holders}");
    let people = |kind: &str, role: &str| {
        holders
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["kind"] == kind && h["role"] == role)
            .map_or(0, |h| h["people"].as_u64().unwrap())
    };
    assert_eq!(people("city", "instructor"), 1, "{holders}");
    assert_eq!(people("city", "leader"), 1, "{holders}");
    assert_eq!(people("township", "leader"), 2, "{holders}");
    assert_eq!(people("township", "instructor"), 1, "{holders}");
    assert_eq!(people("department", "leader"), 1, "{holders}");
    assert_eq!(people("work_area", "leader"), 1, "{holders}");
    // 孙立 instructs two enterprise grids: one person.
    assert_eq!(people("enterprise", "instructor"), 1, "{holders}");
    assert_eq!(people("city", "member"), 0, "{holders}");
});
