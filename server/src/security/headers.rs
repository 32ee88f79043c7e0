//! The security headers of every answer, and the CSP nonce Leptos writes on its inline
//! scripts. A page the service worker keeps for offline use keeps its header with it, so the
//! nonce in its HTML still matches when it is served from the cache.
use axum::http::{HeaderValue, header};
use axum::response::Response;
use leptos::nonce::Nonce;
use leptos::prelude::{provide_context, use_context};

/// The policy, with `{nonce}` for the request's nonce. Photos are shown from `blob:` URLs on
/// the phone before they are uploaded; the bundles are WebAssembly.
const POLICY: &str = "default-src 'self'; script-src 'self'{nonce} 'wasm-unsafe-eval'; \
     style-src 'self'{nonce}; img-src 'self' blob: data:; connect-src 'self'; \
     worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; \
     frame-ancestors 'none'; form-action 'self'";

/// `answer` with the security headers; `private` answers (the JSON API, server functions,
/// exports, the office pages) are not to be stored by any cache, unless their handler said
/// otherwise.
pub fn dress(mut answer: Response, nonce: Option<&Nonce>, private: bool) -> Response {
    let nonce = nonce.map(|n| format!(" 'nonce-{n}'")).unwrap_or_default();
    let policy = POLICY.replace("{nonce}", &nonce);
    let headers = answer.headers_mut();
    if let Ok(policy) = HeaderValue::from_str(&policy) {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    if private && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    answer
}

/// Hands Leptos the nonce of this request's CSP header (put in the request by the layer), in
/// place of the one leptos_axum made, so that its inline scripts carry the one the header
/// allows. Called where each app's context is provided.
pub fn provide_request_nonce() {
    let nonce = use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Nonce>().cloned());
    if let Some(nonce) = nonce {
        provide_context(nonce);
    }
}
