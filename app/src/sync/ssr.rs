//! The JSON API handlers: login, logout, push and pull (`docs/sync.md`).
use crate::activities::ssr::{own_activities_since, store_activities};
use crate::auth::api::{Credentials, LoginAnswer, PasswordChange};
use crate::auth::ssr::{self as auth, Viewer};
use crate::directory::api::Directory;
use crate::directory::ssr::directory_for;
use crate::error::AppError;
use crate::major_events::ssr::{own_major_events_since, store_major_events};
use crate::plans::ssr::{plans_since, store_plans};
use crate::reports::ssr::store::{reports_since, store_reports};
use crate::state::AppState;
use crate::sync::api::{
    KIND_ACTIVITY, KIND_ANNUAL_PLAN, KIND_MAJOR_EVENT, KIND_MONTHLY_REPORT, KIND_TRAINING,
    LOGIN_PATH, LOGOUT_PATH, MAX_BATCH, PASSWORD_PATH, PROTOCOL_VERSION, PULL_PATH, PUSH_PATH,
    PullQuery, PullResponse, PushRequest, PushResponse, RecordEnvelope, RecordResult,
};
use crate::sync::withdrawal;
use crate::trainings::ssr::{own_trainings_since, store_trainings};
use crate::visits::ssr::{own_visits_since, store_visits};
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use uuid::Uuid;

/// Room for a full batch of long Chinese texts (500 × 2000 characters × 3 bytes).
const PUSH_BODY_LIMIT: usize = 8 * 1024 * 1024;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(LOGIN_PATH, post(login))
        .route(LOGOUT_PATH, post(logout))
        .route(PASSWORD_PATH, post(change_password))
        .route(
            PUSH_PATH,
            post(push).layer(DefaultBodyLimit::max(PUSH_BODY_LIMIT)),
        )
        .route(PULL_PATH, get(pull))
}

fn malformed(rejection: JsonRejection) -> AppError {
    AppError::Invalid(format!("请求格式错误：{}", rejection.body_text()))
}

async fn login(
    State(state): State<AppState>,
    body: Result<Json<Credentials>, JsonRejection>,
) -> Result<Response, AppError> {
    let Json(creds) = body.map_err(malformed)?;
    let answer: LoginAnswer = auth::login(&state.db, &creds).await?;
    let cookie = auth::session_cookie(&answer.token, state.secure_cookies)?;
    Ok(([(header::SET_COOKIE, cookie)], Json(answer)).into_response())
}

async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, AppError> {
    auth::logout(&state.db, &headers).await?;
    Ok((
        [(header::SET_COOKIE, auth::clear_cookie())],
        Json(serde_json::json!({})),
    )
        .into_response())
}

async fn change_password(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Json<PasswordChange>, JsonRejection>,
) -> Result<Json<serde_json::Value>, AppError> {
    let Json(change) = body.map_err(malformed)?;
    auth::change_password(&state.db, &headers, &change).await?;
    Ok(Json(serde_json::json!({})))
}

