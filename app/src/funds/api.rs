//! The funds ledger as the township view shows it, and its server function.
use crate::domain::funds::{FundRule, Ledger};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A unit's grids' funds this year; for the city, each unit's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FundsLedger {
    pub unit: String,
    pub year: i32,
    pub rule: FundRule,
    /// Whether the lines are units (the city's ledger) rather than grids.
    pub by_unit: bool,
    /// Each of the unit's open enterprise grids, or each level-2 unit for the city.
    pub lines: Vec<FundsLine>,
    pub total: Ledger,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FundsLine {
    pub name: String,
    pub ledger: Ledger,
}

/// The funds of unit `grid_id` (or of the city); `None` for any other grid.
#[server(endpoint = "funds_ledger", input = leptos::server_fn::codec::Json)]
pub async fn load_funds(grid_id: i32) -> Result<Option<FundsLedger>, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::ledger(&state.db, &viewer, grid_id).await
        }
        .await,
    )
}
