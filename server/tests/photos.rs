//! Photos on visits and activities: uploaded once under the phone's id, required before the
//! record that lists them, and shown to those who see the record's grid.
use crate::common::*;
use serde_json::{Value, json};

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
    let mut rows = Vec::new();
    for grid in overview["grids"].as_array().unwrap() {
        let ask = json!({"grid": grid["grid_id"], "month": ""});
        let (_, listed) = app.call(&township, "township_grid_visits", ask).await;
        rows.extend(listed.as_array().unwrap().clone());
    }
    assert!(
        rows.iter().any(|v| v["photos"] == json!([photo])),
        "{rows:?}"
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

/// The id of the person behind `client`.
async fn person_id(app: &TestApp, client: &reqwest::Client) -> i32 {
    app.pull(client).await["profile"]["person_id"]
        .as_i64()
        .unwrap() as i32
}

/// Stores `n` photos of `person` as if uploaded at `at_ms`, straight into the database.
async fn stored_photos(app: &TestApp, person: i32, n: usize, at_ms: i64) {
    use sea_orm::{EntityTrait, Set};
    let rows: Vec<_> = (0..n)
        .map(|_| app::db::photo::ActiveModel {
            id: Set(uuid::Uuid::now_v7()),
            person_id: Set(person),
            grid_id: Set(None),
            bytes: Set(jpeg(1, 16)),
            received_at_ms: Set(at_ms),
            ..Default::default()
        })
        .collect();
    for chunk in rows.chunks(500) {
        app::db::photo::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&app.db)
            .await
            .unwrap();
    }
}

async fn refusal(app: &TestApp, client: &reqwest::Client) -> (u16, Option<String>, String) {
    let response = client
        .put(app.url(&format!("/api/v1/photos/{}", new_id())))
        .body(jpeg(3, 1000))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let retry = response
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_owned());
    let body: Value = response.json().await.unwrap();
    (
        status,
        retry,
        body["error"]["message"].as_str().unwrap().to_owned(),
    )
}

db_test!(a_person_over_the_photo_quota_is_refused_in_words, |app| {
    use app::photos::quota::{PHOTOS_KEPT_PER_PERSON, PHOTOS_PER_DAY, PHOTOS_PER_MINUTE};
    let member = app.login(DONGHU_MEMBER).await;
    let now = app.clock.now_ms();

    // A burst: the minute's allowance goes through, the next is refused; a retry of a photo
    // already kept is still answered as the first time.
    let mut sent = Vec::new();
    for _ in 0..PHOTOS_PER_MINUTE {
        let id = new_id();
        assert_eq!(upload(app, &member, &id, jpeg(5, 1000)).await, 204);
        sent.push(id);
    }
    let (status, retry, message) = refusal(app, &member).await;
    assert_eq!((status, retry.as_deref()), (429, Some("60")));
    assert_eq!(
        message,
        format!("上传照片过于频繁（每分钟最多 {PHOTOS_PER_MINUTE} 张），请稍后再同步")
    );
    assert_eq!(upload(app, &member, &sent[0], jpeg(5, 1000)).await, 204);
    // Someone else is not held back by it.
    let other = app.login(XILING_MEMBER).await;
    assert_eq!(upload(app, &other, &new_id(), jpeg(5, 1000)).await, 204);

    // The day's allowance, used up an hour ago.
    let leader = app.login(DONGHU_LEADER).await;
    let leader_id = person_id(app, &leader).await;
    stored_photos(app, leader_id, PHOTOS_PER_DAY as usize, now - 3_600_000).await;
    let (status, _, message) = refusal(app, &leader).await;
    assert_eq!(status, 429);
    assert!(
        message.contains(&format!("{PHOTOS_PER_DAY} 张的上限")),
        "{message}"
    );

    // Everything a person may keep, uploaded over past months.
    let keeper = app.login(XILING_LEADER).await;
    let keeper_id = person_id(app, &keeper).await;
    let months_ago = now - 90 * 86_400_000;
    stored_photos(app, keeper_id, PHOTOS_KEPT_PER_PERSON as usize, months_ago).await;
    let (status, _, message) = refusal(app, &keeper).await;
    assert_eq!(status, 413);
    assert_eq!(
        message,
        format!("您在服务器上的照片已达 {PHOTOS_KEPT_PER_PERSON} 张的上限，请联系管理员")
    );
});

