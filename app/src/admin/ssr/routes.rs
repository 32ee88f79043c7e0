//! Administration routes (`docs/admin.md`); every one is for the city administrator only.
use super::city_admin::CityAdmin;
use super::{audit, enterprises, people};
use crate::admin::api::{
    AUDIT_PATH, EXPORT_PATH, IMPORT_PATH, IMPORT_PROGRESS_PATH, ImportProgress, ImportReport,
};
use crate::auth::ssr::Viewer;
use crate::db::{enterprise, person, role_assignment};
use crate::directory::import::{
    Layout, PersonRow, enterprises_to_csv, enterprises_to_xlsx, people_to_csv, people_to_xlsx,
    preview_as,
};
use crate::domain::grid::Role;
use crate::domain::grid_tree::GridTree;
use crate::domain::phone::PhoneNumber;
use crate::error::AppError;
use crate::spreadsheet::write_row;
use crate::staffing::import::Rosters;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Deserialize;
use std::collections::HashMap;

/// Room for a directory of some 100,000 enterprises.
const IMPORT_BODY_LIMIT: usize = 64 * 1024 * 1024;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            IMPORT_PATH,
            post(import).layer(DefaultBodyLimit::max(IMPORT_BODY_LIMIT)),
        )
        .route(
            &format!("{IMPORT_PROGRESS_PATH}/{{job}}"),
            get(import_progress),
        )
        .route(&format!("{EXPORT_PATH}/{{file}}"), get(export))
        .route(AUDIT_PATH, get(audit_log))
        .route(&format!("{AUDIT_PATH}.csv"), get(audit_csv))
}

fn require_city_admin(viewer: &Viewer) -> Result<(), AppError> {
    if viewer.is_city_admin() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

#[derive(Deserialize)]
struct ImportQuery {
    layout: String,
    #[serde(default)]
    apply: bool,
    /// Chosen by the page, to follow the import at `IMPORT_PROGRESS_PATH`.
    job: Option<uuid::Uuid>,
}

/// `CityAdmin` comes before the body: nobody else gets to send 64 MiB. The file is checked
/// against the caps of `directory::import::limits` before it is parsed.
async fn import(
    State(state): State<AppState>,
    CityAdmin(viewer): CityAdmin,
    Query(query): Query<ImportQuery>,
    body: Bytes,
) -> Result<Json<ImportReport>, AppError> {
    let layout = match query.layout.as_str() {
        "enterprises" => Layout::Enterprises,
        "people" => Layout::People,
        "divisions" => Layout::Divisions,
        _ => {
            return Err(AppError::Invalid(
                "导入类型应为 enterprises（企业名录）、people（网格人员）或 divisions（行政区划）"
                    .into(),
            ));
        }
    };
    let ticker = state.imports.follow(query.job, state.clock.now_ms()).await;
    // Reading a large workbook takes a while: off the async workers.
    let preview = tokio::task::spawn_blocking(move || preview_as(&body, layout))
        .await
        .map_err(|_| AppError::internal())?
        .map_err(|e| AppError::Invalid(e.to_string()))?;
    let (db, apply) = (&state.db, query.apply);
    let report = match layout {
        Layout::Enterprises => enterprises::import(db, &viewer, preview, apply, &ticker).await?,
        Layout::People => people::import(db, &viewer, preview, apply, &ticker).await?,
        Layout::Divisions => {
            crate::divisions::ssr::import(db, &viewer, preview, apply, &ticker).await?
        }
    };
    tracing::info!(
        person = viewer.person_id(),
        layout = query.layout,
        applied = report.applied,
        rows = report.total_rows,
        "import"
    );
    Ok(Json(report))
}

/// How far a followed import has come; `null` once it has ended (or for an unknown job).
async fn import_progress(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(job): Path<uuid::Uuid>,
) -> Result<Json<Option<ImportProgress>>, AppError> {
    require_city_admin(&viewer)?;
    Ok(Json(state.imports.get(job, state.clock.now_ms()).await?))
}

async fn export(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    require_city_admin(&viewer)?;
    let names = viewer.grids.names();
    let bytes = match file.as_str() {
        "enterprises.xlsx" | "enterprises.csv" => {
            let stored = enterprise::Entity::find()
                .filter(enterprise::Column::Closed.eq(false))
                .order_by_asc(enterprise::Column::Id)
                .all(&state.db)
                .await?;
            let rows: Vec<_> = stored
                .iter()
                .filter_map(|e| enterprises::row_of(e, &names))
                .collect();
            if rows.len() < stored.len() {
                tracing::warn!(
                    skipped = stored.len() - rows.len(),
                    "enterprises with invalid credit codes left out of the export"
                );
            }
            if file.ends_with("xlsx") {
                enterprises_to_xlsx(&rows)
            } else {
                enterprises_to_csv(&rows)
            }
        }
        "people.xlsx" | "people.csv" => {
            let rows = people_rows(&state, &viewer.grids.tree, &names).await?;
            if file.ends_with("xlsx") {
                people_to_xlsx(&rows)
            } else {
                people_to_csv(&rows)
            }
        }
        _ => return Err(AppError::Invalid("没有这个导出文件".into())),
    }
    .map_err(|e| {
        tracing::error!(error = %e, "export failed");
        AppError::internal()
    })?;
    let content_type = if file.ends_with("xlsx") {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    } else {
        "text/csv; charset=utf-8"
    };
    let disposition = format!("attachment; filename=\"{file}\"");
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response())
}

