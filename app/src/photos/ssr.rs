//! Upload (within the quota of [`super::quota`]) and download of photos, and the checks a
//! record's photo list passes before the record is stored: each photo uploaded by the record's
//! author. A stored record lends its id and grid to its photos, so whoever sees the grid sees
//! them until the record is withdrawn.
use super::quota::{self, PhotoRefusal};
use super::{PHOTOS_PATH, sweep};
use crate::auth::ssr::Viewer;
use crate::db::photo;
use crate::domain::photo::{PHOTO_MAX_BYTES, check_photos, is_jpeg};
use crate::error::{AppError, ServerError};
use crate::state::AppState;
use crate::sync::api::{Problem, RecordEnvelope};
use crate::sync::kind::Write;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::put;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QuerySelect,
};
use std::collections::HashSet;
use uuid::Uuid;

pub fn router() -> Router<AppState> {
    Router::new().route(
        &format!("{PHOTOS_PATH}/{{id}}"),
        put(upload)
            .get(download)
            // Room for the largest photo the phone makes, and a little more to answer in words.
            .layer(DefaultBodyLimit::max(PHOTO_MAX_BYTES + 64 * 1024)),
    )
}

/// Stores a photo once: sending the same id again (a retry) is answered as the first time,
/// without counting against the quota.
async fn upload(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<Uuid>,
    body: Bytes,
) -> Result<StatusCode, PhotoRefusal> {
    if body.len() > PHOTO_MAX_BYTES {
        return Err(AppError::Invalid(format!(
            "照片超过{} KB，请在手机上重新添加",
            PHOTO_MAX_BYTES / 1024
        ))
        .into());
    }
    if !is_jpeg(&body) {
        return Err(AppError::Invalid("照片格式不对，只接受手机压缩后的 JPEG 照片".into()).into());
    }
    if let Some(owner) = owner_of(&state.db, id).await? {
        return answer_as_owner(owner, &viewer);
    }
    quota::check(&state.db, viewer.person_id(), viewer.now_ms).await?;
    photo::Entity::insert(photo::ActiveModel {
        id: Set(id),
        person_id: Set(viewer.person_id()),
        grid_id: Set(None),
        bytes: Set(body.to_vec()),
        received_at_ms: Set(viewer.now_ms),
        // Not named: a SQLite connection opened before the migration that added the column
        // refuses an INSERT naming it (its cached schema), while reads and updates recover.
        ..Default::default()
    })
    .on_conflict_do_nothing()
    .exec_without_returning(&state.db)
    .await?;
    match owner_of(&state.db, id).await? {
        Some(owner) => answer_as_owner(owner, &viewer),
        None => Err(AppError::internal().into()),
    }
}

async fn owner_of(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<i32>, sea_orm::DbErr> {
    photo::Entity::find_by_id(id)
        .select_only()
        .column(photo::Column::PersonId)
        .into_tuple()
        .one(db)
        .await
}

fn answer_as_owner(owner: i32, viewer: &Viewer) -> Result<StatusCode, PhotoRefusal> {
    if owner == viewer.person_id() {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::Invalid("照片编号与他人的照片重复，请重新添加".into()).into())
    }
}

/// A photo for its author, for anyone who sees the grid of the record it belongs to, or for a
/// score sheet's photo whoever may see the sheet; for nobody once its record was withdrawn
/// (the sweep then removes it). A rectification's evidence or a summary report's photos: the bureau and whoever is
/// assigned to the unit.
async fn download(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<Uuid>,
) -> Result<Response, PhotoRefusal> {
    let row = photo::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::Forbidden)?;
    let seen = row.person_id == viewer.person_id()
        || row.grid_id.is_some_and(|g| viewer.visible.contains(&g))
        || match (row.grid_id, row.record_id) {
            (None, Some(record)) => {
                crate::kinds::score_sheets::ssr::may_see_photo(&state.db, &viewer, record)
                    .await
                    .map_err(AppError::from)?
                    || crate::evaluation::rectification::ssr::may_see_photo(
                        &state.db, &viewer, record,
                    )
                    .await?
                    || crate::evaluation::materials::ssr::may_see_photo(&state.db, &viewer, record)
                        .await?
            }
            _ => false,
        };
    if !seen {
        return Err(AppError::Forbidden.into());
    }
    let withdrawn = photo::Entity::find_by_id(id)
        .select_only()
        .column(photo::Column::Id)
        .filter(sweep::of_withdrawn_record())
        .count(&state.db)
        .await?;
    if withdrawn > 0 {
        return Err(PhotoRefusal::Gone);
    }
    Ok((
        [
            (header::CONTENT_TYPE, "image/jpeg"),
            // An id never names other bytes.
            (
                header::CACHE_CONTROL,
                "private, max-age=31536000, immutable",
            ),
        ],
        row.bytes,
    )
        .into_response())
}

