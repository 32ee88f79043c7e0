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
