//! What every request handler and server function may reach: the database and the settings
//! that change how responses are made.
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;
use std::ops::Deref;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

/// Axum copies the state for every request and again for each extractor that asks: one
/// counted pointer, where copying the fields was a dozen (1.3 % of an unchanged pull).
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl AppState {
    pub fn new(shared: Shared) -> Self {
        AppState(Arc::new(shared))
    }
}

impl Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

pub struct Shared {
    pub db: DatabaseConnection,
    /// For the reads of the heaviest pages (the township's dashboards and their exports). On
    /// SQLite its own read-only connections, so that a page's reads run side by side instead
    /// of queueing for `db`'s one; elsewhere `db` again. Nothing that writes goes through it.
    pub reads: DatabaseConnection,
    pub leptos_options: LeptosOptions,
    /// Mark the session cookie `Secure`: set when the site is served over TLS.
    pub secure_cookies: bool,
    /// Imports running now, for their pages to follow (in the database on PostgreSQL).
    pub imports: crate::admin::ssr::ImportBoard,
    pub clock: Clock,
    /// Every grid as this server last read them, checked against the database's directory
    /// version on each request.
    pub grids: crate::auth::grids::GridCache,
    /// Proxies whose `X-Forwarded-For` names the client (`crate::auth::address`).
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// Local setting: days without contact after which the status page lists a phone.
    pub stale_phone_days: u32,
}

/// The server's clock: the system's, or for tests one that starts at a set instant and runs on
/// from there, so date rules can be checked on the day they matter, and that a test may move
/// forward ([`Clock::advance`]) to see a time-out happen.
#[derive(Debug, Clone, Copy, Default)]
pub struct Clock {
    /// Shared by every copy of a test clock; `None` for the system's.
    offset_ms: Option<&'static AtomicI64>,
}

impl Clock {
    /// The system's clock.
    pub fn system() -> Self {
        Clock::default()
    }

    /// A clock that reads `start_ms` now and runs on from there. For tests: each such clock
    /// keeps its offset for the life of the process.
    pub fn starting_at(start_ms: i64) -> Self {
        let offset = Box::leak(Box::new(AtomicI64::new(start_ms - system_ms())));
        Clock {
            offset_ms: Some(offset),
        }
    }

    /// Milliseconds since the Unix epoch.
    pub fn now_ms(&self) -> i64 {
        system_ms() + self.offset_ms.map_or(0, |o| o.load(Ordering::Relaxed))
    }

    /// Moves a test clock (and every copy of it) `ms` forward; the system's clock stays.
    pub fn advance(&self, ms: i64) {
        if let Some(offset) = self.offset_ms {
            offset.fetch_add(ms, Ordering::Relaxed);
        }
    }
}

fn system_ms() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The state, as handed to server functions through Leptos context.
pub fn app_state() -> Result<AppState, crate::error::AppError> {
    leptos::prelude::use_context::<AppState>().ok_or_else(crate::error::AppError::internal)
}