async fn push(
    State(state): State<AppState>,
    viewer: Viewer,
    body: Result<Json<PushRequest>, JsonRejection>,
) -> Result<Json<PushResponse>, AppError> {
    let Json(request) = body.map_err(malformed)?;
    if request.protocol != PROTOCOL_VERSION {
        return Err(AppError::Invalid(format!(
            "不支持的同步协议版本 {}，请更新应用",
            request.protocol
        )));
    }
    if request.records.len() > MAX_BATCH {
        return Err(AppError::Invalid(format!(
            "每批最多 {MAX_BATCH} 条记录，本批 {} 条",
            request.records.len()
        )));
    }
    let order: Vec<Uuid> = request.records.iter().map(|r| r.id).collect();
    let mut records = request.records;
    // Withdrawals first; then records withdrawn before are answered so, whatever they say.
    let withdrawals: Vec<RecordEnvelope> = records.extract_if(.., |r| r.withdrawn).collect();
    let mut answered = withdrawal::apply(&state.db, &viewer, withdrawals).await?;
    let gone = withdrawal::tombstoned(&state.db, records.iter().map(|r| r.id)).await?;
    answered.extend(
        records
            .extract_if(.., |r| gone.contains(&r.id))
            .map(|r| withdrawal::gone(r.id)),
    );
    let mut take = |kind: &str| -> Vec<RecordEnvelope> {
        records.extract_if(.., |r| r.kind == kind).collect()
    };
    // Urgent ones first, so they are stored even if a later part of the batch fails.
    let major_events = take(KIND_MAJOR_EVENT);
    let reports = take(KIND_MONTHLY_REPORT);
    let activities = take(KIND_ACTIVITY);
    let trainings = take(KIND_TRAINING);
    let plans = take(KIND_ANNUAL_PLAN);
    answered.extend(store_major_events(&state.db, &viewer, major_events).await?);
    answered.extend(store_reports(&state.db, &viewer, reports).await?);
    answered.extend(store_activities(&state.db, &viewer, activities).await?);
    answered.extend(store_trainings(&state.db, &viewer, trainings).await?);
    answered.extend(store_plans(&state.db, &viewer, plans).await?);
    // Visits answer unknown kinds too, record by record.
    answered.extend(store_visits(&state.db, &viewer, records).await?);
    // Answered in the order sent, as the protocol promises.
    let results: Vec<RecordResult> = order
        .iter()
        .filter_map(|id| answered.iter().find(|r| r.id == *id).cloned())
        .collect();
    tracing::info!(
        person = viewer.person_id(),
        records = results.len(),
        "sync push"
    );
    Ok(Json(PushResponse {
        protocol: PROTOCOL_VERSION,
        results,
    }))
}

/// A short name for the directory's content: equal digests, equal directories.
fn digest(directory: &Directory) -> Result<String, AppError> {
    use sha2::{Digest, Sha256};
    let bytes = serde_json::to_vec(directory).map_err(|_| AppError::Internal)?;
    Ok(hex::encode(&Sha256::digest(&bytes)[..12]))
}

async fn pull(
    State(state): State<AppState>,
    viewer: Viewer,
    query: Result<Query<PullQuery>, QueryRejection>,
) -> Result<Json<PullResponse>, AppError> {
    let Query(query) =
        query.map_err(|r| AppError::Invalid(format!("请求参数错误：{}", r.body_text())))?;
    let directory = directory_for(&state.db, &viewer).await?;
    let directory_digest = digest(&directory)?;
    let visits = own_visits_since(&state.db, viewer.person_id(), query.since).await?;
    let reports = reports_since(&state.db, &viewer, query.since).await?;
    let activities = own_activities_since(&state.db, viewer.person_id(), query.since).await?;
    let trainings = own_trainings_since(&state.db, viewer.person_id(), query.since).await?;
    let major_events = own_major_events_since(&state.db, viewer.person_id(), query.since).await?;
    let plans = plans_since(&state.db, &viewer, query.since).await?;
    let (withdrawn, withdrawn_at) =
        withdrawal::withdrawn_since(&state.db, &viewer, query.since).await?;
    let cursor = visits
        .iter()
        .map(|v| v.received_at_ms)
        .chain(reports.iter().map(|r| r.updated_at_ms))
        .chain(activities.iter().map(|a| a.received_at_ms))
        .chain(trainings.iter().map(|t| t.received_at_ms))
        .chain(major_events.iter().map(|e| e.received_at_ms))
        .chain(plans.iter().map(|p| p.received_at_ms))
        .fold(withdrawn_at, i64::max);
    Ok(Json(PullResponse {
        protocol: PROTOCOL_VERSION,
        cursor,
        profile: viewer.profile,
        directory: (query.directory.as_deref() != Some(directory_digest.as_str()))
            .then_some(directory),
        directory_digest,
        visits,
        reports,
        activities,
        trainings,
        major_events,
        plans,
        withdrawn,
    }))
}