db_test!(
    an_unlisted_photo_is_removed_a_day_later_and_a_listed_one_stays,
    |app| {
        use app::photos::sweep::{UNLISTED_KEPT_MS, sweep};
        let member = app.login(DONGHU_MEMBER).await;
        let firm = enterprise_in(&app.pull(&member).await, "东湖工业一网格");
        let (listed, unlisted) = (new_id(), new_id());
        assert_eq!(upload(app, &member, &listed, jpeg(1, 800)).await, 204);
        assert_eq!(upload(app, &member, &unlisted, jpeg(2, 800)).await, 204);
        let record = with_photos(visit(&new_id(), firm, &app.today(), "有照片"), &[&listed]);
        let (_, answer) = app.push(&member, json!([record])).await;
        assert_eq!(answer["results"][0]["status"], "accepted", "{answer}");

        // Within the day both stay: the phone may still send the record that lists it.
        let now = app.clock.now_ms();
        assert_eq!(
            sweep(&app.db, now + UNLISTED_KEPT_MS - 60_000)
                .await
                .unwrap(),
            0
        );
        assert_eq!(download(app, &member, &unlisted).await.0, 200);

        let a_day_later = now + UNLISTED_KEPT_MS + 60_000;
        assert_eq!(sweep(&app.db, a_day_later).await.unwrap(), 1);
        assert_eq!(download(app, &member, &unlisted).await.0, 403);
        assert_eq!(download(app, &member, &listed).await, (200, jpeg(1, 800)));
        let township = app.login(DONGHU_LEADER).await;
        assert_eq!(download(app, &township, &listed).await.0, 200);
    }
);

db_test!(
    a_withdrawn_visits_photo_is_no_longer_served_and_then_removed,
    |app| {
        use app::photos::sweep::sweep;
        let member = app.login(DONGHU_MEMBER).await;
        let township = app.login(DONGHU_LEADER).await;
        let firm = enterprise_in(&app.pull(&member).await, "东湖工业一网格");
        let (photo, kept) = (new_id(), new_id());
        assert_eq!(upload(app, &member, &photo, jpeg(4, 900)).await, 204);
        assert_eq!(upload(app, &member, &kept, jpeg(5, 900)).await, 204);
        let record = with_photos(visit(&new_id(), firm, &app.today(), "将撤回"), &[&photo]);
        let other = with_photos(visit(&new_id(), firm, &app.today(), "保留"), &[&kept]);
        let (_, answer) = app.push(&member, json!([record.clone(), other])).await;
        assert_eq!(answer["results"][1]["status"], "accepted", "{answer}");
        assert_eq!(download(app, &township, &photo).await.0, 200);

        let mut withdrawal = record;
        withdrawal["version"] = json!(2);
        withdrawal["withdrawn"] = json!(true);
        let (_, answer) = app.push(&member, json!([withdrawal])).await;
        assert_eq!(answer["results"][0]["status"], "accepted", "{answer}");
        for viewer in [&township, &member] {
            let (status, body) = download(app, viewer, &photo).await;
            assert_eq!(status, 404);
            let body: Value = serde_json::from_slice(&body).unwrap();
            assert_eq!(
                body["error"]["message"],
                "这张照片所在的记录已撤回，照片已不再提供"
            );
        }
        assert_eq!(sweep(&app.db, app.clock.now_ms()).await.unwrap(), 1);
        assert_eq!(download(app, &member, &photo).await.0, 403);
        assert_eq!(download(app, &township, &kept).await.0, 200);
    }
);
