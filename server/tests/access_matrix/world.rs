//! The world the matrix runs in: one signed-in client per demo role (each sending `Origin` as a
//! browser does), the grid tree, and the data the requests point at, made through the API by a
//! helper account that leads every enterprise grid: in each, a visit with a photo, a major
//! event and a submitted monthly report.
use super::rule::{Grid, RoleSpec, Tree, demo_roles};
use crate::common::{PASSWORD, TestApp};
use app::domain::grid::{GridKind, Role};
use reqwest::Method;
use reqwest::header::{HeaderMap, HeaderValue, ORIGIN};
use sea_orm::{ActiveValue::Set, EntityTrait};
use serde_json::{Value, json};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use uuid::Uuid;

/// The helper account that makes the data (not a demo role: no cell runs as it).
const SEEDER: &str = "13800000099";

/// A role's client; `person` is `None` for the client that is not signed in.
pub struct Session {
    pub spec: &'static RoleSpec,
    pub client: reqwest::Client,
    pub roles: Option<Vec<(i64, Role)>>,
    pub person_id: i64,
}

/// What the data of one enterprise grid is: a photo of a visit, a major event, a report.
pub struct Fixture {
    pub photo: Uuid,
    pub event: Uuid,
    pub report: Uuid,
    pub report_version: Cell<u32>,
}

pub struct World<'a> {
    pub app: &'a TestApp,
    pub tree: Tree,
    pub sessions: Vec<Session>,
    pub seeder: reqwest::Client,
    pub seeder_id: i64,
    pub fixtures: HashMap<i64, Fixture>,
    /// The first enterprise of each enterprise grid.
    pub firms: HashMap<i64, i64>,
    /// The month the fixtures' reports are for, `YYYY-MM`.
    pub report_month: String,
    /// A grouping proposal with an enterprise left out, which the server must refuse whole.
    pub broken_grouping: Value,
    pub cadence: Value,
    /// How many records of a kind that needs a year or month of its own each grid holds.
    stored: RefCell<HashMap<(&'static str, i64), i32>>,
}

/// The answer of one request: status, text, and the text as JSON (null when not JSON).
pub struct Answer {
    pub status: u16,
    pub body: Value,
    pub text: String,
}

/// How long one request may take: a request that hangs then fails its own cell, named, instead
/// of holding the whole matrix past its limit with nothing to say where.
const REQUEST_LIMIT: std::time::Duration = std::time::Duration::from_secs(30);

/// A client as a browser on the site would be: cookies kept, `Origin` sent.
pub fn browser(app: &TestApp) -> reqwest::Client {
    let mut headers = HeaderMap::new();
    let origin = HeaderValue::from_str(&app.base).expect("an origin");
    headers.insert(ORIGIN, origin);
    reqwest::Client::builder()
        .cookie_store(true)
        .default_headers(headers)
        .timeout(REQUEST_LIMIT)
        .build()
        .expect("a client")
}

/// A browser signed in as `phone`, and the profile the login answered.
pub async fn signed_in(app: &TestApp, phone: &str) -> (reqwest::Client, Value) {
    let client = browser(app);
    let response = client
        .post(app.url(app::sync::api::LOGIN_PATH))
        .json(&json!({"phone": phone, "password": PASSWORD}))
        .send()
        .await
        .expect("login answers");
    assert_eq!(response.status(), 200, "login of {phone}");
    let answer: Value = response.json().await.expect("login JSON");
    (client, answer["profile"].clone())
}

/// Pages whose body stalled after their status and that were fetched again (see [`send`]).
pub static STALLED_PAGES: AtomicUsize = AtomicUsize::new(0);

