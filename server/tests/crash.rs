//! The server is killed (SIGKILL) at random moments while a phone pushes thousands of records
//! with replays, and restarted on the same database: nothing acknowledged is lost, nothing is
//! stored twice. Runs the real `statgrid` binary, on SQLite and (with `TEST_DATABASE_URL`)
//! PostgreSQL. `STATGRID_CRASH_RECORDS` sets how many records (default 4000).
use crate::common::{DONGHU_MEMBER, PASSWORD, enterprise_in, visit};
use rand::{Rng, SeedableRng, rngs::StdRng};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The `statgrid` binary on one database and port, started again after each kill.
struct Server {
    database_url: String,
    port: u16,
    child: Option<Child>,
}

impl Server {
    fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    async fn start(&mut self) {
        let child = Command::new(env!("CARGO_BIN_EXE_statgrid"))
            .env("DATABASE_URL", &self.database_url)
            .env("STATGRID_ADDR", format!("127.0.0.1:{}", self.port))
            .env("STATGRID_DEMO", "1")
            .env(
                "STATGRID_SITE_ROOT",
                std::env::temp_dir().join("statgrid-no-site"),
            )
            .env("RUST_LOG", "error")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("statgrid starts");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(60);
        let probe = reqwest::Client::new();
        while Instant::now() < deadline {
            let healthz = probe.get(format!("{}/healthz", self.base())).send().await;
            if healthz.is_ok_and(|r| r.status() == 200) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the server did not come back within a minute");
    }

    fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().ok(); // SIGKILL on Unix
            child.wait().ok();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

/// A client of the phone's kind: a cookie jar, and the site's own origin as a browser sends it.
async fn phone(base: &str) -> Option<reqwest::Client> {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(reqwest::header::ORIGIN, base.parse().unwrap());
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .default_headers(headers)
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let login = client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"phone": DONGHU_MEMBER, "password": PASSWORD}))
        .send()
        .await
        .ok()?;
    (login.status() == 200).then_some(client)
}

/// What the stored visits of the test say: id → findings, and how many rows each id has.
async fn stored(db: &DatabaseConnection) -> (BTreeMap<String, String>, usize) {
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT id, findings FROM visit",
        ))
        .await
        .unwrap();
    let mut by_id = BTreeMap::new();
    for row in &rows {
        let id: uuid::Uuid = row.try_get("", "id").unwrap();
        let findings: String = row.try_get("", "findings").unwrap();
        by_id.insert(id.to_string(), findings);
    }
    (by_id, rows.len())
}

/// One push of `batch`; the ids the server acknowledged, or None when the server was not
/// there to answer (killed before or during the request).
async fn push(client: &reqwest::Client, base: &str, batch: &[Value]) -> Option<Vec<String>> {
    let response = client
        .post(format!("{base}/api/v1/sync/push"))
        .json(&json!({"protocol": 1, "records": batch}))
        .send()
        .await
        .ok()?;
    assert!(
        response.status().is_success(),
        "a push the server answered is answered well: {}",
        response.status()
    );
    let body: Value = response.json().await.ok()?;
    let results = body["results"].as_array().unwrap();
    assert_eq!(results.len(), batch.len(), "every record is answered");
    Some(
        results
            .iter()
            .map(|r| {
                assert_eq!(r["status"], "accepted", "the record is stored: {r}");
                r["id"].as_str().unwrap().to_owned()
            })
            .collect(),
    )
}

