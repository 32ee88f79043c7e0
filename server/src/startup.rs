//! Builds the application: database and migrations, demo data, and the router.
use crate::{access_log, assets, backup, database, demo, metrics, security, settings::Settings};
use app::filing::FilingApp;
use app::office::{OfficeApp, TownshipApp};
use app::state::{AppState, Clock, Shared};
use app::{App, filing_shell, office_shell, shell, township_shell};
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use leptos::config::LeptosOptions;
use leptos::prelude::{IntoView, provide_context};
use leptos_axum::{
    AxumRouteListing, LeptosRoutes, generate_route_list, render_app_to_stream_with_context,
};
use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, TransactionTrait};
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{NotForContentType, Predicate, SizeAbove};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

pub struct Application {
    listener: TcpListener,
    metrics_address: Option<SocketAddr>,
    router: Router,
    db: DatabaseConnection,
    reads: DatabaseConnection,
    clock: Clock,
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
    #[error("a migration failed, so none was applied and the database is as it was: {0}")]
    Migration(sea_orm::DbErr),
    #[error("cannot listen: {0}")]
    Listen(#[from] std::io::Error),
    #[error("metrics: {0}")]
    Metrics(#[from] metrics_exporter_prometheus::BuildError),
    #[error("demo data: {0}")]
    Demo(#[from] app::error::AppError),
}

impl Application {
    pub async fn build(settings: Settings) -> Result<Self, StartError> {
        let db = database::connect(&settings.database_url).await?;
        migrate(&db).await?;
        let clock = settings
            .clock_start_ms
            .map_or_else(Clock::system, Clock::starting_at);
        if settings.demo_data {
            demo::seed_if_empty(&db).await?;
        }
        if settings.demo_history {
            let today = app::domain::period::shanghai_date(clock.now_ms())
                .ok_or_else(app::error::AppError::internal)?;
            demo::history::seed(&db, today).await?;
        }
        tokio::spawn(app::photos::sweep::sweep_hourly(db.clone(), clock));
        tokio::spawn(app::funds::count::count_hourly(db.clone(), clock));
        if let Some(schedule) = settings.backups.clone() {
            tokio::spawn(backup::schedule::run(
                settings.database_url.clone(),
                schedule,
            ));
        }
        let own_reads = database::connect_reads(&settings.database_url, &db).await?;
        let reads = own_reads.clone().unwrap_or_else(|| db.clone());
        let listener = TcpListener::bind(settings.address).await?;
        let metrics_address = match settings.metrics_address {
            Some(address) => {
                let listener = TcpListener::bind(address).await?;
                let address = listener.local_addr()?;
                let handle = metrics::install()?;
                tokio::spawn(metrics::serve(listener, handle, db.clone(), own_reads));
                Some(address)
            }
            None => None,
        };
        let leptos_options = LeptosOptions::builder()
            .output_name(app::FIELD_BUNDLE)
            .site_root(settings.site_root.to_string_lossy().to_string())
            .site_pkg_dir("pkg")
            .site_addr(listener.local_addr()?)
            .build();
        let state = AppState::new(Shared {
            db: db.clone(),
            reads: reads.clone(),
            leptos_options,
            secure_cookies: settings.secure_cookies,
            imports: app::admin::ssr::ImportBoard::for_database(&db),
            clock,
            grids: Default::default(),
            trusted_proxies: settings.trusted_proxies.clone(),
            stale_phone_days: settings.stale_phone_days,
        });
        let router = router(state, &settings);
        Ok(Application {
            listener,
            metrics_address,
            router,
            db,
            reads,
            clock,
        })
    }

    pub fn address(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 0)))
    }

    /// Where `/metrics` is served, when `STATGRID_METRICS_ADDR` is set.
    pub fn metrics_address(&self) -> Option<SocketAddr> {
        self.metrics_address
    }

    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    /// The pool the busiest pages read through ([`database::connect_reads`]).
    pub fn reads(&self) -> &DatabaseConnection {
        &self.reads
    }

    /// The clock the server reads, so a test can tell what day the server thinks it is.
    pub fn clock(&self) -> Clock {
        self.clock
    }

    pub async fn run_until_stopped(self) -> Result<(), std::io::Error> {
        // The peer's address, for login throttling.
        let service = self
            .router
            .into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(self.listener, service)
            .with_graceful_shutdown(stop_signal())
            .await
    }
}

/// Ctrl-C, or SIGTERM (systemd's stop): the server takes no new connection and finishes the
/// requests in flight, so a sync batch being stored commits and is answered, before it returns.
async fn stop_signal() {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        () = terminate => {}
    }
    tracing::info!("stopping: finishing the requests in flight");
}

/// The PostgreSQL advisory lock key migrations hold: any number no other lock of the database
/// uses (StatGrid takes no other).
const MIGRATION_LOCK: i64 = 7_212_026;

