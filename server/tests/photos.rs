//! Photos on visits and activities: uploaded once under the phone's id, required before the
//! record that lists them, and shown to those who see the record's grid.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use common::*;
use serde_json::{Value, json};

/// The smallest JPEG-looking bytes: the server checks the signature, not the picture.
fn jpeg(fill: u8, len: usize) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0];
    bytes.resize(len, fill);
    bytes
}

async fn upload(app: &TestApp, client: &reqwest::Client, id: &str, body: Vec<u8>) -> u16 {
    client
        .put(app.url(&format!("/api/v1/photos/{id}")))
        .header("content-type", "image/jpeg")
        .body(body)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

async fn download(app: &TestApp, client: &reqwest::Client, id: &str) -> (u16, Vec<u8>) {
    let response = client
        .get(app.url(&format!("/api/v1/photos/{id}")))
        .send()
        .await
        .unwrap();
    (
        response.status().as_u16(),
        response.bytes().await.unwrap().to_vec(),
    )
}

fn with_photos(mut record: Value, photos: &[&str]) -> Value {
    record["payload"]["photos"] = json!(photos);
    record
}

db_test!(a_visit_carries_its_uploaded_photos_to_the_township, |app| {
    let member = app.login(DONGHU_MEMBER).await;
    let pulled = app.pull(&member).await;
    let firm = enterprise_in(&pulled, "东湖工业一网格");
    let (photo, missing) = (new_id(), new_id());

    // Not a JPEG, or too large: refused in words, nothing kept.
    assert_eq!(
        upload(app, &member, &photo, b"\x89PNG....".to_vec()).await,
        422
    );
    assert_eq!(
        upload(app, &member, &photo, jpeg(7, 300 * 1024 + 1)).await,
        422
    );
    // Uploaded, then again (a retry): both fine, kept once; nobody else can take the id.
    assert_eq!(upload(app, &member, &photo, jpeg(7, 2000)).await, 204);
    assert_eq!(upload(app, &member, &photo, jpeg(7, 2000)).await, 204);
    let other = app.login(XILING_MEMBER).await;
    assert_eq!(upload(app, &other, &photo, jpeg(9, 2000)).await, 422);

    // A visit listing a photo never uploaded is refused, saying so.
    let (_, answer) = app
        .push(
            &member,
            json!([with_photos(
                visit(&new_id(), firm, &app.today(), "缺照片"),
                &[&missing]
            )]),
        )
        .await;
    assert_eq!(answer["results"][0]["problems"][0]["code"], "photo_missing");

    // With its photo: stored, and the photo comes back with it.
    let id = new_id();
    let (_, answer) = app
        .push(
            &member,
            json!([with_photos(
                visit(&id, firm, &app.today(), "现场照片"),
                &[&photo]
            )]),
        )
        .await;
    assert_eq!(answer["results"][0]["status"], "accepted", "{answer}");
    let mine = app.pull(&member).await;
    let stored = mine["visits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["id"] == id)
        .unwrap()
        .clone();
    assert_eq!(stored["photos"], json!([photo]));

    // The township sees it on the visit and can open it; another township cannot.
    let township = app.login(DONGHU_LEADER).await;
    let (_, overview) = app
        .call(
            &township,
            "township_overview",
            json!({"query": {"scope": null, "month": null}}),
        )
        .await;
    let rows: Vec<Value> = overview["grids"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["visits"].as_array().unwrap().clone())
        .collect();
    assert!(
        rows.iter().any(|v| v["photos"] == json!([photo])),
        "{overview}"
    );
    assert_eq!(download(app, &township, &photo).await, (200, jpeg(7, 2000)));
    let xiling = app.login(XILING_LEADER).await;
    assert_eq!(download(app, &xiling, &photo).await.0, 403);
    assert_eq!(download(app, &other, &photo).await.0, 403);
});

db_test!(an_activity_keeps_its_photos_through_an_edit, |app| {
    let member = app.login(DONGHU_MEMBER).await;
    let pulled = app.pull(&member).await;
    let grid = pulled["directory"]["grids"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "东湖工业一网格")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let me = pulled["profile"]["person_id"].as_i64().unwrap();
    let (first, second) = (new_id(), new_id());
    assert_eq!(upload(app, &member, &first, jpeg(1, 500)).await, 204);
    assert_eq!(upload(app, &member, &second, jpeg(2, 500)).await, 204);
    let activity = |version: u32, photos: &[&str]| {
        json!({
            "id": "0193a5c4-0000-7000-8000-00000000a001",
            "kind": "activity",
            "version": version,
            "device_time_ms": 1_763_000_000_000i64,
            "payload": {
                "grid_id": grid, "activity_type": "study", "activity_date": app.today(),
                "place": "统计之家", "participants": [me], "summary": "学习统计法",
                "spend_yuan": "", "photos": photos
            }
        })
    };
    let (_, answer) = app.push(&member, json!([activity(1, &[&first])])).await;
    assert_eq!(answer["results"][0]["status"], "accepted", "{answer}");
    // Resent as is: a replay. With a second photo: a new version.
    let (_, again) = app.push(&member, json!([activity(1, &[&first])])).await;
    assert_eq!(again["results"][0], answer["results"][0]);
    let (_, edited) = app
        .push(&member, json!([activity(2, &[&first, &second])]))
        .await;
    assert_eq!(edited["results"][0]["status"], "accepted", "{edited}");
    let (_, twice) = app
        .push(&member, json!([activity(3, &[&first, &first])]))
        .await;
    assert_eq!(twice["results"][0]["problems"][0]["code"], "photos_invalid");
    let held = &app.pull(&member).await["activities"][0];
    assert_eq!(held["draft"]["photos"], json!([first, second]));
    let township = app.login(DONGHU_LEADER).await;
    assert_eq!(download(app, &township, &second).await.0, 200);
});
