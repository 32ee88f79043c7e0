//! The JSON API handlers: login, logout, push and pull (`docs/sync.md`).
use crate::auth::address::ClientAddress;
use crate::auth::api::{Credentials, PasswordChange};
use crate::auth::rotation;
use crate::auth::session::SessionRequest;
use crate::auth::ssr::{self as auth, SignedIn, Viewer};
use crate::directory::ssr::directory_for;
use crate::error::AppError;
use crate::error::ServerError;
use crate::metrics;
use crate::state::AppState;
use crate::sync::api::{
    LOGIN_PATH, LOGOUT_PATH, LogoutQuery, MAX_BATCH, PASSWORD_PATH, PROTOCOL_VERSION, PULL_PATH,
    PUSH_PATH, Problem, PullQuery, PullResponse, PushRequest, PushResponse, RecordEnvelope,
    RecordOutcome, RecordResult,
};
use crate::sync::latest::{Head, Latest};
use crate::sync::sequence::Span;
use crate::sync::store::KindStore;
use crate::sync::{withdrawal, words};
use axum::Extension;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use uuid::Uuid;

/// Room for a full batch of long Chinese texts (500 × 2000 characters × 3 bytes).
const PUSH_BODY_LIMIT: usize = 8 * 1024 * 1024;

/// The record kinds a server stores, in the order a push stores them (urgent ones first).
pub type Kinds = &'static [&'static dyn KindStore];

pub fn router(kinds: Kinds) -> Router<AppState> {
    Router::new()
        .route(LOGIN_PATH, post(login))
        .route(LOGOUT_PATH, post(logout))
        .route(PASSWORD_PATH, post(change_password))
        .route(
            PUSH_PATH,
            post(push).layer(DefaultBodyLimit::max(PUSH_BODY_LIMIT)),
        )
        .route(PULL_PATH, get(pull))
        .layer(Extension(kinds))
}

fn malformed(rejection: JsonRejection) -> AppError {
    AppError::Invalid(words::malformed_request(&rejection.body_text()))
}

async fn login(
    State(state): State<AppState>,
    ClientAddress(from): ClientAddress,
    headers: HeaderMap,
    body: Result<Json<Credentials>, JsonRejection>,
) -> Result<Response, AppError> {
    let Json(creds) = body.map_err(malformed)?;
    let request = SessionRequest::new(&headers, state.secure_cookies);
    let (answer, opened) =
        auth::login(&state.db, state.clock, &state.grids, &creds, from, &request).await?;
    Ok((opened.cookies(request.secure)?, Json(answer)).into_response())
}

async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<LogoutQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let Query(scope) =
        query.map_err(|r| AppError::Invalid(words::malformed_query(&r.body_text())))?;
    let request = SessionRequest::new(&headers, state.secure_cookies);
    let cleared = rotation::at_logout(&state.db, &request, scope.office).await?;
    Ok((cleared, Json(serde_json::json!({}))).into_response())
}

/// Answers the device's new token (`{"token": …}`) and sets its new cookies.
async fn change_password(
    State(state): State<AppState>,
    ClientAddress(from): ClientAddress,
    headers: HeaderMap,
    body: Result<Json<PasswordChange>, JsonRejection>,
) -> Result<Response, AppError> {
    let Json(change) = body.map_err(malformed)?;
    let request = SessionRequest::new(&headers, state.secure_cookies);
    let opened = auth::change_password(&state.db, state.clock, &request, &change, from).await?;
    let answer = serde_json::json!({ "token": opened.token() });
    Ok((opened.cookies(request.secure)?, Json(answer)).into_response())
}

async fn push(
    State(state): State<AppState>,
    Extension(kinds): Extension<Kinds>,
    viewer: Viewer,
    body: Result<Json<PushRequest>, JsonRejection>,
) -> Result<Json<PushResponse>, AppError> {
    let Json(request) = body.map_err(malformed)?;
    if request.protocol != PROTOCOL_VERSION {
        return Err(AppError::Invalid(words::unsupported_protocol(
            request.protocol,
        )));
    }
    if request.records.len() > MAX_BATCH {
        return Err(AppError::Invalid(words::batch_too_large(
            MAX_BATCH,
            request.records.len(),
        )));
    }
    crate::metrics::push_batch(request.records.len());
    let answered = store_batch(&state, kinds, &viewer, request.records).await?;
    // Counts only: a batch's contents are the grid's, not the log's.
    let count = |outcome: fn(&RecordOutcome) -> bool| {
        answered.iter().filter(|r| outcome(&r.outcome)).count()
    };
    tracing::info!(
        person = viewer.person_id(),
        records = answered.len(),
        accepted = count(|o| matches!(o, RecordOutcome::Accepted { .. })),
        rejected = count(|o| matches!(o, RecordOutcome::Rejected { .. })),
        conflicts = count(|o| matches!(o, RecordOutcome::Conflict { .. })),
        "sync push"
    );
    Ok(Json(PushResponse {
        protocol: PROTOCOL_VERSION,
        results: answered,
    }))
}