/// Sends the request; a connection the server dropped, or a body that did not arrive whole,
/// answers status 0 with the error. A GET whose body stalled after its status is sent once
/// more and counted in [`STALLED_PAGES`]: a server-rendered page now and then never finishes
/// (leptos issues #4851, #4578; `auth/office.rs`), which is not the permission this matrix
/// checks, and the summary says how often it happened.
pub async fn send(request: reqwest::RequestBuilder) -> Answer {
    let (client, request) = request.build_split();
    let request = match request {
        Ok(request) => request,
        Err(e) => return failed(e, "building the request"),
    };
    let again = (request.method() == Method::GET)
        .then(|| request.try_clone())
        .flatten();
    match (send_once(&client, request).await, again) {
        (Sent::Stalled(url), Some(again)) => {
            STALLED_PAGES.fetch_add(1, Ordering::Relaxed);
            eprintln!("the body of {url} stalled; sent again");
            send_once(&client, again).await.answer()
        }
        (sent, _) => sent.answer(),
    }
}

enum Sent {
    Answered(Answer),
    /// The status came, the body did not.
    Stalled(String),
}

impl Sent {
    fn answer(self) -> Answer {
        match self {
            Sent::Answered(answer) => answer,
            Sent::Stalled(url) => Answer {
                status: 0,
                body: Value::Null,
                text: format!("{url}: the body stalled after its status"),
            },
        }
    }
}

async fn send_once(client: &reqwest::Client, request: reqwest::Request) -> Sent {
    let url = request.url().path().to_owned();
    match client.execute(request).await {
        Ok(response) => {
            let status = response.status().as_u16();
            let Ok(text) = response.text().await else {
                return Sent::Stalled(url);
            };
            let body = serde_json::from_str(&text).unwrap_or(Value::Null);
            Sent::Answered(Answer { status, body, text })
        }
        Err(e) => Sent::Answered(failed(e, "the request")),
    }
}

fn failed(e: reqwest::Error, part: &str) -> Answer {
    Answer {
        status: 0,
        body: Value::Null,
        text: format!("{part}: {e}"),
    }
}

