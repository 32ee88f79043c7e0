//! Refusals in Chinese, in the shape the caller reads: a server function's error as its
//! client decodes it (the `AppError` itself), any other as the JSON API's `ErrorBody`. axum's
//! own refusals (a path, query or body it cannot read, a wrong method, a body too large) come
//! as English text; they are rewritten here, whatever handler they came from.
use app::error::AppError;
use axum::body::{Body, to_bytes};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use leptos::server_fn::error::SERVER_FN_ERROR_HEADER;

/// A server function's error body is one small JSON value.
const ERROR_BODY_LIMIT: usize = 64 * 1024;

/// The answer refusing a request with `err`.
pub fn answer(err: AppError, server_fn: bool) -> Response {
    if !server_fn {
        return err.into_response();
    }
    let body = serde_json::to_vec(&err).unwrap_or_default();
    (
        err.status(),
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response()
}

/// The answer with a refusal axum wrote in English rewritten in Chinese, and a server
/// function's error given its own status (server_fn answers 500 to arguments it cannot read).
pub async fn in_chinese(answer: Response, server_fn: bool) -> Response {
    if answer.status() == StatusCode::INTERNAL_SERVER_ERROR
        && answer.headers().contains_key(SERVER_FN_ERROR_HEADER)
    {
        return with_its_status(answer).await;
    }
    let Some(refusal) = AppError::rejected(answer.status()) else {
        return answer;
    };
    let json = answer
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("application/json"));
    if json {
        return answer;
    }
    let mut rewritten = self::answer(refusal, server_fn);
    if let Some(allow) = answer.headers().get(header::ALLOW) {
        rewritten.headers_mut().insert(header::ALLOW, allow.clone());
    }
    rewritten
}

async fn with_its_status(answer: Response) -> Response {
    let (mut parts, body) = answer.into_parts();
    let Ok(bytes) = to_bytes(body, ERROR_BODY_LIMIT).await else {
        return AppError::internal().into_response();
    };
    if let Ok(err) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = err.status();
    }
    parts.headers.insert(
        header::CONTENT_LENGTH,
        HeaderValue::from(bytes.len() as u64),
    );
    Response::from_parts(parts, Body::from(bytes))
}
