//! The requests that need more than one call: data made fresh before the request, or a
//! session of its own.
use super::cell::Target;
use super::world::{self, Answer};
use serde_json::{Value, json};
use uuid::Uuid;

/// Pushes a record that must be its grid's only one of a year or month: the nth accepted in
/// a grid is for the nth free one, so an allowed cell is never refused as a duplicate.
pub async fn push_counted<'t>(
    t: &'t Target<'t>,
    kind: &'static str,
    record: fn(&Target, i32) -> Value,
) -> Answer {
    let n = t.world.stored(kind, t.subject.id);
    let answer = t
        .post(
            app::sync::api::PUSH_PATH,
            json!({"protocol": 1, "records": [record(t, n)]}),
        )
        .await;
    if answer.body["results"][0]["status"] == "accepted" {
        t.world.count_stored(kind, t.subject.id);
    }
    answer
}

/// The plan for next year, this year, last year (a plan is for a year within one of now).
pub fn plan_record(t: &Target, n: i32) -> Value {
    world::plan(t.subject.id, t.world.this_year() + 1 - n)
}

/// The report for this month, the last, … (the fixtures' month is far enough back).
pub fn report_record(t: &Target, n: i32) -> Value {
    let month = world::month_before(&t.world.app.this_month(), n);
    world::report_record(Uuid::now_v7(), 1, t.subject.id, &month)
}

/// The seeder files a report for a month no other row uses (the fixtures' is the next one
/// back), then the cell's session withdraws it: the grid's leaders may, as for an edit. A
/// refused withdrawal is undone by the seeder, so the month is free for the next cell.
pub async fn withdraw_report<'t>(t: &'t Target<'t>) -> Answer {
    let month = world::month_before(&t.world.app.this_month(), 10);
    let id = Uuid::now_v7();
    let report = world::report_record(id, 1, t.subject.id, &month);
    let (_, sent) = t.world.app.push(&t.world.seeder, json!([report])).await;
    assert_eq!(sent["results"][0]["status"], "accepted", "{sent}");
    let mut withdrawal = world::report_record(id, 2, t.subject.id, &month);
    withdrawal["withdrawn"] = json!(true);
    let answer = t
        .post(
            app::sync::api::PUSH_PATH,
            json!({"protocol": 1, "records": [withdrawal.clone()]}),
        )
        .await;
    if answer.body["results"][0]["status"] != "accepted" {
        let (_, undone) = t.world.app.push(&t.world.seeder, json!([withdrawal])).await;
        assert_eq!(undone["results"][0]["status"], "accepted", "{undone}");
    }
    answer
}

pub async fn login<'t>(t: &'t Target<'t>) -> Answer {
    // Not signed in: a stranger logs in with a member's password.
    let phone = t.session.spec.phone.unwrap_or(crate::common::DONGHU_MEMBER);
    let client = world::browser(t.world.app);
    let body = json!({"phone": phone, "password": crate::common::PASSWORD});
    world::send(
        client
            .post(t.world.app.url(app::sync::api::LOGIN_PATH))
            .json(&body),
    )
    .await
}

/// Logs out a session of its own, so the role's client stays signed in.
pub async fn logout<'t>(t: &'t Target<'t>) -> Answer {
    let client = match t.session.spec.phone {
        Some(phone) => world::signed_in(t.world.app, phone).await.0,
        None => world::browser(t.world.app),
    };
    let url = t.world.app.url(app::sync::api::LOGOUT_PATH);
    world::send(client.post(url)).await
}

pub async fn upload<'t>(t: &'t Target<'t>) -> Answer {
    let url = t
        .world
        .app
        .url(&format!("{}/{}", app::photos::PHOTOS_PATH, Uuid::now_v7()));
    let request = t
        .session
        .client
        .put(url)
        .header("content-type", "image/jpeg")
        .body(world::jpeg());
    world::send(request).await
}

pub async fn import<'t>(t: &'t Target<'t>) -> Answer {
    let url = t.world.app.url(&format!(
        "{}?layout=enterprises&apply=false",
        app::admin::api::IMPORT_PATH
    ));
    let request = t
        .session
        .client
        .post(url)
        .header("content-type", "text/csv")
        .body("统一社会信用代码,企业名称\n");
    world::send(request).await
}

pub fn staff() -> Value {
    json!({"name": "矩阵统计员", "post": "统计员", "employment": "full_time"})
}