/// Every role assignment, with the person's entry on the roster of the level-2 unit at or
/// above its grid.
async fn people_rows(
    state: &AppState,
    tree: &GridTree,
    names: &HashMap<i32, String>,
) -> Result<Vec<PersonRow>, AppError> {
    let people: HashMap<i32, person::Model> = person::Entity::find()
        .all(&state.db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let assignments = role_assignment::Entity::find()
        .order_by_asc(role_assignment::Column::Id)
        .all(&state.db)
        .await?;
    let rosters = Rosters::load(&state.db, names.keys().copied()).await?;
    Ok(assignments
        .iter()
        .filter_map(|a| {
            let p = people.get(&a.person_id)?;
            Some(PersonRow {
                name: p.name.clone(),
                phone: PhoneNumber::parse(&p.phone).ok()?,
                grid_name: names.get(&a.grid_id)?.clone(),
                role: Role::from_code(&a.role)?,
                staffing: std::iter::successors(Some(a.grid_id), |g| tree.parent(*g))
                    .find_map(|g| rosters.staffing_of(g, &p.name)),
            })
        })
        .collect())
}

/// The most entries one audit CSV holds: the newest, a bounded answer. (A limit past
/// `i64::MAX` made the database driver panic.)
const AUDIT_CSV_ROWS: u64 = 200_000;

/// The audit log as CSV (UTF-8 with BOM, so that Excel reads the Chinese).
async fn audit_csv(State(state): State<AppState>, viewer: Viewer) -> Result<Response, AppError> {
    require_city_admin(&viewer)?;
    let entries = audit::latest(&state.db, AUDIT_CSV_ROWS).await?;
    let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let fail = |_| AppError::internal();
    write_row(
        &mut out,
        [
            "时间(毫秒)",
            "操作人",
            "操作",
            "对象类型",
            "对象",
            "变更前",
            "变更后",
        ],
    )
    .map_err(fail)?;
    for e in entries {
        write_row(
            &mut out,
            [
                e.at_ms.to_string(),
                e.person_name,
                e.action,
                e.target_kind,
                e.target_key,
                e.before.unwrap_or_default(),
                e.after.unwrap_or_default(),
            ],
        )
        .map_err(fail)?;
    }
    let bytes = out.into_inner().map_err(|_| AppError::internal())?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"audit.csv\"",
            ),
        ],
        bytes,
    )
        .into_response())
}

async fn audit_log(State(state): State<AppState>, viewer: Viewer) -> Result<Response, AppError> {
    require_city_admin(&viewer)?;
    Ok(Json(audit::latest(&state.db, 1000).await?).into_response())
}
