//! Test harness: the real server on port 0 with a fresh database holding the demo city.
//! Every test runs on SQLite, and on PostgreSQL too when `TEST_DATABASE_URL` is set.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod reports;
pub mod sheets;

use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use serde_json::{Value, json};
use server::settings::Settings;
use server::startup::Application;

pub const PASSWORD: &str = server::demo::DEMO_PASSWORD;
pub const CITY_ADMIN: &str = "13800000001";
pub const DONGHU_LEADER: &str = "13800000002";
pub const XILING_LEADER: &str = "13800000003";
pub const DONGHU_MEMBER: &str = "13800000005";
/// The `Accept-Encoding` Chromium on a phone sends with every request.
pub const PHONE_ACCEPT_ENCODING: &str = "gzip, deflate, br, zstd";
pub const XILING_MEMBER: &str = "13800000006";

/// How long one test's body may run. The slowest (the access matrix on PostgreSQL) takes
/// about 20 s alone and 45 s beside two more copies of itself.
pub const TEST_LIMIT_SECS: u64 = 300;

/// A new, empty database: its URL, and for PostgreSQL the (admin URL, name) to drop it by.
pub async fn fresh_database(backend: Backend) -> (String, Option<(String, String)>) {
    let unique = uuid::Uuid::now_v7().simple().to_string();
    match backend {
        Backend::Sqlite => {
            let path = std::env::temp_dir().join(format!("statgrid-test-{unique}.db"));
            (format!("sqlite://{}?mode=rwc", path.display()), None)
        }
        Backend::Postgres => {
            let admin_url = std::env::var("TEST_DATABASE_URL").unwrap();
            let name = format!("statgrid_t_{unique}");
            let admin = Database::connect(&admin_url).await.unwrap();
            admin
                .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                .await
                .unwrap();
            admin.close().await.unwrap();
            let base = admin_url.rsplit_once('/').map(|(b, _)| b).unwrap();
            (format!("{base}/{name}"), Some((admin_url, name)))
        }
    }
}

/// The settings the tests' servers run with, on `database_url`.
pub fn test_settings(database_url: &str, clock_start_ms: Option<i64>) -> Settings {
    Settings {
        database_url: database_url.to_owned(),
        address: "127.0.0.1:0".parse().unwrap(),
        site_root: std::env::temp_dir().join("statgrid-no-site"),
        demo_data: true,
        secure_cookies: false,
        clock_start_ms,
        // The tests' own address, so that a test can speak for several clients.
        trusted_proxies: vec![[127, 0, 0, 1].into()],
        ..Settings::default()
    }
}

