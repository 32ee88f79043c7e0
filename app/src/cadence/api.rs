//! The cadence settings as the administration screen sees them, and its server functions.
use crate::domain::cadence::Policy;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The policy in force and the presets it may start from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CadenceSettings {
    pub policy: Policy,
    /// Whether an administrator has saved it (otherwise it is the default preset).
    pub saved: bool,
    pub presets: Vec<Policy>,
}

#[server(endpoint = "admin/cadence", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn load_cadence() -> Result<CadenceSettings, AppError> {
    crate::error::respond(
        async {
            let admin = crate::admin::ssr::admin_session().await?;
            super::ssr::settings(&admin.db).await
        }
        .await,
    )
}

#[server(endpoint = "admin/cadence_save", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn save_cadence(policy: Policy) -> Result<CadenceSettings, AppError> {
    crate::error::respond(
        async {
            let admin = crate::admin::ssr::admin_session().await?;
            super::ssr::save(
                &admin.db,
                crate::admin::ssr::audit::Actor::of(&admin.viewer),
                policy,
            )
            .await
        }
        .await,
    )
}
