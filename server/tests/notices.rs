//! 通知 (001 §三(三)1: 线上联络): a township sends a notice to its grids; their people read it
//! on the phone and are reminded while it is unread; the township sees who has read it; other
//! townships' people never see it; only those the permission table lets notify may send.
use crate::common::*;
use serde_json::{Value, json};

async fn inbox(app: &TestApp, who: &reqwest::Client) -> Vec<Value> {
    let response = who.get(app.url("/api/v1/notices")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    response.json::<Vec<Value>>().await.unwrap()
}

async fn read(app: &TestApp, who: &reqwest::Client, ids: &[i64]) -> (u16, Value) {
    let response = who
        .post(app.url("/api/v1/notices/read"))
        .json(&json!({"ids": ids}))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn send(app: &TestApp, who: &reqwest::Client, grid: i64, title: &str) -> (u16, Value) {
    let notice = json!({"title": title, "body": "各网格：\n请于12月10日前报送11月情况汇报。"});
    app.call(
        who,
        "notice_post",
        json!({"grid_id": grid, "notice": notice}),
    )
    .await
}

fn titles(list: &[Value]) -> Vec<&str> {
    list.iter().map(|n| n["title"].as_str().unwrap()).collect()
}

fn notice_reminders(reminders: &[Value]) -> Vec<&str> {
    (reminders.iter())
        .filter_map(|r| r["title"].as_str())
        .filter(|t| t.starts_with("未读通知"))
        .collect()
}

db_test!(
    a_township_notice_reaches_its_grids_and_the_township_sees_who_read_it,
    at "2026-12-04T09:00:00+08:00",
    |app| {
        let leader = app.login(DONGHU_LEADER).await;
        let donghu = grid_id(&app.pull(&leader).await, "东湖镇");
        let (status, sent) = send(app, &leader, donghu, "关于报送11月情况汇报的通知").await;
        assert_eq!(status, 200, "{sent}");
        assert_eq!(sent["may_post"], true);
        let notice = &sent["sent"][0];
        assert_eq!(notice["title"], "关于报送11月情况汇报的通知");
        assert_eq!(notice["body"], "各网格：\n请于12月10日前报送11月情况汇报。");
        assert_eq!(notice["posted_on"], "2026-12-04");
        let audience = notice["audience"].as_u64().unwrap();
        assert!(audience >= 2, "the township's people, its sender aside: {notice}");
        assert_eq!(notice["read"], 0);
        let id = notice["id"].as_i64().unwrap();

        // The member of a grid below reads it on the phone, reminded until it is opened.
        let member = app.login(DONGHU_MEMBER).await;
        let got = inbox(app, &member).await;
        assert_eq!(titles(&got), ["关于报送11月情况汇报的通知"]);
        assert_eq!(got[0]["unit"], "东湖镇");
        assert_eq!(got[0]["read"], false);
        assert_eq!(
            notice_reminders(&app.reminders(&member).await),
            ["未读通知：关于报送11月情况汇报的通知"]
        );
        let (status, after) = read(app, &member, &[id]).await;
        assert_eq!(status, 200, "{after}");
        assert_eq!(after[0]["read"], true);
        // Reading again (a phone sending its offline reads twice) changes nothing.
        let (status, _) = read(app, &member, &[id, id]).await;
        assert_eq!(status, 200);
        assert!(notice_reminders(&app.reminders(&member).await).is_empty());

        let (_, seen) = app
            .call(&leader, "unit_notices", json!({"grid_id": donghu}))
            .await;
        let notice = &seen["sent"][0];
        assert_eq!(notice["read"], 1, "{notice}");
        let unread: Vec<&str> = (notice["unread"].as_array().unwrap().iter())
            .map(|n| n.as_str().unwrap())
            .collect();
        assert_eq!(unread.len() as u64, audience - 1);
        assert!(!unread.contains(&"李娜"), "{unread:?}");

        // Another township's member neither sees it nor can mark it.
        let other = app.login(XILING_MEMBER).await;
        assert!(inbox(app, &other).await.is_empty());
        let (status, _) = read(app, &other, &[id]).await;
        assert_eq!(status, 200);
        let (_, seen) = app
            .call(&leader, "unit_notices", json!({"grid_id": donghu}))
            .await;
        assert_eq!(seen["sent"][0]["read"], 1);

        // Taken back, it leaves the phones.
        let (status, left) = app
            .call(&leader, "notice_remove", json!({"grid_id": donghu, "id": id}))
            .await;
        assert_eq!(status, 200, "{left}");
        assert_eq!(left["sent"], json!([]));
        assert!(inbox(app, &member).await.is_empty());
    }
);

db_test!(
    the_city_bureau_notifies_everyone_and_members_and_other_units_may_not,
    at "2026-12-04T09:00:00+08:00",
    |app| {
        let bureau = app.login(CITY_ADMIN).await;
        let pulled = app.pull(&bureau).await;
        let city = (pulled["directory"]["grids"].as_array().unwrap().iter())
            .find(|g| g["kind"] == "city")
            .and_then(|g| g["id"].as_i64())
            .unwrap();
        let (status, sent) = send(app, &bureau, city, "关于开展统计法治宣传月活动的通知").await;
        assert_eq!(status, 200, "{sent}");
        for phone in [DONGHU_MEMBER, XILING_MEMBER, DONGHU_LEADER] {
            let who = app.login(phone).await;
            let got = inbox(app, &who).await;
            assert_eq!(titles(&got), ["关于开展统计法治宣传月活动的通知"], "{phone}");
            assert_eq!(got[0]["unit"], "市统计局");
        }

        // A member may not send; a township may not send in another's name.
        let member = app.login(DONGHU_MEMBER).await;
        let leader = app.login(DONGHU_LEADER).await;
        let donghu = grid_id(&app.pull(&leader).await, "东湖镇");
        let xiling = grid_id(&app.pull(&app.login(XILING_LEADER).await).await, "西岭街道");
        assert_eq!(send(app, &member, donghu, "通知").await.0, 403);
        assert_eq!(send(app, &leader, xiling, "通知").await.0, 403);
        assert_eq!(send(app, &leader, city, "通知").await.0, 403);

        // An empty notice is refused in words, nothing kept.
        let (status, refused) = app
            .call(
                &leader,
                "notice_post",
                json!({"grid_id": donghu, "notice": {"title": " ", "body": ""}}),
            )
            .await;
        assert_eq!(status, 422, "{refused}");
        let words = refused.to_string();
        assert!(words.contains("请填写通知标题") && words.contains("请填写通知内容"), "{words}");
        let (_, seen) = app
            .call(&leader, "unit_notices", json!({"grid_id": donghu}))
            .await;
        assert_eq!(seen["sent"], json!([]));
    }
);