/// Applies the pending migrations in one transaction (PostgreSQL and SQLite both change their
/// schema transactionally): one that fails leaves the database as the previous release left
/// it. On PostgreSQL a lock makes servers starting together migrate one after another.
async fn migrate(db: &DatabaseConnection) -> Result<(), StartError> {
    let tx = db.begin().await?;
    if db.get_database_backend() == DbBackend::Postgres {
        tx.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({MIGRATION_LOCK})"))
            .await?;
    }
    Migrator::up(&tx, None)
        .await
        .map_err(StartError::Migration)?;
    tx.commit().await?;
    Ok(())
}

/// The routes of the field, office, filing and township apps.
type RouteLists = [Vec<AxumRouteListing>; 4];

/// The apps' routes, found once per process: while Leptos finds them, every resource of the
/// process stays unloaded for good (a process-wide switch), so a page another server in the
/// same process was rendering (the tests run many) would never finish.
fn route_lists() -> RouteLists {
    static LISTS: OnceLock<RouteLists> = OnceLock::new();
    LISTS
        .get_or_init(|| {
            [
                generate_route_list(App),
                generate_route_list(OfficeApp),
                generate_route_list(FilingApp),
                generate_route_list(TownshipApp),
            ]
        })
        .clone()
}

fn router(state: AppState, settings: &Settings) -> Router {
    let [routes, office_routes, filing_routes, township_routes] = route_lists();
    let context_state = state.clone();
    let guard = security::Guard::new(
        settings.public_origin.clone(),
        office_routes
            .iter()
            .chain(&township_routes)
            .map(|r| r.path().to_owned()),
    );
    // The build's brotli (quality 11) and gzip files, sent as they are: the compression
    // layer below leaves an encoded body alone.
    let static_files = ServeDir::new(&settings.site_root)
        .precompressed_br()
        .precompressed_gzip();
    let worker = Arc::new(assets::ServiceWorker::new(&settings.site_root));
    let router = Router::new()
        .route("/healthz", get(healthz))
        .route("/sw.js", get(move || service_worker(worker.clone())))
        .merge(app::sync::ssr::router(app::kinds::ALL))
        .merge(app::duties::ssr::router())
        .merge(app::notices::ssr::router())
        .merge(app::courses::ssr::router())
        .merge(app::photos::ssr::router())
        .merge(app::township::export::router())
        .merge(app::assessment::export::router())
        .merge(app::evaluation::export::router())
        .merge(app::evaluation::archive::router())
        .merge(app::assessment::mine::router())
        .merge(app::funds::mine::router())
        .merge(app::kinds::score_sheets::mine::router())
        .merge(app::admin::ssr::router())
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                provide_context(context_state.clone());
                security::provide_request_nonce();
            },
            shell,
        );
    let router = pages(router, office_routes, &state, office_shell);
    let router = pages(router, filing_routes, &state, filing_shell);
    pages(router, township_routes, &state, township_shell)
        .fallback_service(static_files)
        .layer(axum::middleware::from_fn_with_state(guard, security::guard))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(CompressionLayer::new().compress_when(worth_compressing()))
        .layer(axum::middleware::from_fn(access_log::access_log))
        .with_state(state)
}

/// Answers smaller than this are sent as they are: they fit one packet either way, and a
/// brotli stream set up for each of them took 40 % of a phone's unchanged pull (233 bytes).
const SMALLEST_COMPRESSED: u64 = 1024;

/// What the compression layer compresses: tower-http's default choice, less the small answers
/// and the exports, which are ZIP files (XLSX and DOCX too) and compressed already.
fn worth_compressing() -> impl Predicate {
    SizeAbove::new(SMALLEST_COMPRESSED)
        .and(NotForContentType::GRPC)
        .and(NotForContentType::IMAGES)
        .and(NotForContentType::SSE)
        .and(NotForContentType::const_new("application/zip"))
        .and(NotForContentType::const_new(
            "application/vnd.openxmlformats",
        ))
}

/// Adds the pages of one more app, each rendered in `shell` with the request's state and
/// nonce. Not `leptos_routes_with_context` again: that would register every server function a
/// second time.
fn pages<IV: IntoView + 'static>(
    router: Router<AppState>,
    routes: Vec<AxumRouteListing>,
    state: &AppState,
    shell: fn() -> IV,
) -> Router<AppState> {
    let state = state.clone();
    router.leptos_routes_with_handler(
        routes,
        render_app_to_stream_with_context(
            move || {
                provide_context(state.clone());
                security::provide_request_nonce();
            },
            shell,
        ),
    )
}

async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    let database = match state.db.get_database_backend() {
        DbBackend::Postgres => "postgres",
        DbBackend::Sqlite => "sqlite",
        _ => "other",
    };
    match state.db.ping().await {
        Ok(()) => (
            StatusCode::OK,
            Json(serde_json::json!({"status": "ok", "database": database})),
        ),
        Err(_) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(serde_json::json!({"status": "unavailable", "database": database})),
        ),
    }
}

/// Served with `no-cache` so that browsers look for a new version on every visit.
async fn service_worker(worker: Arc<assets::ServiceWorker>) -> Response {
    let Some(script) = worker.script() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        script,
    )
        .into_response()
}