/// Drops a PostgreSQL database [`fresh_database`] made, whoever is still connected.
pub async fn drop_database(cleanup: Option<(String, String)>) {
    if let Some((admin_url, name)) = cleanup {
        let admin = Database::connect(&admin_url).await.unwrap();
        admin
            .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
            .await
            .ok();
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct TestApp {
    pub base: String,
    /// Where `/metrics` is served, when the settings name an address for it.
    pub metrics_base: Option<String>,
    pub db: DatabaseConnection,
    /// The server's clock: the system's, or pinned by [`TestApp::spawn_at`].
    pub clock: app::state::Clock,
    pub database_url: String,
    cleanup: Option<(String, String)>,
}

/// Runs the body against a fresh app on each backend: `db_test!(name, |app| { … })`, or with
/// the server's clock started at an RFC 3339 instant: `db_test!(name, at "2026-12-10T09:00:00+08:00", |app| { … })`.
#[macro_export]
macro_rules! db_test {
    ($name:ident, |$app:ident| $body:block) => {
        $crate::db_test!(@with $name, None, |$app| $body);
    };
    ($name:ident, at $instant:literal, |$app:ident| $body:block) => {
        $crate::db_test!(@with $name, Some($instant), |$app| $body);
    };
    (@with $name:ident, $instant:expr, |$app:ident| $body:block) => {
        mod $name {
            use super::*;

            async fn run($app: &$crate::common::TestApp) $body

            #[tokio::test]
            async fn sqlite() {
                let app =
                    $crate::common::TestApp::spawn_at($crate::common::Backend::Sqlite, $instant).await;
                app.within_limit(run(&app)).await;
                app.finish().await;
            }

            #[tokio::test]
            async fn postgres() {
                if std::env::var("TEST_DATABASE_URL").is_err() {
                    eprintln!("TEST_DATABASE_URL not set: PostgreSQL case not run");
                    return;
                }
                let app =
                    $crate::common::TestApp::spawn_at($crate::common::Backend::Postgres, $instant).await;
                app.within_limit(run(&app)).await;
                app.finish().await;
            }
        }
    };
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> TestApp {
        Self::spawn_at(backend, None).await
    }

    /// A fresh app whose clock, when `instant` (RFC 3339) is given, starts there and runs on,
    /// so a date rule is checked on the day it matters instead of on the day the tests run.
    pub async fn spawn_at(backend: Backend, instant: Option<&str>) -> TestApp {
        let clock_start_ms = instant.map(|text| {
            let at =
                time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
                    .unwrap_or_else(|_| panic!("{text} is an RFC 3339 instant"));
            (at.unix_timestamp_nanos() / 1_000_000) as i64
        });
        let (database_url, cleanup) = fresh_database(backend).await;
        Self::start(database_url, cleanup, clock_start_ms).await
    }

    /// The app on a database that exists already (a restored backup, say); `cleanup` is the
    /// PostgreSQL database to drop at [`TestApp::finish`].
    pub async fn start(
        database_url: String,
        cleanup: Option<(String, String)>,
        clock_start_ms: Option<i64>,
    ) -> TestApp {
        Self::start_with(test_settings(&database_url, clock_start_ms), cleanup).await
    }

    /// The app with these settings; `cleanup` as for [`TestApp::start`].
    pub async fn start_with(settings: Settings, cleanup: Option<(String, String)>) -> TestApp {
        let database_url = settings.database_url.clone();
        let app = Application::build(settings).await.expect("app starts");
        let base = format!("http://{}", app.address());
        let metrics_base = app.metrics_address().map(|a| format!("http://{a}"));
        let db = app.db().clone();
        let clock = app.clock();
        tokio::spawn(app.run_until_stopped());
        TestApp {
            base,
            metrics_base,
            db,
            clock,
            database_url,
            cleanup,
        }
    }

    /// The backend this app's database runs on.
    pub fn backend(&self) -> Backend {
        if self.cleanup.is_some() {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }

    /// Runs a test's body, failing it with what the database was doing if it outlives
    /// [`TEST_LIMIT_SECS`] (plus a fuzz run's own seconds): a hung request then costs minutes
    /// and names its statement, instead of holding CI until its deadline.
    pub async fn within_limit(&self, body: impl std::future::Future<Output = ()>) {
        let fuzz: u64 = std::env::var("STATGRID_FUZZ_SECS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let limit = std::time::Duration::from_secs(TEST_LIMIT_SECS + fuzz);
        if tokio::time::timeout(limit, body).await.is_err() {
            let activity = self.database_activity().await;
            panic!("the test ran over {limit:?}; the database was doing:\n{activity}");
        }
    }

    /// The test database's sessions that are not idle (PostgreSQL), one line each.
    async fn database_activity(&self) -> String {
        let Some((admin_url, name)) = &self.cleanup else {
            return "(SQLite: no session list)".into();
        };
        let Ok(admin) = Database::connect(admin_url).await else {
            return "(could not connect to list the sessions)".into();
        };
        let rows = admin
            .query_all_raw(sea_orm::Statement::from_sql_and_values(
                sea_orm::DbBackend::Postgres,
                "SELECT concat_ws(' | ', pid::text, state, wait_event_type, wait_event, \
                 (now() - xact_start)::text, left(query, 300)) AS line \
                 FROM pg_stat_activity WHERE datname = $1 AND state <> 'idle'",
                [name.clone().into()],
            ))
            .await
            .unwrap_or_default();
        let lines: Vec<String> = rows
            .iter()
            .filter_map(|r| r.try_get::<String>("", "line").ok())
            .collect();
        if lines.is_empty() {
            "(no busy session: the wait is in the server or the test)".into()
        } else {
            lines.join("\n")
        }
    }

    pub async fn finish(self) {
        // A pool waits for its connections to come back; one held by a stuck request must
        // not keep the test from ending (the database is dropped with FORCE below).
        let close = self.db.clone().close();
        let _ = tokio::time::timeout(std::time::Duration::from_secs(30), close).await;
        drop_database(self.cleanup).await;
    }

    /// Today in Beijing by the server's clock, as the form would fill it in.
    pub fn today(&self) -> String {
        let day = app::domain::period::shanghai_date(self.clock.now_ms()).expect("a date");
        app::domain::period::format_date(day)
    }

    /// This month by the server's clock, `YYYY-MM`.
    pub fn this_month(&self) -> String {
        self.today()[..7].to_owned()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// A client with a cookie jar that, like a browser on one of the site's pages, names the
    /// site as the `Origin` of every request (the server refuses changes from other sites).
    pub fn browser(&self) -> reqwest::Client {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(reqwest::header::ORIGIN, self.base.parse().unwrap());
        reqwest::Client::builder()
            .cookie_store(true)
            .default_headers(headers)
            .build()
            .unwrap()
    }

    /// A [`TestApp::browser`] logged in as `phone`.
    pub async fn login(&self, phone: &str) -> reqwest::Client {
        let client = self.browser();
        self.logged_in(&client, phone).await;
        client
    }

    /// The answer to `client`'s login of `phone`, which must succeed.
    pub async fn logged_in(&self, client: &reqwest::Client, phone: &str) -> reqwest::Response {
        let response = client
            .post(self.url("/api/v1/auth/login"))
            .json(&json!({"phone": phone, "password": PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "login of {phone}");
        response
    }

    /// The `Cookie` header of a fresh login of `phone`, for requests built by hand: the
    /// phone's session and, for someone with office pages, the office one.
    pub async fn session_cookies(&self, phone: &str) -> String {
        let response = self.logged_in(&reqwest::Client::new(), phone).await;
        let pairs: Vec<&str> = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|c| c.to_str().unwrap().split(';').next().unwrap())
            .collect();
        pairs.join("; ")
    }

    /// Calls the administration server function `admin/{endpoint}` as `client`.
    pub async fn admin_call(
        &self,
        client: &reqwest::Client,
        endpoint: &str,
        body: Value,
    ) -> (u16, Value) {
        self.call(client, &format!("admin/{endpoint}"), body).await
    }

    /// Calls the server function at `/api/{endpoint}` as `client`: status and JSON body (null
    /// when the body is not JSON).
    pub async fn call(
        &self,
        client: &reqwest::Client,
        endpoint: &str,
        body: Value,
    ) -> (u16, Value) {
        let response = client
            .post(self.url(&format!("/api/{endpoint}")))
            .json(&body)
            .send()
            .await
            .unwrap();
        (
            response.status().as_u16(),
            response.json().await.unwrap_or(Value::Null),
        )
    }

    /// The reminders on the person's home page (`/api/v1/duties`).
    pub async fn reminders(&self, client: &reqwest::Client) -> Vec<Value> {
        let response = client.get(self.url("/api/v1/duties")).send().await.unwrap();
        let duties: Value = response.json().await.unwrap();
        duties["reminders"].as_array().cloned().unwrap_or_default()
    }

    pub async fn pull(&self, client: &reqwest::Client) -> Value {
        let response = client
            .get(self.url("/api/v1/sync/pull?since=0"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        response.json().await.unwrap()
    }

    pub async fn push(&self, client: &reqwest::Client, records: Value) -> (u16, Value) {
        let response = client
            .post(self.url("/api/v1/sync/push"))
            .json(&json!({"protocol": 1, "records": records}))
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap())
    }

    pub async fn visit_count(&self) -> i64 {
        let row = self
            .db
            .query_one_raw(sea_orm::Statement::from_string(
                self.db.get_database_backend(),
                "SELECT COUNT(*) AS n FROM visit",
            ))
            .await
            .unwrap()
            .unwrap();
        row.try_get::<i64>("", "n").unwrap()
    }
}

/// The id of the grid called `name` in a pull's directory.
pub fn grid_id(pull: &Value, name: &str) -> i64 {
    pull["directory"]["grids"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == name)
        .unwrap()["id"]
        .as_i64()
        .unwrap()
}

/// The id of the first enterprise in the pulled directory whose grid has this name.
pub fn enterprise_in(pull: &Value, grid_name: &str) -> i64 {
    let grid_id = pull["directory"]["grids"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == grid_name)
        .unwrap_or_else(|| panic!("grid {grid_name} visible"))["id"]
        .as_i64()
        .unwrap();
    pull["directory"]["enterprises"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["grid_id"] == grid_id)
        .unwrap()["id"]
        .as_i64()
        .unwrap()
}

pub fn visit(id: &str, enterprise_id: i64, date: &str, findings: &str) -> Value {
    json!({
        "id": id,
        "kind": "visit",
        "version": 1,
        "device_time_ms": 1_763_000_000_000i64,
        "payload": {
            "enterprise_id": enterprise_id,
            "visit_date": date,
            "purpose": "data_quality",
            "findings": findings,
            "follow_up": false
        }
    })
}

pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// A valid unified social credit code, different for each `n`.
pub fn credit_code(n: u32) -> String {
    app::domain::credit_code::CreditCode::from_body(&format!("91339904MD{n:07}"))
        .unwrap()
        .as_str()
        .to_owned()
}

/// A directory CSV of `rows` new enterprises in 东湖工业一网格, named `{name}0`, `{name}1`, ….
pub fn enterprises_csv(name: &str, rows: u32) -> String {
    let mut csv = String::from(
        "企业名称,统一社会信用代码,行业,所属网格,四上企业,小升规培育,统计人员,统计人员电话\n",
    );
    for n in 0..rows {
        csv.push_str(&format!(
            "{name}{n},{},工业,东湖工业一网格,否,否,,\n",
            credit_code(100 + n)
        ));
    }
    csv
}

/// Polls the import-progress URL as `watcher` until the import it follows has ended (null
/// after having shown something, or nothing for a minute); every progress it showed.
pub async fn follow_import(watcher: &reqwest::Client, progress_url: &str) -> Vec<Value> {
    let mut seen: Vec<Value> = Vec::new();
    let started = std::time::Instant::now();
    loop {
        let progress: Value = watcher
            .get(progress_url)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if progress.is_null() && (!seen.is_empty() || started.elapsed().as_secs() > 60) {
            return seen;
        }
        if !progress.is_null() {
            seen.push(progress);
        }
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
}

/// The smallest JPEG-looking bytes: the server checks the signature, not the picture.
pub fn jpeg(fill: u8, len: usize) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0];
    bytes.resize(len, fill);
    bytes
}

/// Uploads photo `id` as `client`; the answer's status.
pub async fn upload(app: &TestApp, client: &reqwest::Client, id: &str, body: Vec<u8>) -> u16 {
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

/// Sends an import file of `layout` as `client`, previewed or applied; the status and report.
pub async fn import(
    app: &TestApp,
    client: &reqwest::Client,
    layout: &str,
    apply: bool,
    body: Vec<u8>,
) -> (u16, Value) {
    let response = client
        .post(app.url(&format!(
            "/api/v1/admin/import?layout={layout}&apply={apply}"
        )))
        .body(body)
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}
