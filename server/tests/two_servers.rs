//! Two servers on one PostgreSQL act as one: a session opened on one works on the other, a
//! phone pushes through one and pulls through the other, and an import started on one is
//! followed on the other, a grid added through one is known to the other. Nothing a request
//! needs lives in one process's memory alone.
use crate::common::*;
use serde_json::{Value, json};

#[tokio::test]
async fn two_servers_on_one_database_act_as_one() {
    if std::env::var("TEST_DATABASE_URL").is_err() {
        eprintln!("TEST_DATABASE_URL not set: two servers share a PostgreSQL only");
        return;
    }
    let (url, cleanup) = fresh_database(Backend::Postgres).await;
    let one = TestApp::start_with(test_settings(&url, None), None).await;
    let other = TestApp::start_with(test_settings(&url, None), cleanup).await;
    one.within_limit(act_as_one(&one, &other)).await;
    one.finish().await;
    other.finish().await;
}

async fn act_as_one(one: &TestApp, other: &TestApp) {
    // The session the phone opened on one server is good on the other.
    let phone = one.login(DONGHU_MEMBER).await;
    let firm = enterprise_in(&other.pull(&phone).await, "东湖工业一网格");

    // Pushed through one, pulled through the other.
    let id = new_id();
    let (status, answer) = one
        .push(
            &phone,
            json!([visit(&id, firm, &one.today(), "经一号服务器上传")]),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(answer["results"][0]["status"], "accepted", "{answer}");
    let pulled = other.pull(&phone).await;
    let visits = pulled["visits"].as_array().unwrap();
    assert!(visits.iter().any(|v| v["id"] == id), "{pulled}");

    // An import sent to one server is followed on the other until it ends.
    let rows = 20_000;
    let csv = enterprises_csv("双机公司", rows);
    let admin = one.login(CITY_ADMIN).await;
    let job = uuid::Uuid::now_v7();
    let send = admin
        .post(one.url(&format!(
            "/api/v1/admin/import?layout=enterprises&apply=true&job={job}"
        )))
        .body(csv)
        .send();
    let watcher = other.login(CITY_ADMIN).await;
    let progress = other.url(&format!("/api/v1/admin/import-progress/{job}"));
    let follow = follow_import(&watcher, &progress);
    let (response, seen) = tokio::join!(send, follow);
    let report: Value = response.unwrap().json().await.unwrap();
    assert_eq!(report["new"], rows, "{report}");
    let writing: Vec<&Value> = seen.iter().filter(|p| p["stage"] == "writing").collect();
    assert!(
        writing
            .iter()
            .any(|p| p["total"] == rows && p["done"].as_u64().unwrap() > 0),
        "the other server saw the rows being written: {seen:?}"
    );
    // A township added through one server is at once within the bureau's sight on the other,
    // though the other read every grid before: what a server keeps of the grids is checked
    // against the database on each request.
    let (status, grids) = other.admin_call(&watcher, "grids", json!({})).await;
    assert_eq!(status, 200, "{grids}");
    let city = grid_named(&grids, "云江市");
    let add = json!({"change": {"change": "add", "parent_id": city, "kind": "township", "name": "双机镇"}});
    let (status, grids) = one.admin_call(&admin, "grid_change", add).await;
    assert_eq!(status, 200, "{grids}");
    let added = grid_named(&grids, "双机镇");
    let (status, checks) = other
        .call(&watcher, "data_quality", json!({"grid_id": added}))
        .await;
    assert_eq!(status, 200, "{checks}");
    assert!(checks.is_object(), "the new township's checks: {checks}");

    // Once ended, neither server knows the job any more.
    for server in [one, other] {
        let after: Value = watcher
            .get(server.url(&format!("/api/v1/admin/import-progress/{job}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(after.is_null(), "{after}");
    }
}

fn grid_named(grids: &Value, name: &str) -> i64 {
    let found = grids.as_array().unwrap().iter().find(|g| g["name"] == name);
    found.unwrap_or_else(|| panic!("{name} in {grids}"))["id"]
        .as_i64()
        .unwrap()
}
