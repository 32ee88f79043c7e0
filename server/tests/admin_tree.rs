//! Administration of the grid tree, people and the grouping suggestion (server functions).
use crate::common::*;
use serde_json::{Value, json};

fn grid_id(grids: &Value, name: &str) -> i64 {
    grids
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == name)
        .unwrap_or_else(|| panic!("{name}"))["id"]
        .as_i64()
        .unwrap()
}

db_test!(the_grid_tree_can_be_grown_renamed_moved_and_closed, |app| {
    let admin = app.login(CITY_ADMIN).await;
    let (_, grids) = app.admin_call(&admin, "grids", json!({})).await;
    let city = grid_id(&grids, "云江市");
    let (status, grids) = app.admin_call( &admin, "grid_change", json!({"change": {"change": "add", "parent_id": city, "kind": "township", "name": "南山镇"}})).await;
    assert_eq!(status, 200, "{grids}");
    let nanshan = grid_id(&grids, "南山镇");
    assert_eq!(
        grids
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["id"] == nanshan)
            .unwrap()["level"],
        2
    );
    let (_, grids) = app.admin_call( &admin, "grid_change", json!({"change": {"change": "add", "parent_id": nanshan, "kind": "enterprise", "name": "南山工业网格"}})).await;
    let new_grid = grid_id(&grids, "南山工业网格");

    let (status, body) = app
        .admin_call(
            &admin,
            "grid_change",
            json!({"change": {"change": "rename", "id": new_grid, "name": "东湖贸易网格"}}),
        )
        .await;
    assert_eq!(status, 422);
    assert!(body.to_string().contains("已有名为"), "{body}");
    let (status, body) = app
        .admin_call(
            &admin,
            "grid_change",
            json!({"change": {"change": "move", "id": nanshan, "parent_id": new_grid}}),
        )
        .await;
    assert_eq!(status, 422, "an enterprise grid holds no grids: {body}");

    // A work area moved under the new township takes its enterprise grids along, a level deeper.
    let area = grid_id(&grids, "东湖南片");
    let (status, grids) = app
        .admin_call(
            &admin,
            "grid_change",
            json!({"change": {"change": "move", "id": area, "parent_id": nanshan}}),
        )
        .await;
    assert_eq!(status, 200, "{grids}");
    let trade = grids
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "东湖贸易网格")
        .unwrap();
    assert_eq!(trade["level"], 4);
    let (status, body) = app
        .admin_call(
            &admin,
            "grid_change",
            json!({"change": {"change": "move", "id": nanshan, "parent_id": area}}),
        )
        .await;
    // No township under a work area (nor any cycle): the kinds sit as the documents draw them.
    assert_eq!(status, 422, "{body}");
    assert!(
        body.to_string()
            .contains("乡镇/街道不能设在工作管理片之下，只能设在市域之下"),
        "{body}"
    );
    let department = grid_id(&grids, "市住建局");
    for (parent, kind, why) in [
        (department, "work_area", "工作管理片不能设在部门之下"),
        (city, "enterprise", "企业网格不能设在市域之下"),
        (area, "township", "乡镇/街道不能设在工作管理片之下"),
    ] {
        let (status, body) = app
            .admin_call(
                &admin,
                "grid_change",
                json!({"change": {"change": "add", "parent_id": parent, "kind": kind, "name": "新网格"}}),
            )
            .await;
        assert_eq!(status, 422, "{kind}: {body}");
        assert!(body.to_string().contains(why), "{body}");
    }

    let (status, body) = app
        .admin_call(
            &admin,
            "grid_change",
            json!({"change": {"change": "close", "id": grid_id(&grids, "东湖贸易网格")}}),
        )
        .await;
    assert_eq!(status, 422);
    assert!(body.to_string().contains("20 家企业"), "{body}");
    let (status, grids) = app
        .admin_call(
            &admin,
            "grid_change",
            json!({"change": {"change": "close", "id": new_grid}}),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        grids
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["id"] == new_grid)
            .unwrap()["closed"],
        true
    );

    let audit: Value = admin
        .get(app.url("/api/v1/admin/audit"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let actions: Vec<&str> = audit
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        vec!["close_grid", "move_grid", "add_grid", "add_grid"]
    );
});

