//! The phone's storage as the settings page shows it: whether the browser keeps it for good,
//! how full it is, and the unsynced records written to a file and read back.
use crate::sync::client;
use crate::sync::error::PhoneError;
use crate::sync::outbox::{OutboxStore, PhotoStore};
use crate::sync::state::StorageReport;
use crate::sync::transfer::{self, ImportSummary};
use crate::sync::words;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

async fn bool_of(promise: Result<js_sys::Promise, wasm_bindgen::JsValue>) -> Option<bool> {
    JsFuture::from(promise.ok()?).await.ok()?.as_bool()
}

pub async fn storage_report() -> StorageReport {
    let storage = window().navigator().storage();
    let persisted = bool_of(storage.persisted()).await;
    let usage = match storage.estimate() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .map(|e| e.unchecked_into::<web_sys::StorageEstimate>())
            .and_then(|e| Some((e.get_usage()?, e.get_quota()?))),
        Err(_) => None,
    };
    StorageReport { persisted, usage }
}

/// Asks again for storage the browser does not clear under pressure; the answer.
pub async fn ask_persistence() -> Option<bool> {
    bool_of(window().navigator().storage().persist()).await
}

/// Offers the person's unsynced records, with their photos, as a file download; how many
/// records it holds.
pub async fn export_unsynced() -> Result<usize, PhoneError> {
    let state = client::state();
    let person_id = state
        .profile
        .with_untracked(|p| p.as_ref().map(|p| p.person_id))
        .ok_or(PhoneError::NotLoggedIn)?;
    let now = js_sys::Date::now() as i64;
    let records = state.records.get_untracked();
    let store = client::outbox().await?;
    let mut photos = Vec::new();
    for id in transfer::photo_ids(&transfer::unsynced(&records, person_id)) {
        if let Some(photo) = store.photo(id).await? {
            photos.push(photo);
        }
    }
    let file = transfer::export(&records, photos, person_id, now);
    let count = file.records.len();
    let text = serde_json::to_string(&file).map_err(|_| PhoneError::FileNotMade)?;
    let failed = |_| PhoneError::FileNotMade;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let parts = js_sys::Array::of1(&text.into());
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let link: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(failed)?
        .unchecked_into();
    link.set_href(&url);
    let stamp = crate::domain::period::format_shanghai_minute(now).replace([' ', ':'], "-");
    link.set_download(&words::records_file_name(&stamp));
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(count)
}

/// Reads a file chosen in `input` into the outbox; what it added. Every record is durably
/// written before this returns.
pub async fn import_file(input: web_sys::HtmlInputElement) -> Result<ImportSummary, PhoneError> {
    let state = client::state();
    let person_id = state
        .profile
        .with_untracked(|p| p.as_ref().map(|p| p.person_id))
        .ok_or(PhoneError::NotLoggedIn)?;
    let file = input
        .files()
        .and_then(|files| files.get(0))
        .ok_or(PhoneError::NoFileChosen)?;
    let text = JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or(PhoneError::FileUnreadable)?;
    let local = state.records.get_untracked();
    let transfer::Import {
        records,
        photos,
        summary,
    } = transfer::import(&text, &local, person_id)?;
    let store = client::outbox().await?;
    // Photos first: a record is never on the phone without the photos it lists.
    for photo in &photos {
        store.put_photo(photo).await?;
    }
    store.put_all(&records).await?;
    client::sync_after_change();
    Ok(summary)
}
