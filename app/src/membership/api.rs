//! The check as the township view shows it, and its server function.
use crate::domain::grid::Role;
use crate::domain::membership::Standing;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The members and deputies of the enterprise grids in a scope against the documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MembershipCheck {
    /// Members and deputies checked.
    pub checked: usize,
    /// Those who fit.
    pub fitting: usize,
    /// Those who do not, by grid and name.
    pub misfits: Vec<Misfit>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Misfit {
    pub name: String,
    pub grid_name: String,
    pub role: Role,
    pub standing: Standing,
    /// The enterprise they are the statistician of, where one gives their phone.
    pub enterprise_name: Option<String>,
}

/// The check of the enterprise grids in `scope`.
#[server(endpoint = "membership_check", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn load_membership_check(scope: i32) -> Result<MembershipCheck, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::check(&state.db, &viewer, scope).await
        }
        .await,
    )
}
