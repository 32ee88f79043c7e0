//! Fresh databases for a benchmark run, and the app started on one.
use sea_orm::{ConnectionTrait, Database};
use server::settings::Settings;
use server::startup::Application;
use std::error::Error;

pub type Res<T> = Result<T, Box<dyn Error>>;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        }
    }
}

/// A new empty database: a temporary SQLite file, or a new PostgreSQL database made from
/// `BENCH_DATABASE_URL` (default: the machine's local `test` database).
pub async fn fresh(backend: Backend, label: &str) -> Res<String> {
    let unique = uuid::Uuid::now_v7().simple().to_string();
    match backend {
        Backend::Sqlite => {
            let path = std::env::temp_dir().join(format!("statgrid-bench-{label}-{unique}.db"));
            Ok(format!("sqlite://{}?mode=rwc", path.display()))
        }
        Backend::Postgres => {
            let admin_url = postgres_url();
            let name = format!("statgrid_bench_{label}_{unique}");
            let admin = Database::connect(&admin_url).await?;
            admin
                .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                .await?;
            admin.close().await?;
            let base = admin_url
                .rsplit_once('/')
                .map_or(admin_url.as_str(), |(b, _)| b);
            Ok(format!("{base}/{name}"))
        }
    }
}

/// Drops the PostgreSQL databases this run made.
pub async fn drop_postgres_databases() -> Res<()> {
    let admin = Database::connect(&postgres_url()).await?;
    let rows = admin
        .query_all_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "SELECT datname FROM pg_database WHERE datname LIKE 'statgrid_bench_%'",
        ))
        .await?;
    for row in rows {
        let name: String = row.try_get("", "datname")?;
        admin
            .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
            .await?;
    }
    Ok(())
}

pub fn postgres_url() -> String {
    std::env::var("BENCH_DATABASE_URL")
        .or_else(|_| std::env::var("TEST_DATABASE_URL"))
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

/// A client with a cookie jar that names the site as its `Origin`, as a browser on one of its
/// pages does (the server refuses a change with a session cookie and no origin).
pub fn browser(base: &str) -> Res<reqwest::Client> {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(reqwest::header::ORIGIN, base.parse()?);
    Ok(reqwest::Client::builder()
        .cookie_store(true)
        .default_headers(headers)
        .build()?)
}

/// A server started by [`start`]: its address and its pools (`Application::db`, `reads`).
pub struct Started {
    pub base: String,
    pub db: sea_orm::DatabaseConnection,
    pub reads: sea_orm::DatabaseConnection,
}

/// The app on port 0, serving in the background.
pub async fn start(database_url: String, demo_data: bool) -> Res<Started> {
    let settings = Settings {
        database_url,
        address: "127.0.0.1:0".parse()?,
        site_root: std::env::temp_dir().join("statgrid-no-site"),
        demo_data,
        secure_cookies: false,
        clock_start_ms: None,
        trusted_proxies: Vec::new(),
        ..Settings::default()
    };
    let app = Application::build(settings).await?;
    let started = Started {
        base: format!("http://{}", app.address()),
        db: app.db().clone(),
        reads: app.reads().clone(),
    };
    tokio::spawn(app.run_until_stopped());
    Ok(started)
}