/// Puts someone on the grid's roster as the city bureau (where the grid keeps one), then takes
/// them off as the role under test.
pub async fn remove_staff<'t>(t: &'t Target<'t>) -> Answer {
    let bureau = (t.world.sessions.iter())
        .find(|s| s.spec.phone == Some(crate::common::CITY_ADMIN))
        .expect("the bureau's session");
    let url = t.world.app.url("/api/staff_add");
    let body = json!({"grid_id": t.subject.id, "staff": staff()});
    let added = world::send(bureau.client.post(url).json(&body)).await;
    let last = added.body["staff"].as_array().and_then(|s| s.last());
    let id = last.and_then(|s| s["id"].as_i64()).unwrap_or(0);
    t.post(
        "/api/staff_remove",
        json!({"grid_id": t.subject.id, "id": id}),
    )
    .await
}

/// A 统计之家 of a name no other has, so that each allowed call registers one.
pub fn stats_home() -> Value {
    // A v7 UUID's last hex digits are random; its first are the clock's.
    let id = Uuid::now_v7().simple().to_string();
    let name = format!("矩阵统计之家{}", &id[20..]);
    json!({"name": name, "address": "镇政府三楼", "opened_on": "2025-06-01", "note": ""})
}

/// Registers a 统计之家 in the grid as the city bureau (where the grid keeps them), then
/// takes it off as the role under test.
pub async fn remove_stats_home<'t>(t: &'t Target<'t>) -> Answer {
    let bureau = (t.world.sessions.iter())
        .find(|s| s.spec.phone == Some(crate::common::CITY_ADMIN))
        .expect("the bureau's session");
    let url = t.world.app.url("/api/stats_home_save");
    let home = stats_home();
    let body = json!({"grid_id": t.subject.id, "id": null, "home": home});
    let added = world::send(bureau.client.post(url).json(&body)).await;
    let homes = added.body["homes"].as_array().cloned().unwrap_or_default();
    let ours = homes.iter().find(|h| h["name"] == home["name"]);
    let id = ours.and_then(|h| h["id"].as_i64()).unwrap_or(0);
    let body = json!({"grid_id": t.subject.id, "id": id});
    let answer = t.post("/api/stats_home_remove", body.clone()).await;
    // A refused removal leaves the home: the bureau takes it off, so that the unit's register
    // stays under its bound however many roles are refused.
    let url = t.world.app.url("/api/stats_home_remove");
    world::send(bureau.client.post(url).json(&body)).await;
    answer
}

/// Sends a notice from the grid as the city bureau (who may notify every unit), then takes
/// it back as the role under test; the bureau takes it back when the role may not.
pub async fn remove_notice<'t>(t: &'t Target<'t>) -> Answer {
    let bureau = (t.world.sessions.iter())
        .find(|s| s.spec.phone == Some(crate::common::CITY_ADMIN))
        .expect("the bureau's session");
    let url = t.world.app.url("/api/notice_post");
    let notice = json!({"title": "矩阵撤回通知", "body": "请阅。"});
    let body = json!({"grid_id": t.subject.id, "notice": notice});
    let sent = world::send(bureau.client.post(url).json(&body)).await;
    let id = sent.body["sent"][0]["id"].as_i64().unwrap_or(0);
    let body = json!({"grid_id": t.subject.id, "id": id});
    let answer = t.post("/api/notice_remove", body.clone()).await;
    let url = t.world.app.url("/api/notice_remove");
    world::send(bureau.client.post(url).json(&body)).await;
    answer
}

/// An online course of the law, worth one hour.
pub fn course() -> Value {
    json!({"title": "矩阵课程", "topic": "law", "hours": 1, "link": "", "body": "请学习。"})
}

/// Puts a course up in the grid as the city bureau, then takes it down as the role under
/// test; the bureau takes it down when the role may not.
pub async fn remove_course<'t>(t: &'t Target<'t>) -> Answer {
    let bureau = (t.world.sessions.iter())
        .find(|s| s.spec.phone == Some(crate::common::CITY_ADMIN))
        .expect("the bureau's session");
    let url = t.world.app.url("/api/course_post");
    let body = json!({"grid_id": t.subject.id, "course": course()});
    let posted = world::send(bureau.client.post(url).json(&body)).await;
    let id = posted.body["courses"][0][0]["id"].as_i64().unwrap_or(0);
    let body = json!({"grid_id": t.subject.id, "id": id});
    let answer = t.post("/api/course_remove", body.clone()).await;
    let url = t.world.app.url("/api/course_remove");
    world::send(bureau.client.post(url).json(&body)).await;
    answer
}
