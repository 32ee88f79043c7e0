//! The divisions as the administration page lists them, and their server function.
use crate::domain::evaluation::Division;
use crate::error::AppError;
use leptos::prelude::*;

/// Every division, in official order (by code).
#[server(endpoint = "admin/divisions", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn list_divisions() -> Result<Vec<Division>, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::list(&state.db, &viewer).await
        }
        .await,
    )
}