/// Answers every record of a batch, in the order sent: withdrawals first, then records
/// withdrawn before (answered so, whatever they say), then each kind in the registry's order,
/// so urgent ones are stored even if a later part fails.
async fn store_batch(
    state: &AppState,
    kinds: Kinds,
    viewer: &Viewer,
    mut records: Vec<RecordEnvelope>,
) -> Result<Vec<RecordResult>, ServerError> {
    let order: Vec<Uuid> = records.iter().map(|r| r.id).collect();
    let withdrawals: Vec<RecordEnvelope> = records.extract_if(.., |r| r.withdrawn).collect();
    let mut answered = withdrawal::apply(&state.db, kinds, viewer, withdrawals).await?;
    metrics::record_outcomes(metrics::WITHDRAWAL, &answered);
    let gone = withdrawal::tombstoned(&state.db, kinds, viewer, &records).await?;
    for kind in kinds {
        let withdrawn: Vec<RecordResult> = records
            .extract_if(.., |r| r.kind == kind.kind() && gone.contains(&r.id))
            .map(|r| withdrawal::gone(r.id))
            .collect();
        metrics::record_outcomes(kind.kind(), &withdrawn);
        answered.extend(withdrawn);
    }
    for kind in kinds {
        let own: Vec<RecordEnvelope> = records.extract_if(.., |r| r.kind == kind.kind()).collect();
        let results = kind.push(&state.db, viewer, own).await?;
        metrics::record_outcomes(kind.kind(), &results);
        answered.extend(results);
    }
    let unknown: Vec<RecordResult> = records
        .into_iter()
        .map(|r| RecordResult {
            id: r.id,
            outcome: RecordOutcome::Rejected {
                problems: vec![Problem::new("unknown_kind", None, words::UNKNOWN_KIND)],
            },
        })
        .collect();
    metrics::record_outcomes(metrics::UNKNOWN_KIND, &unknown);
    answered.extend(unknown);
    Ok(order
        .iter()
        .filter_map(|id| answered.iter().find(|r| r.id == *id).cloned())
        .collect())
}

/// Reads first, with the session, the last change committed ([`Head`]): a phone that holds the
/// current directory and profile and whose cursor is that change gets its answer from that
/// alone. Otherwise it
/// reads where every kind stands ([`Latest`]) and the person's grids, and queries only the kinds
/// that changed.
async fn pull(
    State(state): State<AppState>,
    Extension(kinds): Extension<Kinds>,
    signed_in: SignedIn<Head>,
    query: Result<Query<PullQuery>, QueryRejection>,
) -> Result<Json<PullResponse>, AppError> {
    let Query(query) =
        query.map_err(|r| AppError::Invalid(words::malformed_query(&r.body_text())))?;
    let person = signed_in.person_id();
    let holds = |held: &Option<String>, digest: &str| held.as_deref() == Some(digest);
    let head = signed_in.along();
    let digest = head.digest(person);
    if holds(&query.held, &digest) && Span::asked(query.after, head.committed).is_empty() {
        return Ok(Json(nothing_new(kinds, head.committed, digest)));
    }
    let latest = Latest::read(&state.db, kinds).await?;
    let span = Span::asked(query.after, latest.head.committed);
    let digest = latest.head.digest(person);
    let withdrawn = latest.withdrawn_in(span);
    let changed: Vec<&dyn KindStore> = (kinds.iter().enumerate())
        .filter(|(i, _)| latest.kind_changed(*i, span))
        .map(|(_, kind)| *kind)
        .collect();
    let held = holds(&query.held, &digest);
    let directory_held = holds(&query.directory, &digest);
    let mut answer = nothing_new(kinds, span.upto, digest);
    if held && !withdrawn && changed.is_empty() {
        return Ok(Json(answer));
    }
    let viewer = signed_in.viewer(&state.db, &state.grids).await?;
    if withdrawn {
        answer.withdrawn = withdrawal::withdrawn_in(&state.db, kinds, &viewer, span).await?;
    }
    for kind in changed {
        let records = kind.pull(&state.db, &viewer, span).await?;
        answer.records.insert(kind.pulled_as().to_owned(), records);
    }
    if !held {
        if !directory_held {
            answer.directory = Some(directory_for(&state.db, &viewer).await?);
        }
        answer.profile = Some(viewer.profile);
    }
    Ok(Json(answer))
}

/// An answer up to `cursor` with no records, withdrawals, directory or profile.
fn nothing_new(kinds: Kinds, cursor: i64, digest: String) -> PullResponse {
    PullResponse {
        protocol: PROTOCOL_VERSION,
        cursor,
        profile: None,
        directory: None,
        directory_digest: digest,
        withdrawn: Vec::new(),
        records: kinds
            .iter()
            .map(|kind| (kind.pulled_as().to_owned(), Vec::new()))
            .collect(),
    }
}
