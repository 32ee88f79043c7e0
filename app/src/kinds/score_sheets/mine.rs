//! The sheets a person is assigned to fill, with each campaign's template, as the phone keeps
//! them to score offline.
use super::api::{Assigned, MINE_PATH};
use super::ssr::{assignments_of, templates};
use crate::auth::ssr::Viewer;
use crate::divisions::ssr::stored as divisions;
use crate::domain::evaluation::{DivisionCode, Gazetteer, SheetRole};
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use sea_orm::ConnectionTrait;

/// The viewer's sheets, by campaign (newest first), then unit in division order.
pub async fn mine(db: &impl ConnectionTrait, viewer: &Viewer) -> Result<Vec<Assigned>, AppError> {
    let rows = assignments_of(db, viewer.person_id()).await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let units: Vec<i32> = rows.iter().map(|a| a.unit_id).collect();
    let templates = templates(db, &units).await?;
    let places = Gazetteer::new(divisions(db).await?.into_values());
    let mut sheets = Vec::new();
    for a in rows {
        let (Some(role), Some(unit)) = (SheetRole::from_code(&a.role), templates.get(&a.unit_id))
        else {
            continue;
        };
        let Ok(code) = DivisionCode::parse(&unit.code) else {
            continue;
        };
        let campaign = &unit.campaign;
        let plan = crate::evaluation::ssr::plan_of(campaign)?;
        sheets.push((
            code,
            Assigned {
                campaign_id: campaign.id,
                campaign: campaign.name.clone(),
                unit_id: a.unit_id,
                unit: places.listed_name(code),
                role,
                template: unit.template.clone(),
                thresholds: plan.thresholds,
            },
        ));
    }
    sheets.sort_by(|(a, x), (b, y)| {
        (y.campaign_id.cmp(&x.campaign_id))
            .then(a.cmp(b))
            .then(x.role.cmp(&y.role))
    });
    Ok(sheets.into_iter().map(|(_, s)| s).collect())
}

pub fn router() -> Router<AppState> {
    Router::new().route(MINE_PATH, get(answer))
}

async fn answer(
    State(state): State<AppState>,
    viewer: Viewer,
) -> Result<Json<Vec<Assigned>>, AppError> {
    Ok(Json(mine(&state.db, &viewer).await?))
}
