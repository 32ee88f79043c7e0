//! What the person sees of the assessment on the phone: their own sheet (or their grid's) of
//! this year and last, and a grid leader's or instructor's members'. Until the city bureau
//! confirms a year, only the figures so far: what would count if the year ended today.
use super::api::{MINE_PATH, MyYear, Sheet};
use super::ssr::{current_scheme, frozen_sheets, live, row_of, stage_of};
use super::words;
use crate::auth::ssr::Viewer;
use crate::domain::assessment::{Assessed, Stage};
use crate::domain::cadence::Status;
use crate::domain::grid::{GridKind, Role};
use crate::duties::api::Reminder;
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use sea_orm::ConnectionTrait;
use std::collections::BTreeSet;

/// Days a confirmed result stays among the person's reminders.
const REMINDED_DAYS: i64 = 60;

pub fn router() -> Router<AppState> {
    Router::new().route(MINE_PATH, get(answer))
}

async fn answer(
    State(state): State<AppState>,
    viewer: Viewer,
) -> Result<Json<Vec<MyYear>>, AppError> {
    Ok(Json(mine(&state.db, &viewer).await?))
}

/// The person's enterprise grids, and those of them they lead or instruct.
fn grids_of(viewer: &Viewer) -> (BTreeSet<i32>, BTreeSet<i32>) {
    let enterprise = (viewer.profile.roles.iter()).filter(|r| r.kind == GridKind::Enterprise);
    let all = enterprise.clone().map(|r| r.grid_id).collect();
    let led = enterprise
        .filter(|r| r.role != Role::Member)
        .map(|r| r.grid_id)
        .collect();
    (all, led)
}

/// The level-2 unit `grid` sits in.
pub(crate) fn unit_above(viewer: &Viewer, grid: i32) -> Option<i32> {
    let mut at = viewer.grids.tree.parent(grid);
    while let Some(g) = at {
        if viewer.unit(g).is_some() {
            return Some(g);
        }
        at = viewer.grids.tree.parent(g);
    }
    None
}

/// This year's and last year's assessments that concern the person, newest first.
pub async fn mine(db: &impl ConnectionTrait, viewer: &Viewer) -> Result<Vec<MyYear>, AppError> {
    Ok(years(db, viewer, false)
        .await?
        .into_iter()
        .map(|(y, _)| y)
        .collect())
}

/// [`mine`] (only the confirmed years when `confirmed_only`: no figures are computed), each
/// year with when its stage last changed.
async fn years(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    confirmed_only: bool,
) -> Result<Vec<(MyYear, Option<i64>)>, AppError> {
    let (grids, led) = grids_of(viewer);
    let units: BTreeSet<i32> = grids
        .iter()
        .filter_map(|&g| unit_above(viewer, g))
        .collect();
    let this_year = viewer.today()?.year();
    let me = viewer.person_id();
    let mut years = Vec::new();
    for year in [this_year, this_year - 1] {
        for &unit in &units {
            let row = row_of(db, unit, year).await?;
            let stage = stage_of(row.as_ref());
            if (confirmed_only || year < this_year) && stage != Stage::Confirmed {
                continue;
            }
            let scheme = match &row {
                Some(r) => serde_json::from_str(&r.scheme).map_err(|_| AppError::internal())?,
                None => current_scheme(db).await?,
            };
            let sheets = match frozen_sheets(row.as_ref(), stage) {
                Some(sheets) => sheets,
                None => live(db, viewer, unit, year, &scheme, row.as_ref()).await?.0,
            };
            let in_grids =
                |s: &Sheet, of: &BTreeSet<i32>| s.grid_ids.iter().any(|g| of.contains(g));
            let (own, followed): (Vec<Sheet>, Vec<Sheet>) = match scheme.assessed {
                Assessed::Member => (
                    sheets
                        .iter()
                        .filter(|s| s.subject_id == me)
                        .cloned()
                        .collect(),
                    (sheets.iter())
                        .filter(|s| s.subject_id != me && in_grids(s, &led))
                        .cloned()
                        .collect(),
                ),
                Assessed::Grid => (
                    sheets
                        .into_iter()
                        .filter(|s| grids.contains(&s.subject_id))
                        .collect(),
                    Vec::new(),
                ),
            };
            if own.is_empty() && followed.is_empty() {
                continue;
            }
            let confirmed = stage == Stage::Confirmed;
            let unit_name = viewer.unit(unit).map(|(n, _)| n).unwrap_or_default();
            let mine = MyYear {
                year,
                unit: unit_name,
                stage,
                own: own.into_iter().map(|s| so_far(s, confirmed)).collect(),
                followed: followed.into_iter().map(|s| so_far(s, confirmed)).collect(),
                scheme,
            };
            years.push((mine, row.map(|r| r.changed_at_ms)));
        }
    }
    Ok(years)
}

/// A sheet as the person may see it: whole once confirmed, else its figures only.
fn so_far(mut sheet: Sheet, confirmed: bool) -> Sheet {
    if !confirmed {
        sheet.scored.manual = 0;
        sheet.scored.total = sheet.scored.earned.iter().sum();
        sheet.remark.clear();
        sheet.chosen_yuan = None;
        sheet.outcome.stars = None;
        sheet.outcome.reward_yuan = 0;
    }
    sheet
}

/// The person's results confirmed in the last days, on the home page's reminders (kept on
/// the phone with the duty list, so they read offline). Reads the stored results only: the
/// duty list is fetched at every sync.
pub async fn reminders(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
) -> Result<Vec<Reminder>, AppError> {
    let since = viewer.now_ms - REMINDED_DAYS * 24 * 60 * 60 * 1000;
    let mut out = Vec::new();
    for (year, changed_at) in years(db, viewer, true).await? {
        if year.stage != Stage::Confirmed || changed_at.is_none_or(|at| at < since) {
            continue;
        }
        for sheet in &year.own {
            out.push(Reminder {
                title: words::result_reminder(year.year, sheet),
                note: words::confirmed_by_city(&year.unit),
                status: Status::OnTime,
                report: None,
            });
        }
    }
    Ok(out)
}
