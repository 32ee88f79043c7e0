//! The directory one enterprise at a time (add, edit, move, close, reopen), and following a
//! long import's progress.
use crate::common::credit_code as code;
use crate::common::*;
use serde_json::{Value, json};

async fn grid_named(app: &TestApp, admin: &reqwest::Client, name: &str) -> i64 {
    let (_, grids) = app.admin_call(admin, "grids", json!({})).await;
    grids
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == name)
        .unwrap_or_else(|| panic!("{name}"))["id"]
        .as_i64()
        .unwrap()
}

fn draft(name: &str, credit_code: &str, grid_id: i64) -> Value {
    json!({
        "name": name, "credit_code": credit_code, "industry": "industrial", "grid_id": grid_id,
        "above_scale": true, "cultivation": false,
        "statistician_name": "钱多多", "statistician_phone": "13912340000"
    })
}

/// Names of the enterprises a person's phone would hold after a pull.
async fn pulled_names(app: &TestApp, client: &reqwest::Client) -> Vec<String> {
    app.pull(client).await["directory"]["enterprises"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap().to_owned())
        .collect()
}

async fn audit_actions(app: &TestApp, admin: &reqwest::Client) -> Vec<String> {
    let (_, log) = app.admin_call(admin, "audit", json!({})).await;
    log.as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect()
}

db_test!(
    an_enterprise_is_added_edited_moved_closed_and_reopened,
    |app| {
        let admin = app.login(CITY_ADMIN).await;
        let member = app.login(DONGHU_MEMBER).await;
        let one = grid_named(app, &admin, "东湖工业一网格").await;
        let two = grid_named(app, &admin, "东湖工业二网格").await;

        let (status, added) = app.admin_call( &admin, "enterprise_change",
        json!({"change": {"change": "add", "fields": draft(" 云江新材料有限公司 ", &code(1), one)}})).await;
        assert_eq!(status, 200, "{added}");
        assert_eq!(added["fields"]["name"], "云江新材料有限公司");
        assert_eq!(added["grid_name"], "东湖工业一网格");
        // The grid held 20: the administrator is told it now passes the documents' size.
        assert_eq!(
            added["warnings"],
            json!(["“东湖工业一网格”现有 21 家企业，超过文件建议的每个网格约 20 家，可考虑拆分"])
        );
        let id = added["id"].as_i64().unwrap();
        assert!(
            pulled_names(app, &member)
                .await
                .contains(&"云江新材料有限公司".to_owned())
        );

        // Every bad field is named at once, in Chinese, and nothing is written.
        let mut bad = draft("", "9133", one);
        bad["statistician_phone"] = json!("123");
        let (status, body) = app
            .admin_call(
                &admin,
                "enterprise_change",
                json!({"change": {"change": "add", "fields": bad}}),
            )
            .await;
        assert_eq!(status, 422);
        let message = body.to_string();
        for expected in ["请输入企业名称", "统一社会信用代码应为18位", "统计人员电话"]
        {
            assert!(message.contains(expected), "{expected} in {message}");
        }
        let (status, body) = app
            .admin_call(
                &admin,
                "enterprise_change",
                json!({"change": {"change": "add", "fields": draft("另一家公司", &code(1), one)}}),
            )
            .await;
        assert_eq!(status, 422);
        assert!(
            body.to_string().contains("已属于“云江新材料有限公司”"),
            "{body}"
        );
        let township = grid_named(app, &admin, "东湖镇").await;
        let (status, body) = app.admin_call(
            &admin,
            "enterprise_change",
            json!({"change": {"change": "add", "fields": draft("乡镇公司", &code(2), township)}}),
        )
        .await;
        assert_eq!(status, 422);
        assert!(body.to_string().contains("不是企业网格"), "{body}");

        let (status, edited) = app.admin_call( &admin, "enterprise_change",
        json!({"change": {"change": "edit", "id": id, "fields": draft("云江新材料股份有限公司", &code(1), one)}})).await;
        assert_eq!(status, 200, "{edited}");
        assert_eq!(edited["fields"]["name"], "云江新材料股份有限公司");

        let (status, moved) = app
            .admin_call(
                &admin,
                "enterprise_change",
                json!({"change": {"change": "move", "id": id, "grid_id": two}}),
            )
            .await;
        assert_eq!(status, 200, "{moved}");
        assert_eq!(moved["grid_name"], "东湖工业二网格");
        // Into a grid of another industry: saved, with a word about it.
        let trade = grid_named(app, &admin, "东湖贸易网格").await;
        let (status, traded) = app
            .admin_call(
                &admin,
                "enterprise_change",
                json!({"change": {"change": "move", "id": id, "grid_id": trade}}),
            )
            .await;
        assert_eq!(status, 200, "{traded}");
        let warned = traded["warnings"].to_string();
        assert!(
            warned.contains("“东湖贸易网格”是贸易网格，这家企业属工业"),
            "{warned}"
        );
        let (status, _) = app
            .admin_call(
                &admin,
                "enterprise_change",
                json!({"change": {"change": "move", "id": id, "grid_id": two}}),
            )
            .await;
        assert_eq!(status, 200);
        assert!(
            !pulled_names(app, &member)
                .await
                .iter()
                .any(|n| n.starts_with("云江新材料")),
            "a member of the first grid no longer sees it"
        );

        let (_, found) = app
            .admin_call(
                &admin,
                "enterprises",
                json!({"query": {"grid_id": two, "text": "新材料", "include_closed": false}}),
            )
            .await;
        assert_eq!(found.as_array().unwrap().len(), 1, "{found}");
        let (status, closed) = app
            .admin_call(
                &admin,
                "enterprise_change",
                json!({"change": {"change": "close", "id": id}}),
            )
            .await;
        assert_eq!(status, 200, "{closed}");
        assert_eq!(closed["closed"], true);
        let (_, found) = app
            .admin_call(
                &admin,
                "enterprises",
                json!({"query": {"grid_id": two, "text": "新材料", "include_closed": false}}),
            )
            .await;
        assert_eq!(
            found.as_array().unwrap().len(),
            0,
            "closed enterprises leave the list"
        );
        let (_, found) = app
            .admin_call(
                &admin,
                "enterprises",
                json!({"query": {"grid_id": null, "text": code(1), "include_closed": true}}),
            )
            .await;
        assert_eq!(
            found[0]["closed"], true,
            "but can be found to reopen: {found}"
        );
        let (status, body) = app
            .admin_call(
                &admin,
                "enterprise_change",
                json!({"change": {"change": "add", "fields": draft("重复公司", &code(1), one)}}),
            )
            .await;
        assert_eq!(status, 422);
        assert!(body.to_string().contains("已关闭"), "{body}");
        let (status, reopened) = app
            .admin_call(
                &admin,
                "enterprise_change",
                json!({"change": {"change": "reopen", "id": id}}),
            )
            .await;
        assert_eq!(status, 200, "{reopened}");
        assert_eq!(reopened["closed"], false);

        let actions = audit_actions(app, &admin).await;
        for action in [
            "add_enterprise",
            "edit_enterprise",
            "move_enterprise",
            "close_enterprise",
            "reopen_enterprise",
        ] {
            assert!(
                actions.contains(&action.to_owned()),
                "{action} in {actions:?}"
            );
        }

        // Only the city administrator changes the directory.
        let leader = app.login(DONGHU_LEADER).await;
        let (status, _) = app
            .admin_call(
                &leader,
                "enterprise_change",
                json!({"change": {"change": "close", "id": id}}),
            )
            .await;
        assert_eq!(status, 403);
        let (status, _) = app
            .admin_call(
                &leader,
                "enterprises",
                json!({"query": {"grid_id": null, "text": "", "include_closed": false}}),
            )
            .await;
        assert_eq!(status, 403);
    }
);

