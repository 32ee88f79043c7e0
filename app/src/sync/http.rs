//! The JSON API as the browser calls it; the session cookie rides along.
use crate::auth::api::{Credentials, LoginAnswer, PasswordChange};
use crate::duties::api::{DUTIES_PATH, DutyList};
use crate::error::{AppError, ErrorBody};
use crate::sync::api::{
    LOGIN_PATH, LOGOUT_PATH, PASSWORD_PATH, PROTOCOL_VERSION, PULL_PATH, PUSH_PATH, PullResponse,
    PushRequest, PushResponse, RecordEnvelope, RecordResult,
};
use crate::sync::engine::Transport;
use crate::sync::outbox::StoredPhoto;
use crate::sync::words;
use gloo_net::http::{Request, Response};
use serde::de::DeserializeOwned;

/// The body of a good answer, or the error the server sent, as an [`AppError`].
pub(crate) async fn answer<T: DeserializeOwned>(
    sent: Result<Response, gloo_net::Error>,
) -> Result<T, AppError> {
    let response = sent.map_err(|e| AppError::Network(e.to_string()))?;
    if response.ok() {
        return response
            .json::<T>()
            .await
            .map_err(|e| AppError::Network(e.to_string()));
    }
    if response.status() == 401 {
        let body = response.json::<ErrorBody>().await.ok();
        return Err(match body.map(|b| b.error.code) {
            Some(code) if code == "bad_credentials" => AppError::BadCredentials,
            _ => AppError::Unauthenticated,
        });
    }
    let status = response.status();
    let request = response.headers().get(crate::request_id::HEADER);
    let body = response.json::<ErrorBody>().await;
    if status == 403 {
        return Err(match body.map(|b| b.error.code) {
            Ok(code) if code == "password_change_required" => AppError::PasswordChangeRequired,
            _ => AppError::Forbidden,
        });
    }
    match body {
        Ok(body) if (400..500).contains(&status) => Err(AppError::Invalid(body.error.message)),
        _ => Err(AppError::Internal(request)),
    }
}

pub async fn login(creds: &Credentials) -> Result<LoginAnswer, AppError> {
    let request = Request::post(LOGIN_PATH)
        .json(creds)
        .map_err(|e| AppError::Network(e.to_string()))?;
    answer(request.send().await).await
}

pub async fn logout() -> Result<serde_json::Value, AppError> {
    answer(Request::post(LOGOUT_PATH).send().await).await
}

/// The office pages' sign-out: their session only (`LogoutQuery`).
pub async fn logout_office() -> Result<serde_json::Value, AppError> {
    let url = format!("{LOGOUT_PATH}?office=true");
    answer(Request::post(&url).send().await).await
}

pub async fn change_password(change: &PasswordChange) -> Result<serde_json::Value, AppError> {
    let request = Request::post(PASSWORD_PATH)
        .json(change)
        .map_err(|e| AppError::Network(e.to_string()))?;
    answer(request.send().await).await
}

pub async fn duties() -> Result<DutyList, AppError> {
    answer(Request::get(DUTIES_PATH).send().await).await
}

/// Sync over the network.
pub struct Http;

impl Transport for Http {
    async fn push(&self, records: Vec<RecordEnvelope>) -> Result<Vec<RecordResult>, AppError> {
        let body = PushRequest {
            protocol: PROTOCOL_VERSION,
            records,
        };
        let request = Request::post(PUSH_PATH)
            .json(&body)
            .map_err(|e| AppError::Network(e.to_string()))?;
        let response: PushResponse = answer(request.send().await).await?;
        Ok(response.results)
    }

    /// The directory comes only when it differs from the one `held` names.
    async fn pull(&self, after: i64, held: Option<String>) -> Result<PullResponse, AppError> {
        let held = held.map_or_else(String::new, |d| format!("&held={d}"));
        let url = format!("{PULL_PATH}?after={after}{held}");
        answer(Request::get(&url).send().await).await
    }

    async fn upload_photo(&self, photo: &StoredPhoto) -> Result<(), AppError> {
        put_photo(photo.id, &photo.data_url).await
    }
}

/// Uploads the JPEG of `data_url` as photo `id`.
pub(crate) async fn put_photo(id: uuid::Uuid, data_url: &str) -> Result<(), AppError> {
    let bytes =
        jpeg_bytes(data_url).ok_or_else(|| AppError::Invalid(words::PHOTO_BROKEN.into()))?;
    let sent = Request::put(&crate::photos::photo_url(id))
        .header("Content-Type", "image/jpeg")
        .body(js_sys::Uint8Array::from(bytes.as_slice()))
        .map_err(|e| AppError::Network(e.to_string()))?
        .send()
        .await;
    match sent {
        Ok(response) if response.ok() => Ok(()),
        other => answer::<serde_json::Value>(other).await.map(|_| ()),
    }
}

/// The bytes of a `data:image/jpeg;base64,…` URL, decoded by the browser's `atob`.
fn jpeg_bytes(data_url: &str) -> Option<Vec<u8>> {
    let (_, encoded) = data_url.split_once(";base64,")?;
    let decoded = web_sys::window()?.atob(encoded).ok()?;
    // `atob` gives one character per byte, each below 256.
    decoded
        .chars()
        .map(|c| u8::try_from(u32::from(c)).ok())
        .collect()
}
