//! The Prometheus endpoint on its own address: requests by route and status, records by kind
//! and outcome, batch sizes, failed logins and the database pool. Counters belong to the
//! process, so this binary holds one test, and each backend's server is checked in turn.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use common::*;
use serde_json::json;

#[tokio::test]
async fn metrics_count_requests_records_failed_logins_and_the_pool() {
    check(Backend::Sqlite).await;
    if std::env::var("TEST_DATABASE_URL").is_ok() {
        check(Backend::Postgres).await;
    } else {
        eprintln!("TEST_DATABASE_URL not set: PostgreSQL case not run");
    }
}

async fn check(backend: Backend) {
    let (url, cleanup) = fresh_database(backend).await;
    let mut settings = test_settings(&url, None);
    settings.metrics_address = Some("127.0.0.1:0".parse().unwrap());
    let app = TestApp::start_with(settings, cleanup).await;
    let metrics = format!("{}/metrics", app.metrics_base.clone().unwrap());
    // The site does not serve them.
    let on_site = reqwest::get(app.url("/metrics")).await.unwrap();
    assert_eq!(on_site.status(), 404);

    let member = app.login(DONGHU_MEMBER).await;
    let firm = enterprise_in(&app.pull(&member).await, "东湖工业一网格");
    let before = Scrape::of(&metrics).await;

    let wrong = app
        .browser()
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"phone": DONGHU_MEMBER, "password": "not-the-password"}))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    let today = app.today();
    let (status, _) = app
        .push(
            &member,
            json!([
                visit(&new_id(), firm, &today, "一"),
                visit(&new_id(), firm, &today, "二"),
                visit(&new_id(), firm, "2999-01-01", "未来的走访")
            ]),
        )
        .await;
    assert_eq!(status, 200);
    reqwest::get(app.url("/healthz")).await.unwrap();
    // A made-up method adds no series of its own.
    let brew = reqwest::Method::from_bytes(b"BREW").unwrap();
    reqwest::Client::new()
        .request(brew, app.url("/healthz"))
        .send()
        .await
        .unwrap();

    let after = Scrape::of(&metrics).await;
    let grew = |name: &str, labels: &[(&str, &str)]| {
        after.value(name, labels) - before.value(name, labels)
    };
    let records = "statgrid_sync_records_total";
    assert_eq!(
        grew(records, &[("kind", "visit"), ("outcome", "accepted")]),
        2.0
    );
    assert_eq!(
        grew(records, &[("kind", "visit"), ("outcome", "rejected")]),
        1.0
    );
    assert_eq!(grew("statgrid_sync_batch_records_count", &[]), 1.0);
    assert_eq!(grew("statgrid_sync_batch_records_sum", &[]), 3.0);
    assert_eq!(
        grew(
            "statgrid_login_failures_total",
            &[("reason", "credentials")]
        ),
        1.0
    );
    let healthz = [("route", "/healthz"), ("method", "GET"), ("status", "200")];
    assert_eq!(grew("statgrid_http_requests_total", &healthz), 1.0);
    let odd = [("route", "/healthz"), ("method", "other")];
    assert_eq!(grew("statgrid_http_requests_total", &odd), 1.0);
    assert!(!after.0.contains("BREW"));
    let push = [
        ("route", "/api/v1/sync/push"),
        ("method", "POST"),
        ("status", "200"),
    ];
    assert_eq!(grew("statgrid_http_requests_total", &push), 1.0);
    let refused = [
        ("route", "/api/v1/auth/login"),
        ("method", "POST"),
        ("status", "401"),
    ];
    assert_eq!(grew("statgrid_http_requests_total", &refused), 1.0);
    // Latency: the push is in the histogram, under a bucket no larger than its whole.
    let push_seconds = [("route", "/api/v1/sync/push"), ("method", "POST")];
    assert_eq!(
        grew(
            "statgrid_http_request_duration_seconds_count",
            &push_seconds
        ),
        1.0
    );
    let mut within_10s = push_seconds.to_vec();
    within_10s.push(("le", "10"));
    assert_eq!(
        grew("statgrid_http_request_duration_seconds_bucket", &within_10s),
        1.0
    );
    // The pools, read at the scrape. On SQLite writes queue for one connection, and the
    // dashboards read through several of their own.
    let main = [("pool", "main")];
    let max = |pool: &[(&str, &str)]| after.value("statgrid_db_pool_max_connections", pool);
    if backend == Backend::Sqlite {
        assert_eq!(max(&main), 1.0);
        assert!(max(&[("pool", "reads")]) >= 2.0);
    } else {
        assert!(max(&main) >= 2.0);
    }
    assert!(after.has(
        "statgrid_db_pool_connections",
        &[("pool", "main"), ("state", "idle")]
    ));
    assert!(after.has(
        "statgrid_db_pool_connections",
        &[("pool", "main"), ("state", "in_use")]
    ));
    app.finish().await;
}

/// One scrape of the Prometheus text.
struct Scrape(String);

impl Scrape {
    async fn of(url: &str) -> Scrape {
        let response = reqwest::get(url).await.unwrap();
        assert_eq!(response.status(), 200);
        let kind = response.headers()["content-type"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(kind.starts_with("text/plain; version=0.0.4"), "{kind}");
        Scrape(response.text().await.unwrap())
    }

    /// The sample of `name` with every one of `labels` (and perhaps others), summed; 0 if none.
    fn value(&self, name: &str, labels: &[(&str, &str)]) -> f64 {
        self.samples(name, labels).sum()
    }

    fn has(&self, name: &str, labels: &[(&str, &str)]) -> bool {
        self.samples(name, labels).next().is_some()
    }

    fn samples<'a>(
        &'a self,
        name: &'a str,
        labels: &'a [(&'a str, &'a str)],
    ) -> impl Iterator<Item = f64> + 'a {
        self.0.lines().filter_map(move |line| {
            let (series, value) = line.rsplit_once(' ')?;
            let (metric, rest) = series.split_once('{').unwrap_or((series, ""));
            let wanted = metric == name
                && labels
                    .iter()
                    .all(|(k, v)| rest.contains(&format!("{k}=\"{v}\"")));
            wanted.then(|| value.parse().ok()).flatten()
        })
    }
}