/// The server started on `database_url`; the member signed in on a phone; the enterprise the
/// visits are of; today in Beijing.
async fn started(database_url: String) -> (Server, reqwest::Client, i64, String) {
    let mut server = Server {
        database_url,
        port: free_port(),
        child: None,
    };
    server.start().await;
    let base = server.base();
    let client = phone(&base).await.expect("the member logs in");
    let pulled: Value = client
        .get(format!("{base}/api/v1/sync/pull?since=0"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let enterprise = enterprise_in(&pulled, "东湖工业一网格");
    let now_ms = time::OffsetDateTime::now_utc().unix_timestamp() * 1000;
    let today = app::domain::period::format_date(
        app::domain::period::shanghai_date(now_ms).expect("a date"),
    );
    (server, client, enterprise, today)
}

async fn pushes_survive_kills(database_url: String, check_url: String) {
    let records: usize = std::env::var("STATGRID_CRASH_RECORDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(4000);
    let seed = rand::random::<u64>();
    eprintln!("crash test: seed {seed}, {records} records");
    let mut rng = StdRng::seed_from_u64(seed);
    let (mut server, client, enterprise, today) = started(database_url).await;
    let base = server.base();
    let all: Vec<Value> = (0..records)
        .map(|n| {
            let id = uuid::Uuid::now_v7().to_string();
            visit(&id, enterprise, &today, &format!("第{n}次走访：核对报表"))
        })
        .collect();
    let db = Database::connect(&check_url).await.unwrap();
    let mut acknowledged: BTreeSet<String> = BTreeSet::new();
    let (mut kills, mut pushes, mut replays) = (0usize, 0usize, 0usize);
    let mut next_kill = Instant::now() + Duration::from_millis(rng.random_range(20..250));
    let mut client = client;
    while acknowledged.len() < all.len() {
        // A batch of records not yet acknowledged, with some acknowledged ones sent again.
        let mut batch: Vec<Value> = all
            .iter()
            .filter(|r| !acknowledged.contains(r["id"].as_str().unwrap()))
            .take(rng.random_range(20..200))
            .cloned()
            .collect();
        let done: Vec<&Value> = all
            .iter()
            .filter(|r| acknowledged.contains(r["id"].as_str().unwrap()))
            .collect();
        for _ in 0..rng.random_range(0..20).min(done.len()) {
            batch.push(done[rng.random_range(0..done.len())].clone());
            replays += 1;
        }
        let killer = async {
            tokio::time::sleep_until(next_kill.into()).await;
        };
        let answered = tokio::select! {
            answer = push(&client, &base, &batch) => answer,
            () = killer => None,
        };
        pushes += 1;
        match answered {
            Some(ids) => acknowledged.extend(ids),
            None => {
                server.kill();
                kills += 1;
                server.start().await;
                let (held, _) = stored(&db).await;
                let lost: Vec<&String> = acknowledged
                    .iter()
                    .filter(|id| !held.contains_key(*id))
                    .collect();
                assert!(
                    lost.is_empty(),
                    "acknowledged records lost at kill {kills}: {lost:?}"
                );
                client = phone(&base).await.expect("the member logs in again");
                next_kill = Instant::now() + Duration::from_millis(rng.random_range(20..250));
            }
        }
    }
    server.kill();
    let (held, rows) = stored(&db).await;
    eprintln!(
        "crash test: {kills} kills, {pushes} pushes, {replays} replays, {} records acknowledged, {rows} rows stored",
        acknowledged.len()
    );
    assert!(
        kills >= 3,
        "the test killed the server at least three times ({kills})"
    );
    assert_eq!(rows, all.len(), "every record stored exactly once");
    for record in &all {
        let id = record["id"].as_str().unwrap();
        assert_eq!(
            held.get(id).map(String::as_str),
            record["payload"]["findings"].as_str(),
            "record {id} stored as sent"
        );
    }
    db.close().await.ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_killed_at_random_keeps_every_acknowledged_record_once() {
    let path = std::env::temp_dir().join(format!("statgrid-crash-{}.db", uuid::Uuid::now_v7()));
    let url = format!("sqlite://{}?mode=rwc", path.display());
    pushes_survive_kills(url.clone(), url).await;
    for suffix in ["", "-wal", "-shm"] {
        std::fs::remove_file(format!("{}{suffix}", path.display())).ok();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_killed_at_random_keeps_every_acknowledged_record_once() {
    let Ok(admin_url) = std::env::var("TEST_DATABASE_URL") else {
        eprintln!("TEST_DATABASE_URL not set: PostgreSQL case not run");
        return;
    };
    let name = format!("statgrid_crash_{}", uuid::Uuid::now_v7().simple());
    let admin = Database::connect(&admin_url).await.unwrap();
    admin
        .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
        .await
        .unwrap();
    let base = admin_url.rsplit_once('/').map(|(b, _)| b).unwrap();
    let url = format!("{base}/{name}");
    pushes_survive_kills(url.clone(), url).await;
    admin
        .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
        .await
        .ok();
}

/// SIGTERM (systemd's stop) while a phone's large batch is being stored: the server answers
/// the batch, every record of it is stored, and then it exits cleanly.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sigterm_during_a_push_finishes_it_before_the_server_exits() {
    let path = std::env::temp_dir().join(format!("statgrid-stop-{}.db", uuid::Uuid::now_v7()));
    let url = format!("sqlite://{}?mode=rwc", path.display());
    let (mut server, client, enterprise, today) = started(url.clone()).await;
    let base = server.base();
    let batch: Vec<Value> = (0..STOP_BATCH)
        .map(|n| {
            visit(
                &uuid::Uuid::now_v7().to_string(),
                enterprise,
                &today,
                &format!("停机前第{n}次"),
            )
        })
        .collect();
    let pid = server.child.as_ref().unwrap().id().to_string();
    let started = Instant::now();
    let pushing = push(&client, &base, &batch);
    let stopping = async {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let sent = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        assert!(sent.success());
        Instant::now()
    };
    let (answer, signalled) = tokio::join!(pushing, stopping);
    let answered = Instant::now();
    let ids = answer.expect("the batch in flight is answered");
    eprintln!(
        "stop test: {} records answered {:?} after the push began, {:?} after SIGTERM",
        ids.len(),
        answered - started,
        answered - signalled
    );
    assert_eq!(ids.len(), STOP_BATCH);
    assert!(
        answered > signalled,
        "the batch was still being stored when the signal came"
    );
    let mut child = server.child.take().unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "the server did not exit after SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert!(status.success(), "the server exits cleanly: {status}");
    let db = Database::connect(&url).await.unwrap();
    assert_eq!(stored(&db).await.1, STOP_BATCH);
    db.close().await.ok();
    for suffix in ["", "-wal", "-shm"] {
        std::fs::remove_file(format!("{}{suffix}", path.display())).ok();
    }
}

/// Records of the batch in flight at SIGTERM: storing them takes long past the signal.
const STOP_BATCH: usize = 500;
