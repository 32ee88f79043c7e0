//! The funds ledger as the township view shows it, and its server function.
use crate::domain::funds::{FundRule, Ledger};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Each of the person's enterprise grids' balance this year, as the phone fetches and keeps
/// it to warn before an activity takes a grid over its funds.
pub const MINE_PATH: &str = "/api/v1/funds/mine";

/// One grid's balance, as [`MINE_PATH`] answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GridBalance {
    pub grid_id: i32,
    pub year: i32,
    pub balance_fen: i64,
}

/// A unit's grids' funds this year; for the city, each unit's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FundsLedger {
    pub unit: String,
    pub year: i32,
    pub rule: FundRule,
    /// The day the heads were counted (核定), `YYYY-MM-DD`; none before the policy's day,
    /// when they are today's.
    pub counted_on: Option<String>,
    /// Whether the lines are units (the city's ledger) rather than grids.
    pub by_unit: bool,
    /// Each of the unit's open enterprise grids, or each level-2 unit for the city.
    pub lines: Vec<FundsLine>,
    pub total: Ledger,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FundsLine {
    /// The grid's id, or the unit's for the city.
    pub id: i32,
    pub name: String,
    pub ledger: Ledger,
}

/// 网格活动经费使用情况: one grid's funds of the year and each activity that spent them, to
/// print.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FundStatement {
    pub grid: String,
    pub unit: String,
    pub year: i32,
    pub rule: FundRule,
    pub counted_on: Option<String>,
    pub ledger: Ledger,
    pub spending: Vec<Spending>,
}

/// One activity that spent the grid's funds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Spending {
    pub date: String,
    pub activity: String,
    pub place: String,
    pub people: usize,
    pub spend_fen: i64,
}

/// The funds of unit `grid_id` (or of the city); `None` for any other grid.
#[server(endpoint = "funds_ledger", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn load_funds(grid_id: i32) -> Result<Option<FundsLedger>, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::ledger(&state.db, &viewer, grid_id).await
        }
        .await,
    )
}

/// The statement of enterprise grid `grid_id` this year; `None` for any other grid.
#[server(endpoint = "funds_statement", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn load_statement(grid_id: i32) -> Result<Option<FundStatement>, AppError> {
    crate::error::respond(
        async {
            let (viewer, state) = crate::auth::ssr::Viewer::current().await?;
            super::ssr::statement(&state.db, &viewer, grid_id).await
        }
        .await,
    )
}
