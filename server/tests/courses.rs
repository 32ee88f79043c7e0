//! 在线课堂 (001 §三(三)1: 在线教育培训): the city bureau puts a course online; every member's
//! phone offers it; a member who studied it records an online training of its name, which
//! counts towards their continuing-education hours, and the bureau sees how many studied it.
use crate::common::*;
use serde_json::{Value, json};

const TITLE: &str = "新修订统计法解读（第一讲）";

fn course(link: &str) -> Value {
    json!({"title": TITLE, "topic": "law", "hours": 2, "link": link,
        "body": "统计调查对象的权利与义务，约 90 分钟。"})
}

async fn offered(app: &TestApp, who: &reqwest::Client) -> Vec<Value> {
    let response = who.get(app.url("/api/v1/courses")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    response.json::<Vec<Value>>().await.unwrap()
}

fn city_of(pulled: &Value) -> i64 {
    (pulled["directory"]["grids"].as_array().unwrap().iter())
        .find(|g| g["kind"] == "city")
        .and_then(|g| g["id"].as_i64())
        .unwrap()
}

db_test!(
    a_course_studied_online_counts_towards_the_members_hours,
    at "2026-12-04T09:00:00+08:00",
    |app| {
        let bureau = app.login(CITY_ADMIN).await;
        let city = city_of(&app.pull(&bureau).await);
        let (status, posted) = app
            .call(&bureau, "course_post", json!({"grid_id": city, "course": course("https://tjj.example.gov.cn/k/1")}))
            .await;
        assert_eq!(status, 200, "{posted}");
        assert_eq!(posted["courses"][0][0]["title"], TITLE);
        assert_eq!(posted["courses"][0][1], 0, "no one studied it yet");

        // Every member's phone is offered it, the bureau as its organiser.
        let member = app.login(DONGHU_MEMBER).await;
        let got = offered(app, &member).await;
        assert_eq!(got.len(), 1);
        assert_eq!(got[0]["unit"], "市统计局");
        assert_eq!(got[0]["topic"], "law");
        assert_eq!(got[0]["hours"], 2);
        assert_eq!(got[0]["link"], "https://tjj.example.gov.cn/k/1");
        assert_eq!(offered(app, &app.login(XILING_MEMBER).await).await.len(), 1);

        // Studied, it becomes an online training of the member alone, with its hours.
        let pulled = app.pull(&member).await;
        let me = pulled["profile"]["person_id"].as_i64().unwrap();
        let grid = grid_id(&pulled, "东湖工业一网格");
        let hours_before = education_hours(app, &member).await;
        let record = json!({
            "id": new_id(), "kind": "training", "version": 1, "device_time_ms": 1_763_000_000_000i64,
            "payload": {"grid_id": grid, "title": TITLE, "training_date": app.today(),
                "organiser": "市统计局", "topic": "law", "session": "online", "hours": 2,
                "attendees": [me]}
        });
        let (status, answer) = app.push(&member, json!([record])).await;
        assert_eq!(status, 200, "{answer}");
        assert_eq!(answer["results"][0]["status"], "accepted", "{answer}");
        assert_eq!(education_hours(app, &member).await, hours_before + 2);

        let (_, seen) = app.call(&bureau, "unit_courses", json!({"grid_id": city})).await;
        assert_eq!(seen["courses"][0][1], 1, "{seen}");

        // Taken down, it leaves the phones; the training recorded from it stays.
        let id = seen["courses"][0][0]["id"].as_i64().unwrap();
        let (status, left) = app
            .call(&bureau, "course_remove", json!({"grid_id": city, "id": id}))
            .await;
        assert_eq!(status, 200, "{left}");
        assert!(offered(app, &member).await.is_empty());
        assert_eq!(education_hours(app, &member).await, hours_before + 2);
    }
);

/// The hours of the member's trainings this year, as their phone is told.
async fn education_hours(app: &TestApp, who: &reqwest::Client) -> u64 {
    let duties: Value = (who.get(app.url("/api/v1/duties")).send().await.unwrap())
        .json()
        .await
        .unwrap();
    (duties["attended"].as_array().unwrap().iter())
        .map(|t| t["hours"].as_u64().unwrap())
        .sum()
}

db_test!(
    only_who_directs_a_unit_puts_courses_up_and_a_bad_link_is_refused,
    at "2026-12-04T09:00:00+08:00",
    |app| {
        let leader = app.login(DONGHU_LEADER).await;
        let pulled = app.pull(&leader).await;
        let donghu = grid_id(&pulled, "东湖镇");
        let post = |grid: i64, course: Value| json!({"grid_id": grid, "course": course});
        let (status, refused) = app
            .call(&leader, "course_post", post(donghu, course("javascript:alert(1)")))
            .await;
        assert_eq!(status, 422, "{refused}");
        assert!(refused.to_string().contains("课程链接应以 https:// 或 http:// 开头"), "{refused}");
        let (status, posted) = app.call(&leader, "course_post", post(donghu, course(""))).await;
        assert_eq!(status, 200, "{posted}");

        // The township's own people see it; another township's do not.
        assert_eq!(offered(app, &app.login(DONGHU_MEMBER).await).await.len(), 1);
        assert!(offered(app, &app.login(XILING_MEMBER).await).await.is_empty());

        let member = app.login(DONGHU_MEMBER).await;
        assert_eq!(app.call(&member, "course_post", post(donghu, course(""))).await.0, 403);
        let xiling = grid_id(&app.pull(&app.login(XILING_LEADER).await).await, "西岭街道");
        assert_eq!(app.call(&leader, "course_post", post(xiling, course(""))).await.0, 403);
        let city = city_of(&app.pull(&app.login(CITY_ADMIN).await).await);
        assert_eq!(app.call(&leader, "course_post", post(city, course(""))).await.0, 403);
    }
);
