//! Sending the chosen file to the import route, and following a running import. Browser only;
//! the server renders the page but never runs its handlers, so it gets stand-ins.
use crate::admin::api::{ImportProgress, ImportReport};
use crate::error::AppError;
use uuid::Uuid;

#[cfg(feature = "hydrate")]
pub use browser::*;

#[cfg(feature = "hydrate")]
mod browser {
    use super::*;
    use crate::admin::api::{IMPORT_PATH, IMPORT_PROGRESS_PATH};
    use crate::sync::http::answer;
    use crate::sync::words;
    use gloo_net::http::Request;

    /// The bytes of the file chosen in `input`.
    pub async fn read_chosen_file(
        input: leptos::web_sys::HtmlInputElement,
    ) -> Result<Vec<u8>, AppError> {
        let file = input
            .files()
            .and_then(|files| files.get(0))
            .ok_or_else(|| AppError::Invalid(words::CHOOSE_FILE_FIRST.into()))?;
        let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
            .await
            .map_err(|_| AppError::Invalid(words::FILE_UNREADABLE.into()))?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }

    /// Sends the file for a preview (`apply == false`) or for import, followed as `job`.
    pub async fn send_file(
        layout: &str,
        apply: bool,
        job: Uuid,
        bytes: &[u8],
    ) -> Result<ImportReport, AppError> {
        let url = format!("{IMPORT_PATH}?layout={layout}&apply={apply}&job={job}");
        let request = Request::post(&url)
            .body(js_sys::Uint8Array::from(bytes))
            .map_err(|e| AppError::Network(e.to_string()))?;
        answer(request.send().await).await
    }

    /// How far `job` has come; `None` once it has ended.
    pub async fn progress(job: Uuid) -> Result<Option<ImportProgress>, AppError> {
        answer(
            Request::get(&format!("{IMPORT_PROGRESS_PATH}/{job}"))
                .send()
                .await,
        )
        .await
    }
}

#[cfg(not(feature = "hydrate"))]
pub async fn read_chosen_file(_: leptos::web_sys::HtmlInputElement) -> Result<Vec<u8>, AppError> {
    Err(AppError::internal())
}

#[cfg(not(feature = "hydrate"))]
pub async fn send_file(_: &str, _: bool, _: Uuid, _: &[u8]) -> Result<ImportReport, AppError> {
    Err(AppError::internal())
}

#[cfg(not(feature = "hydrate"))]
pub async fn progress(_: Uuid) -> Result<Option<ImportProgress>, AppError> {
    Err(AppError::internal())
}
