//! One JSON log line per request (method, path, status, milliseconds) under an id that is
//! also sent as `x-request-id` and carried by an internal error to the user, so that a user
//! can quote it on the phone and the operator find its lines. The query string is left out:
//! it is the client's, not the log's. The same answer is counted for the metrics.
use app::request_id::{HEADER, REQUEST_ID};
use axum::extract::{MatchedPath, Request};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use std::time::Instant;
use tracing::Instrument;

pub async fn access_log(request: Request, next: Next) -> Response {
    let id = new_id();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|r| r.as_str().to_owned());
    let started = Instant::now();
    let span = tracing::info_span!("request", request_id = %id);
    let mut response = REQUEST_ID
        .scope(id.clone(), next.run(request).instrument(span))
        .await;
    let status = response.status().as_u16();
    let seconds = started.elapsed().as_secs_f64();
    crate::metrics::request(&method, route.as_deref(), status, seconds);
    let ms = (seconds * 10_000.0).round() / 10.0;
    if status >= 500 {
        tracing::error!(request_id = %id, %method, %path, status, ms, "request");
    } else {
        tracing::info!(request_id = %id, %method, %path, status, ms, "request");
    }
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(HEADER, value);
    }
    response
}

/// Eight hexadecimal digits: short enough to read out on the phone, random enough not to
/// repeat within the hours a user's call is about (32 random bits of a v7 UUID).
fn new_id() -> String {
    let id = uuid::Uuid::now_v7().simple().to_string();
    id[id.len() - 8..].to_owned()
}
