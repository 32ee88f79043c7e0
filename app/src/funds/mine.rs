//! Each of the person's grids' balance, as the phone keeps it to warn before an activity
//! takes a grid over its funds.
use super::api::{GridBalance, MINE_PATH};
use crate::auth::ssr::Viewer;
use crate::domain::grid::GridKind;
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use sea_orm::ConnectionTrait;

/// Each of the viewer's enterprise grids where they record activities: its balance this year.
pub async fn mine(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
) -> Result<Vec<GridBalance>, AppError> {
    let grids: Vec<i32> = (viewer.profile.activity_grids().into_iter())
        .filter(|r| r.kind == GridKind::Enterprise)
        .map(|r| r.grid_id)
        .collect();
    if grids.is_empty() {
        return Ok(Vec::new());
    }
    let today = viewer.today()?;
    let year = today.year();
    let rule = crate::assessment::ssr::current_scheme(db).await?.funds;
    let (heads, _) = super::count::heads(db, &grids, rule, year, today).await?;
    let spent = super::ssr::spent(db, &grids, year).await?;
    Ok(grids
        .into_iter()
        .map(|g| {
            let heads = heads.get(&g).copied().unwrap_or(0);
            let ledger = rule.ledger(
                u32::try_from(heads).unwrap_or(u32::MAX),
                spent.get(&g).copied().unwrap_or(0),
            );
            GridBalance {
                grid_id: g,
                year,
                balance_fen: ledger.balance_fen(),
            }
        })
        .collect())
}

pub fn router() -> Router<AppState> {
    Router::new().route(MINE_PATH, get(answer))
}

async fn answer(
    State(state): State<AppState>,
    viewer: Viewer,
) -> Result<Json<Vec<GridBalance>>, AppError> {
    Ok(Json(mine(&state.db, &viewer).await?))
}
