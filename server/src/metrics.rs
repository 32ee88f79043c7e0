//! Metrics for Prometheus on their own address (`STATGRID_METRICS_ADDR`), apart from the site so
//! that only the operator's network reaches them: requests by route and status with their
//! latency, what the features record (`app::metrics`), and the database pool's use, read at
//! each scrape. Counters belong to the process: each server of several is scraped on its own.
use app::metrics::{LOGIN_FAILURES, SYNC_BATCH_RECORDS, SYNC_RECORDS};
use axum::extract::State;
use axum::http::{Method, header};
use axum::response::IntoResponse;
use axum::routing::get;
use metrics_exporter_prometheus::{BuildError, Matcher, PrometheusBuilder, PrometheusHandle};
use sea_orm::{DatabaseConnection, DbBackend};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;
use tokio::net::TcpListener;

const REQUESTS: &str = "statgrid_http_requests_total";
const REQUEST_SECONDS: &str = "statgrid_http_request_duration_seconds";
const POOL_CONNECTIONS: &str = "statgrid_db_pool_connections";
const POOL_MAX: &str = "statgrid_db_pool_max_connections";

/// The route label of a request no route matched (static files, unknown paths).
const NO_ROUTE: &str = "static";

/// The process's recorder: one per process, shared by every server a test starts in it.
static HANDLE: Mutex<Option<PrometheusHandle>> = Mutex::new(None);

/// Installs the recorder the first time; its handle.
pub fn install() -> Result<PrometheusHandle, BuildError> {
    let mut slot = HANDLE.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(handle) = slot.as_ref() {
        return Ok(handle.clone());
    }
    let recorder = PrometheusBuilder::new()
        .set_buckets_for_metric(
            Matcher::Full(REQUEST_SECONDS.into()),
            &[
                0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
            ],
        )?
        .set_buckets_for_metric(
            Matcher::Full(SYNC_BATCH_RECORDS.into()),
            &[1.0, 5.0, 10.0, 25.0, 50.0, 100.0, 250.0, 500.0],
        )?
        .build_recorder();
    let handle = recorder.handle();
    metrics::set_global_recorder(recorder)?;
    describe();
    *slot = Some(handle.clone());
    Ok(handle)
}

fn describe() {
    metrics::describe_counter!(
        REQUESTS,
        "HTTP requests answered, by route, method and status"
    );
    metrics::describe_histogram!(
        REQUEST_SECONDS,
        metrics::Unit::Seconds,
        "Time to answer an HTTP request, by route and method"
    );
    metrics::describe_counter!(
        SYNC_RECORDS,
        "Pushed records answered, by kind and outcome (accepted, rejected, conflict)"
    );
    metrics::describe_histogram!(SYNC_BATCH_RECORDS, "Records in one sync push");
    metrics::describe_counter!(
        LOGIN_FAILURES,
        "Failed logins: wrong credentials, or refused while throttled"
    );
    metrics::describe_gauge!(POOL_CONNECTIONS, "Database connections open, by state");
    metrics::describe_gauge!(POOL_MAX, "Most database connections the pool opens");
}

/// Records one answered request. `route` is the route's pattern, never the path a client sent;
/// a method outside the standard ones counts as `other`, so a client cannot add series.
pub fn request(method: &Method, route: Option<&str>, status: u16, seconds: f64) {
    let route = route.unwrap_or(NO_ROUTE).to_owned();
    let standard = [
        Method::GET,
        Method::POST,
        Method::PUT,
        Method::PATCH,
        Method::DELETE,
        Method::HEAD,
        Method::OPTIONS,
    ];
    let method = if standard.contains(method) {
        method.as_str().to_owned()
    } else {
        "other".to_owned()
    };
    metrics::counter!(REQUESTS, "route" => route.clone(), "method" => method.clone(), "status" => status.to_string())
        .increment(1);
    metrics::histogram!(REQUEST_SECONDS, "route" => route, "method" => method).record(seconds);
}

/// Serves `GET /metrics` on `listener` for the life of the process.
/// `reads`: the pool of its own the busiest pages read through, if the database has one.
pub async fn serve(
    listener: TcpListener,
    handle: PrometheusHandle,
    db: DatabaseConnection,
    reads: Option<DatabaseConnection>,
) {
    let upkeep = handle.clone();
    // Histograms keep their samples until upkeep folds them in; a scrape does it too.
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_secs(5)).await;
            upkeep.run_upkeep();
        }
    });
    let router = axum::Router::new()
        .route("/metrics", get(scrape))
        .with_state((handle, db, reads));
    if let Err(e) = axum::serve(listener, router).await {
        tracing::error!(error = %e, "the metrics address stopped serving");
    }
}

async fn scrape(
    State((handle, db, reads)): State<(
        PrometheusHandle,
        DatabaseConnection,
        Option<DatabaseConnection>,
    )>,
) -> impl IntoResponse {
    pool_use(&db, "main");
    if let Some(reads) = &reads {
        pool_use(reads, "reads");
    }
    handle.run_upkeep();
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        handle.render(),
    )
}

fn pool_use(db: &DatabaseConnection, name: &'static str) {
    let (size, idle, max) = match db.get_database_backend() {
        DbBackend::Postgres => {
            let pool = db.get_postgres_connection_pool();
            (
                pool.size(),
                pool.num_idle(),
                pool.options().get_max_connections(),
            )
        }
        DbBackend::Sqlite => {
            let pool = db.get_sqlite_connection_pool();
            (
                pool.size(),
                pool.num_idle(),
                pool.options().get_max_connections(),
            )
        }
        _ => return,
    };
    let idle = u32::try_from(idle).unwrap_or(u32::MAX).min(size);
    metrics::gauge!(POOL_CONNECTIONS, "pool" => name, "state" => "idle").set(f64::from(idle));
    metrics::gauge!(POOL_CONNECTIONS, "pool" => name, "state" => "in_use")
        .set(f64::from(size - idle));
    metrics::gauge!(POOL_MAX, "pool" => name).set(f64::from(max));
}