impl<'a> World<'a> {
    pub async fn build(app: &'a TestApp) -> World<'a> {
        let (admin, _) = signed_in(app, crate::common::CITY_ADMIN).await;
        let tree = tree(app, &admin).await;
        let mut sessions = Vec::new();
        for spec in &super::rule::ROLES {
            sessions.push(session(app, spec, &tree).await);
        }
        let seeder_id = add_seeder(app, &admin, &tree).await;
        let (seeder, _) = signed_in(app, SEEDER).await;
        let firms = first_firms(app, &admin).await;
        let (_, proposal) = app
            .call(
                &admin,
                "admin/grouping",
                json!({"township_id": tree.named("西岭街道").id}),
            )
            .await;
        let mut broken_grouping = proposal;
        broken_grouping["grids"][0]["enterprises"]
            .as_array_mut()
            .expect("a proposed grid")
            .pop();
        let cadence = ask_for_progress_reports(app, &admin).await;
        let mut world = World {
            app,
            tree,
            sessions,
            seeder,
            seeder_id,
            fixtures: HashMap::new(),
            firms,
            report_month: month_before(&app.this_month(), 11),
            broken_grouping,
            cadence,
            stored: RefCell::default(),
        };
        world.make_fixtures().await;
        world
    }

    async fn make_fixtures(&mut self) {
        let grids: Vec<Grid> = self.tree.enterprise_grids().cloned().collect();
        for grid in grids {
            let photo = Uuid::now_v7();
            let response = self
                .seeder
                .put(
                    self.app
                        .url(&format!("{}/{photo}", app::photos::PHOTOS_PATH)),
                )
                .header("content-type", "image/jpeg")
                .body(jpeg())
                .send()
                .await
                .expect("upload answers");
            assert!(response.status().is_success(), "photo uploaded");
            let (event, report) = (Uuid::now_v7(), Uuid::now_v7());
            let firm = self.firms[&grid.id];
            let mut seen = visit(self.app, firm, &format!("{} 照片走访", grid.name));
            seen["payload"]["photos"] = json!([photo]);
            let records = json!([
                seen,
                major_event(self.app, event, grid.id),
                report_record(report, 1, grid.id, &self.report_month),
            ]);
            let (status, answer) = self.app.push(&self.seeder, records).await;
            let all_accepted = answer["results"]
                .as_array()
                .is_some_and(|r| r.iter().all(|r| r["status"] == "accepted"));
            assert!(
                status == 200 && all_accepted,
                "fixtures of {}: {answer}",
                grid.name
            );
            let fixture = Fixture {
                photo,
                event,
                report,
                report_version: Cell::new(1),
            };
            self.fixtures.insert(grid.id, fixture);
        }
    }

    pub fn fixture(&self, grid: &Grid) -> &Fixture {
        &self.fixtures[&grid.id]
    }

    pub fn stored(&self, kind: &'static str, grid: i64) -> i32 {
        self.stored
            .borrow()
            .get(&(kind, grid))
            .copied()
            .unwrap_or(0)
    }

    pub fn count_stored(&self, kind: &'static str, grid: i64) {
        *self.stored.borrow_mut().entry((kind, grid)).or_default() += 1;
    }

    pub fn this_year(&self) -> i32 {
        self.app.this_month()[..4].parse().expect("a year")
    }
}

async fn tree(app: &TestApp, admin: &reqwest::Client) -> Tree {
    let (status, grids) = app.call(admin, "admin/grids", json!({})).await;
    assert_eq!(status, 200, "the city reads the grid tree");
    let grids = grids.as_array().expect("grids").iter().map(|g| Grid {
        id: g["id"].as_i64().expect("id"),
        parent: g["parent_id"].as_i64(),
        kind: serde_json::from_value(g["kind"].clone()).expect("a grid kind"),
        name: g["name"].as_str().expect("name").to_owned(),
    });
    Tree::new(grids.collect())
}

async fn session(app: &TestApp, spec: &'static RoleSpec, tree: &Tree) -> Session {
    let Some(phone) = spec.phone else {
        return Session {
            spec,
            client: browser(app),
            roles: None,
            person_id: 0,
        };
    };
    let (client, profile) = signed_in(app, phone).await;
    Session {
        spec,
        client,
        roles: Some(demo_roles(phone, tree)),
        person_id: profile["person_id"].as_i64().expect("person id"),
    }
}

/// Adds the helper account (straight into the database: the API adds people only by import)
/// and makes it leader of every enterprise grid through the API.
async fn add_seeder(app: &TestApp, admin: &reqwest::Client, tree: &Tree) -> i64 {
    let hash = app::auth::password::hash_password(PASSWORD)
        .await
        .expect("a hash");
    let inserted = app::db::person::Entity::insert(app::db::person::ActiveModel {
        name: Set("矩阵数据员".into()),
        phone: Set(SEEDER.into()),
        password_hash: Set(hash),
        active: Set(true),
        password_reset: Set(false),
        ..Default::default()
    })
    .exec(&app.db)
    .await
    .expect("helper added");
    let id = i64::from(inserted.last_insert_id);
    for grid in tree.enterprise_grids() {
        let change = json!({"change": {"change": "assign", "person_id": id, "grid_id": grid.id, "role": "leader"}});
        let (status, body) = app.call(admin, "admin/person_change", change).await;
        assert_eq!(status, 200, "helper leads {}: {body}", grid.name);
    }
    id
}

async fn first_firms(app: &TestApp, admin: &reqwest::Client) -> HashMap<i64, i64> {
    let pulled = app.pull(admin).await;
    let mut firms = HashMap::new();
    for e in pulled["directory"]["enterprises"]
        .as_array()
        .expect("enterprises")
    {
        let grid = e["grid_id"].as_i64().expect("grid id");
        firms.entry(grid).or_insert(e["id"].as_i64().expect("id"));
    }
    firms
}

/// `YYYY-MM`, `back` months before `month`.
pub fn month_before(month: &str, back: i32) -> String {
    let (y, m) = month.split_once('-').expect("YYYY-MM");
    let total = y.parse::<i32>().expect("year") * 12 + m.parse::<i32>().expect("month") - 1 - back;
    format!("{:04}-{:02}", total / 12, total % 12 + 1)
}

pub fn jpeg() -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0];
    bytes.resize(600, 7);
    bytes
}

fn envelope(id: Uuid, kind: &str, version: u32, payload: Value) -> Value {
    json!({"id": id, "kind": kind, "version": version, "device_time_ms": 1_763_000_000_000i64, "payload": payload})
}