db_test!(
    deactivating_a_person_ends_their_session_on_the_next_request,
    |app| {
        let member = app.login(DONGHU_MEMBER).await;
        let admin = app.login(CITY_ADMIN).await;
        let profile = app.pull(&member).await;
        let person_id = profile["profile"]["person_id"].clone();
        let (status, _) = app
            .admin_call(
                &admin,
                "person_change",
                json!({"change": {"change": "deactivate", "person_id": person_id}}),
            )
            .await;
        assert_eq!(status, 200);
        let response = member
            .get(app.url("/api/v1/sync/pull"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 401);
        let again = reqwest::Client::new()
            .post(app.url("/api/v1/auth/login"))
            .json(&json!({"phone": DONGHU_MEMBER, "password": PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), 401, "a deactivated person cannot log in");
    }
);

db_test!(a_reset_password_must_be_replaced_at_next_login, |app| {
    let member = app.login(XILING_MEMBER).await;
    let person_id = app.pull(&member).await["profile"]["person_id"].clone();
    let admin = app.login(CITY_ADMIN).await;
    let (status, done) = app
        .admin_call(
            &admin,
            "person_change",
            json!({"change": {"change": "reset_password", "person_id": person_id}}),
        )
        .await;
    assert_eq!(status, 200);
    let password = done["new_password"].as_str().unwrap();
    assert_eq!(
        member
            .get(app.url("/api/v1/sync/pull"))
            .send()
            .await
            .unwrap()
            .status(),
        401,
        "old sessions end"
    );
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let login: Value = client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"phone": XILING_MEMBER, "password": password}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(login["profile"]["must_change_password"], true);
    let audit: Value = admin
        .get(app.url("/api/v1/admin/audit"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(audit[0]["action"], "reset_password");
    assert!(
        !audit.to_string().contains(password),
        "the audit log never holds a password"
    );
});

db_test!(
    an_accepted_grouping_regroups_the_township_and_a_new_leader_sees_the_grid,
    |app| {
        let admin = app.login(CITY_ADMIN).await;
        let (_, grids) = app.admin_call(&admin, "grids", json!({})).await;
        let xiling = grid_id(&grids, "西岭街道");
        let (status, proposal) = app
            .admin_call(&admin, "grouping", json!({"township_id": xiling}))
            .await;
        assert_eq!(status, 200, "{proposal}");
        let proposed = proposal["grids"].as_array().unwrap();
        assert_eq!(
            proposed.len(),
            2,
            "20 service and 20 industrial enterprises: one grid each"
        );
        assert!(
            proposed
                .iter()
                .all(|g| g["enterprises"].as_array().unwrap().len() == 20)
        );
        let mut accepted = proposal.clone();
        accepted["grids"][0]["name"] = json!("西岭第一网格");
        let (status, grids) = app
            .admin_call(&admin, "grouping_apply", json!({"proposal": accepted}))
            .await;
        assert_eq!(status, 200, "{grids}");
        let new_grid = grid_id(&grids, "西岭第一网格");
        let old = grids
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["name"] == "西岭服务业网格")
            .unwrap();
        assert_eq!(old["closed"], true);

        // Assign the Xiling member as leader of the new grid: they see it and its 20 enterprises.
        let member = app.login(XILING_MEMBER).await;
        let person_id = app.pull(&member).await["profile"]["person_id"].clone();
        let (status, _) = app.admin_call( &admin, "person_change", json!({"change": {"change": "assign", "person_id": person_id, "grid_id": new_grid, "role": "leader"}})).await;
        assert_eq!(status, 200);
        let pulled = app.pull(&member).await;
        let enterprises = pulled["directory"]["enterprises"].as_array().unwrap();
        assert_eq!(
            enterprises
                .iter()
                .filter(|e| e["grid_id"] == new_grid)
                .count(),
            20
        );

        // A proposal that leaves an enterprise out is refused whole.
        let (_, proposal) = app
            .admin_call(&admin, "grouping", json!({"township_id": xiling}))
            .await;
        let mut broken = proposal.clone();
        broken["grids"][0]["enterprises"]
            .as_array_mut()
            .unwrap()
            .pop();
        let (status, _) = app
            .admin_call(&admin, "grouping_apply", json!({"proposal": broken}))
            .await;
        assert_eq!(status, 422);
    }
);

db_test!(
    a_four_level_township_is_regrouped_within_its_work_areas,
    |app| {
        let admin = app.login(CITY_ADMIN).await;
        let (_, grids) = app.admin_call(&admin, "grids", json!({})).await;
        let (donghu, north, south) = (
            grid_id(&grids, "东湖镇"),
            grid_id(&grids, "东湖北片"),
            grid_id(&grids, "东湖南片"),
        );
        let (status, proposal) = app
            .admin_call(&admin, "grouping", json!({"township_id": donghu}))
            .await;
        assert_eq!(status, 200, "{proposal}");
        // 40 industrial enterprises in 东湖北片, 20 trade ones in 东湖南片: each stays in its area.
        let proposed: Vec<(i64, String, usize)> = proposal["grids"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| {
                let size = g["enterprises"].as_array().unwrap().len();
                let name = g["name"].as_str().unwrap().to_owned();
                (g["work_area"].as_i64().unwrap(), name, size)
            })
            .collect();
        assert_eq!(
            proposed,
            [
                (north, "东湖北片工业网格1".to_owned(), 20),
                (north, "东湖北片工业网格2".to_owned(), 20),
                (south, "东湖南片贸易网格1".to_owned(), 20),
            ]
        );
        let (status, grids) = app
            .admin_call(&admin, "grouping_apply", json!({"proposal": proposal}))
            .await;
        assert_eq!(status, 200, "{grids}");
        let node = |name: &str| {
            grids
                .as_array()
                .unwrap()
                .iter()
                .find(|g| g["name"] == name && g["closed"] == false)
                .unwrap_or_else(|| panic!("{name} open: {grids}"))
                .clone()
        };
        // The new grids sit under their work areas, at level 4; the work areas stay open.
        assert_eq!(node("东湖北片工业网格2")["parent_id"], north);
        assert_eq!(node("东湖北片工业网格2")["level"], 4);
        assert_eq!(node("东湖南片贸易网格1")["parent_id"], south);
        assert_eq!(node("东湖北片")["parent_id"], donghu);

        // A proposal naming a work area of another township is refused whole.
        let xiling = grid_id(&grids, "西岭街道");
        let (_, mut other) = app
            .admin_call(&admin, "grouping", json!({"township_id": xiling}))
            .await;
        other["grids"][0]["work_area"] = json!(north);
        let (status, body) = app
            .admin_call(&admin, "grouping_apply", json!({"proposal": other}))
            .await;
        assert_eq!(status, 422, "{body}");
        assert!(
            body.to_string().contains("工作管理片已不在本乡镇"),
            "{body}"
        );
    }
);

db_test!(a_township_leader_cannot_administer, |app| {
    let leader = app.login(DONGHU_LEADER).await;
    for (endpoint, body) in [
        ("grids", json!({})),
        ("people", json!({})),
        ("grouping", json!({"township_id": 2})),
    ] {
        let (status, _) = app.admin_call(&leader, endpoint, body).await;
        assert_eq!(status, 403, "{endpoint}");
    }
});
