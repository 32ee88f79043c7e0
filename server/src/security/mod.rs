//! The layer every request and answer passes through (applied in `startup`): state-changing
//! requests from other sites are refused, server functions read JSON only, axum's own refusals
//! answer in Chinese, and every answer carries the security headers with this request's CSP
//! nonce, which Leptos writes on its inline scripts.
mod headers;
mod origin;
mod rejections;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use leptos::nonce::Nonce;
use std::collections::HashSet;
use std::sync::Arc;

pub use headers::provide_request_nonce;

/// What the layer knows of the site.
#[derive(Clone)]
pub struct Guard {
    /// The origin browsers see behind a proxy (`STATGRID_PUBLIC_ORIGIN`); else the request's
    /// own host.
    public_origin: Option<Arc<str>>,
    /// The paths of the server functions (`/api/…`, not the `/api/v1/` routes).
    server_fns: Arc<HashSet<String>>,
    /// The office pages' routes: their HTML shows a township's or the city's data.
    office_pages: Arc<HashSet<String>>,
}

impl Guard {
    pub fn new(public_origin: Option<String>, office_pages: impl Iterator<Item = String>) -> Self {
        let server_fns = leptos::server_fn::axum::server_fn_paths()
            .map(|(path, _)| path.to_owned())
            .collect();
        Guard {
            public_origin: public_origin.map(Into::into),
            server_fns: Arc::new(server_fns),
            office_pages: Arc::new(office_pages.collect()),
        }
    }
}

/// Refuses what must not run, runs the rest, and dresses the answer.
pub async fn guard(State(guard): State<Guard>, mut request: Request, next: Next) -> Response {
    let server_fn = guard.server_fns.contains(request.uri().path());
    if let Err(refused) = origin::check(&request, guard.public_origin.as_deref(), server_fn) {
        return headers::dress(rejections::answer(refused, server_fn), None, true);
    }
    let private = request.uri().path().starts_with("/api/")
        || request
            .extensions()
            .get::<MatchedPath>()
            .is_some_and(|p| guard.office_pages.contains(p.as_str()));
    let nonce = Nonce::new();
    request.extensions_mut().insert(nonce.clone());
    let answer = rejections::in_chinese(next.run(request).await, server_fn).await;
    headers::dress(answer, Some(&nonce), private)
}
