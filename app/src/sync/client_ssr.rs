//! Server-side stand-ins for the browser actions: event handlers never run on the server, but
//! the components that hold them are rendered there too.
use crate::auth::api::{Credentials, PasswordChange, Profile};
use crate::error::AppError;
use crate::layout::words::BROWSER_ONLY;
use crate::sync::outbox::{Choice, RecordDraft, StoreError};
use uuid::Uuid;

pub fn start() {}

pub fn sync_now() {}

pub fn activate_update() {}

pub fn install() {}

pub fn today() -> Option<time::Date> {
    None
}

pub async fn login(_: Credentials) -> Result<Profile, AppError> {
    Err(AppError::internal())
}

pub async fn logout() -> Result<(), AppError> {
    Err(AppError::internal())
}

pub async fn save_record(_: Option<Uuid>, _: RecordDraft) -> Result<(), StoreError> {
    Err(StoreError::Unavailable(BROWSER_ONLY.into()))
}

pub async fn resolve_conflict(_: Uuid, _: Choice) -> Result<(), StoreError> {
    Err(StoreError::Unavailable(BROWSER_ONLY.into()))
}

pub async fn change_password(_: PasswordChange) -> Result<(), AppError> {
    Err(AppError::internal())
}

pub async fn keep_photo(_: String) -> Result<Uuid, StoreError> {
    Err(StoreError::Unavailable(BROWSER_ONLY.into()))
}

pub async fn photo_data(_: Uuid) -> Option<String> {
    None
}

pub async fn withdraw_record(_: Uuid) -> Result<(), StoreError> {
    Err(StoreError::Unavailable(BROWSER_ONLY.into()))
}