pub fn visit(app: &TestApp, firm: i64, findings: &str) -> Value {
    envelope(
        Uuid::now_v7(),
        "visit",
        1,
        json!({
            "enterprise_id": firm, "visit_date": app.today(), "purpose": "data_quality",
            "findings": findings, "follow_up": false
        }),
    )
}

pub fn major_event(app: &TestApp, id: Uuid, grid: i64) -> Value {
    envelope(
        id,
        "major_event",
        1,
        json!({
            "grid_id": grid, "enterprise_id": null, "occurred_on": app.today(),
            "title": "企业停产", "details": "因订单不足全面停产", "impact": "预计本月产值减少"
        }),
    )
}

pub fn report_record(id: Uuid, version: u32, grid: i64, month: &str) -> Value {
    envelope(
        id,
        "monthly_report",
        version,
        json!({
            "grid_id": grid, "month": month, "work_done": "走访全覆盖", "problems": "", "next_steps": "年报布置"
        }),
    )
}

pub fn activity(app: &TestApp, grid: i64, person: i64) -> Value {
    envelope(
        Uuid::now_v7(),
        "activity",
        1,
        json!({
            "grid_id": grid, "activity_type": "study", "activity_date": app.today(), "place": "统计之家",
            "participants": [person], "summary": "学习统计法", "spend_yuan": ""
        }),
    )
}

pub fn training(app: &TestApp, grid: i64, person: i64) -> Value {
    envelope(
        Uuid::now_v7(),
        "training",
        1,
        json!({
            "grid_id": grid, "title": "统计法律知识培训", "training_date": app.today(),
            "organiser": "市统计局", "topic": "law", "hours": 2, "attendees": [person]
        }),
    )
}

pub fn meeting(app: &TestApp, grid: i64) -> Value {
    envelope(
        Uuid::now_v7(),
        "analysis_meeting",
        1,
        json!({
            "grid_id": grid, "meeting_date": app.today(), "attendees": "镇长、经发办",
            "economy": "工业产值平稳", "findings": "无", "follow_ups": "继续走访"
        }),
    )
}

/// The fixed-date report a grid of `kind` files in the matrix, due today.
pub fn progress_label(kind: GridKind) -> String {
    format!("{}进展报告", kind.code())
}

/// Adds to the city's policy a fixed-date report due today for each kind of grid that files
/// one, so a push of a progress report is refused only for want of permission; the policy.
async fn ask_for_progress_reports(app: &TestApp, admin: &reqwest::Client) -> Value {
    let (_, settings) = app.call(admin, "admin/cadence", json!({})).await;
    let mut policy = settings["policy"].clone();
    for kind in [GridKind::City, GridKind::Township, GridKind::Department] {
        let rule = json!({ "kind": { "kind": "fixed_date", "label": progress_label(kind),
                                     "dates": [&app.today()[5..]], "grid_kind": kind.code() },
                           "due": "end_of_period", "soon_days": 10 });
        policy["rules"].as_array_mut().expect("rules").push(rule);
    }
    let (status, saved) = app
        .call(admin, "admin/cadence_save", json!({"policy": policy}))
        .await;
    assert_eq!(status, 200, "{saved}");
    policy
}

pub fn progress_report(app: &TestApp, grid: &Grid) -> Value {
    envelope(
        Uuid::now_v7(),
        "progress_report",
        1,
        json!({
            "grid_id": grid.id, "label": progress_label(grid.kind), "deadline": app.today(),
            "progress": "改革方案已印发", "problems": "人员不足", "documents": ""
        }),
    )
}

pub fn plan(grid: i64, year: i32) -> Value {
    envelope(
        Uuid::now_v7(),
        "annual_plan",
        1,
        json!({
            "grid_id": grid, "year": year, "goals": "走访全覆盖", "measures": "每月例会",
            "schedule": "每季度一次统计之家活动"
        }),
    )
}

/// Whether the grid is an enterprise grid (records and reports live only there).
pub fn is_enterprise(grid: &Grid) -> bool {
    grid.kind == GridKind::Enterprise
}
