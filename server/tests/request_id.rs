//! Every answer names its request (`x-request-id`), and a server fault shows that id to the
//! user, in the JSON API's message and in a server function's error, so the user can quote it.
use crate::common::*;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

fn request_id(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("x-request-id")
        .expect("every answer names its request")
        .to_str()
        .unwrap()
        .to_owned()
}

db_test!(a_server_fault_tells_the_user_the_id_of_the_request, |app| {
    let ok = reqwest::get(app.url("/healthz")).await.unwrap();
    let first = request_id(&ok);
    assert_eq!(first.len(), 8);
    let again = reqwest::get(app.url("/healthz")).await.unwrap();
    assert_ne!(request_id(&again), first, "each request its own id");

    // A cadence policy the server cannot read back: the duties and the township view fail.
    app.db
        .execute_unprepared(
            "INSERT INTO cadence_policy (policy, updated_at_ms, updated_by) VALUES ('{broken', 0, 1)",
        )
        .await
        .unwrap();
    let member = app.login(DONGHU_MEMBER).await;
    let failed = member.get(app.url("/api/v1/duties")).send().await.unwrap();
    assert_eq!(failed.status(), 500);
    let id = request_id(&failed);
    let body: Value = failed.json().await.unwrap();
    assert_eq!(body["error"]["code"], "internal");
    assert_eq!(
        body["error"]["message"],
        format!("服务器暂时出错，请稍后再试（编号 {id}）")
    );

    let leader = app.login(DONGHU_LEADER).await;
    let failed = leader
        .post(app.url("/api/township_overview"))
        .json(&json!({"query": {"scope": null, "month": null}}))
        .send()
        .await
        .unwrap();
    assert_eq!(failed.status(), 500);
    let id = request_id(&failed);
    let error: app::error::AppError = failed.json().await.unwrap();
    assert_eq!(error, app::error::AppError::Internal(Some(id.clone())));
    assert_eq!(
        error.to_string(),
        format!("服务器暂时出错，请稍后再试（编号 {id}）")
    );
});
