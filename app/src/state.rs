//! What every request handler and server function may reach: the database and the settings
//! that change how responses are made.
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;

#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub leptos_options: LeptosOptions,
    /// Mark the session cookie `Secure`: set when the site is served over TLS.
    pub secure_cookies: bool,
    /// Imports running now, for their pages to follow.
    pub imports: crate::admin::ssr::ImportBoard,
    pub clock: Clock,
    /// Proxies whose `X-Forwarded-For` names the client (`crate::auth::address`).
    pub trusted_proxies: std::sync::Arc<[std::net::IpAddr]>,
}

/// The server's clock: the system's, or for tests one that starts at a set instant and runs on
/// from there, so date rules can be checked on the day they matter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Clock {
    offset_ms: i64,
}

impl Clock {
    /// The system's clock.
    pub fn system() -> Self {
        Clock::default()
    }

    /// A clock that reads `start_ms` now and runs on from there.
    pub fn starting_at(start_ms: i64) -> Self {
        Clock {
            offset_ms: start_ms - system_ms(),
        }
    }

    /// Milliseconds since the Unix epoch.
    pub fn now_ms(&self) -> i64 {
        system_ms() + self.offset_ms
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
    leptos::prelude::use_context::<AppState>().ok_or(crate::error::AppError::Internal)
}