db_test!(
    a_closed_enterprise_leaves_counts_and_an_import_brings_it_back,
    |app| {
        let admin = app.login(CITY_ADMIN).await;
        let one = grid_named(app, &admin, "东湖工业一网格").await;
        let (_, added) = app
            .admin_call(
                &admin,
                "enterprise_change",
                json!({"change": {"change": "add", "fields": draft("回归公司", &code(3), one)}}),
            )
            .await;
        let count = |grids: &Value| {
            grids
                .as_array()
                .unwrap()
                .iter()
                .find(|g| g["id"] == one)
                .unwrap()["enterprises"]
                .as_i64()
                .unwrap()
        };
        let (_, grids) = app.admin_call(&admin, "grids", json!({})).await;
        let before = count(&grids);
        app.admin_call(
            &admin,
            "enterprise_change",
            json!({"change": {"change": "close", "id": added["id"]}}),
        )
        .await;
        let (_, grids) = app.admin_call(&admin, "grids", json!({})).await;
        assert_eq!(count(&grids), before - 1);

        let csv = format!(
            "企业名称,统一社会信用代码,行业,所属网格,四上企业,小升规培育,统计人员,统计人员电话\n回归公司,{},工业,东湖工业一网格,是,否,钱多多,13912340000\n",
            code(3)
        );
        let response = admin
            .post(app.url("/api/v1/admin/import?layout=enterprises&apply=true"))
            .body(csv)
            .send()
            .await
            .unwrap();
        let report: Value = response.json().await.unwrap();
        assert_eq!(report["changed"], 1, "{report}");
        assert!(
            report["changes"][0]["fields"]
                .to_string()
                .contains("重新启用"),
            "{report}"
        );
        let (_, grids) = app.admin_call(&admin, "grids", json!({})).await;
        assert_eq!(count(&grids), before);
    }
);

db_test!(a_long_import_can_be_followed_until_it_ends, |app| {
    let admin = app.login(CITY_ADMIN).await;
    let rows = 20_000;
    let csv = enterprises_csv("进度公司", rows);
    let job = uuid::Uuid::now_v7();
    let send = admin
        .post(app.url(&format!(
            "/api/v1/admin/import?layout=enterprises&apply=true&job={job}"
        )))
        .body(csv)
        .send();
    let watcher = app.login(CITY_ADMIN).await;
    let progress = app.url(&format!("/api/v1/admin/import-progress/{job}"));
    let follow = follow_import(&watcher, &progress);
    let (response, seen) = tokio::join!(send, follow);
    let report: Value = response.unwrap().json().await.unwrap();
    assert_eq!(report["applied"], true, "{report}");
    assert_eq!(report["new"], rows);
    assert!(!seen.is_empty(), "the running import was visible");
    let mut last_done = 0;
    for p in &seen {
        assert!(p["done"].as_u64() <= p["total"].as_u64(), "{p}");
        if p["stage"] == "writing" {
            assert_eq!(p["total"], rows, "{p}");
            let done = p["done"].as_u64().unwrap();
            assert!(done >= last_done, "progress never goes back: {seen:?}");
            last_done = done;
        }
    }
    // Only administrators may look.
    let member = app.login(DONGHU_MEMBER).await;
    let status = member
        .get(app.url(&format!("/api/v1/admin/import-progress/{job}")))
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, 403);
});