/// The photos listed by `records` that their author (`person_id`) has uploaded.
pub async fn uploaded_by(
    db: &impl ConnectionTrait,
    person_id: i32,
    records: &[RecordEnvelope],
) -> Result<HashSet<Uuid>, ServerError> {
    let listed: Vec<Uuid> = records
        .iter()
        .filter_map(|r| r.payload.get("photos")?.as_array().cloned())
        .flatten()
        .filter_map(|v| v.as_str()?.parse().ok())
        .collect();
    uploaded_among(db, person_id, &listed).await
}

/// Those of `ids` that `person_id` uploaded.
pub async fn uploaded_among(
    db: &impl ConnectionTrait,
    person_id: i32,
    ids: &[Uuid],
) -> Result<HashSet<Uuid>, ServerError> {
    let mut found = HashSet::new();
    for chunk in ids.chunks(500) {
        let ids: Vec<Uuid> = photo::Entity::find()
            .select_only()
            .column(photo::Column::Id)
            .filter(photo::Column::Id.is_in(chunk.to_vec()))
            .filter(photo::Column::PersonId.eq(person_id))
            .into_tuple()
            .all(db)
            .await?;
        found.extend(ids);
    }
    Ok(found)
}

/// The photos attached to record `record_id`, oldest first.
pub async fn of_record(
    db: &impl ConnectionTrait,
    record_id: Uuid,
) -> Result<Vec<Uuid>, ServerError> {
    use sea_orm::QueryOrder;
    Ok(photo::Entity::find()
        .select_only()
        .column(photo::Column::Id)
        .filter(photo::Column::RecordId.eq(record_id))
        .order_by_asc(photo::Column::ReceivedAtMs)
        .into_tuple()
        .all(db)
        .await?)
}

/// Whether every one of `photos` was uploaded by `person_id` or is already attached to
/// `before` (the earlier version of the record, which another person may have made).
pub async fn usable(
    db: &impl ConnectionTrait,
    person_id: i32,
    photos: &[Uuid],
    before: Option<Uuid>,
) -> Result<bool, ServerError> {
    let uploaded = uploaded_among(db, person_id, photos).await?;
    let kept = match before {
        Some(record) => of_record(db, record).await?,
        None => Vec::new(),
    };
    Ok(photos
        .iter()
        .all(|p| uploaded.contains(p) || kept.contains(p)))
}

/// Whether a record may list `photos`: few enough, none twice, each uploaded by its author.
pub fn check(photos: &[Uuid], uploaded: &HashSet<Uuid>) -> Result<(), Vec<Problem>> {
    check_photos(photos).map_err(|e| {
        vec![Problem::new(
            "photos_invalid",
            Some("photos"),
            e.to_string(),
        )]
    })?;
    if photos.iter().any(|p| !uploaded.contains(p)) {
        return Err(vec![Problem::new(
            "photo_missing",
            Some("photos"),
            "有照片没有传到服务器，请稍后再同步；如仍不行，请删除该照片后重新保存",
        )]);
    }
    Ok(())
}

/// Gives the photos a stored version of record `record_id` lists that record and its grid, so
/// the grid's township sees them; those an earlier version listed and this one does not go
/// back to their author alone, and the sweep removes them a day after their upload. A record
/// stored for the first time (`write`) has no earlier version, so nothing to let go of: most
/// new records carry no photo, and are stored without a query here.
pub async fn attach(
    db: &impl ConnectionTrait,
    record_id: Uuid,
    grid_id: i32,
    photos: &[Uuid],
    write: Write,
) -> Result<(), ServerError> {
    if write == Write::Insert {
        return take_up(db, record_id, Some(grid_id), photos).await;
    }
    attach_in(db, record_id, Some(grid_id), photos).await
}

/// As [`attach`], for a record that belongs to no grid (a score sheet): who sees its photos
/// is the record kind's to say.
pub async fn attach_to_record(
    db: &impl ConnectionTrait,
    record_id: Uuid,
    photos: &[Uuid],
) -> Result<(), ServerError> {
    attach_in(db, record_id, None, photos).await
}

async fn attach_in(
    db: &impl ConnectionTrait,
    record_id: Uuid,
    grid_id: Option<i32>,
    photos: &[Uuid],
) -> Result<(), ServerError> {
    let mut dropped = photo::Entity::update_many()
        .col_expr(photo::Column::GridId, Expr::value(Option::<i32>::None))
        .col_expr(photo::Column::RecordId, Expr::value(Option::<Uuid>::None))
        .filter(photo::Column::RecordId.eq(record_id));
    if !photos.is_empty() {
        dropped = dropped.filter(photo::Column::Id.is_not_in(photos.iter().copied()));
    }
    dropped.exec(db).await?;
    take_up(db, record_id, grid_id, photos).await
}

/// Gives `photos` record `record_id` and its grid.
async fn take_up(
    db: &impl ConnectionTrait,
    record_id: Uuid,
    grid_id: Option<i32>,
    photos: &[Uuid],
) -> Result<(), ServerError> {
    if photos.is_empty() {
        return Ok(());
    }
    photo::Entity::update_many()
        .col_expr(photo::Column::GridId, Expr::value(grid_id))
        .col_expr(photo::Column::RecordId, Expr::value(record_id))
        .filter(photo::Column::Id.is_in(photos.iter().copied()))
        .exec(db)
        .await?;
    Ok(())
}
