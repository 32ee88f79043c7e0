//! Photos on the phone: a chosen or taken picture shrunk to at most 300 KB (drawn smaller and
//! re-encoded as JPEG on a canvas), kept in IndexedDB, and read back for showing.
use crate::domain::photo::{PHOTO_MAX_BYTES, PHOTOS_MAX, SHRINK_STEPS, data_url_bytes, fitted};
use crate::photos::photo_url;
use crate::photos::words;
use crate::sync::client;
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CanvasRenderingContext2d, File, HtmlCanvasElement, HtmlInputElement, ImageBitmap};

/// Why a picture could not be kept.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub(crate) enum PhotoProblem {
    #[error("{}", words::UNREADABLE)]
    Unreadable,
    #[error("{}", words::too_large())]
    TooLarge,
    #[error("{0}")]
    Store(String),
}

/// The pictures chosen in the file input of `ev`, shrunk and kept, their ids added to `photos`
/// (up to [`PHOTOS_MAX`]). `busy` is set meanwhile; `problem` says what went wrong.
pub fn add_from(
    ev: leptos::ev::Event,
    photos: RwSignal<Vec<Uuid>>,
    busy: RwSignal<bool>,
    problem: RwSignal<Option<String>>,
) {
    let room = PHOTOS_MAX.saturating_sub(photos.with_untracked(Vec::len));
    let files = chosen(&ev);
    if files.len() > room {
        problem.set(Some(words::too_many()));
    } else {
        problem.set(None);
    }
    busy.set(true);
    spawn_local(async move {
        for file in files.into_iter().take(room) {
            match keep(&file).await {
                Ok(id) => photos.update(|p| p.push(id)),
                Err(e) => problem.set(Some(e.to_string())),
            }
        }
        busy.set(false);
    });
}

/// The files chosen in the file input of `ev`; the input is emptied, so the same picture may
/// be chosen again later.
pub(crate) fn chosen(ev: &leptos::ev::Event) -> Vec<File> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = input
        .files()
        .map(|list| (0..list.length()).filter_map(|i| list.item(i)).collect())
        .unwrap_or_default();
    input.set_value("");
    files
}

async fn keep(file: &File) -> Result<Uuid, PhotoProblem> {
    let data_url = shrink(file).await?;
    client::keep_photo(data_url)
        .await
        .map_err(|e| PhotoProblem::Store(e.to_string()))
}

/// The picture as a JPEG data URL of at most [`PHOTO_MAX_BYTES`], trying each of
/// [`SHRINK_STEPS`] in turn.
pub(crate) async fn shrink(file: &File) -> Result<String, PhotoProblem> {
    let unreadable = |_: JsValue| PhotoProblem::Unreadable;
    let bitmap: ImageBitmap = JsFuture::from(
        window()
            .create_image_bitmap_with_blob(file)
            .map_err(unreadable)?,
    )
    .await
    .map_err(unreadable)?
    .dyn_into()
    .map_err(|_| PhotoProblem::Unreadable)?;
    let canvas: HtmlCanvasElement = document()
        .create_element("canvas")
        .map_err(unreadable)?
        .dyn_into()
        .map_err(|_| PhotoProblem::Unreadable)?;
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(unreadable)?
        .ok_or(PhotoProblem::Unreadable)?
        .dyn_into()
        .map_err(|_| PhotoProblem::Unreadable)?;
    for (side, quality) in SHRINK_STEPS {
        let (width, height) = fitted(bitmap.width(), bitmap.height(), side);
        canvas.set_width(width);
        canvas.set_height(height);
        context
            .draw_image_with_image_bitmap_and_dw_and_dh(
                &bitmap,
                0.0,
                0.0,
                f64::from(width),
                f64::from(height),
            )
            .map_err(unreadable)?;
        let url = canvas
            .to_data_url_with_type_and_encoder_options("image/jpeg", &JsValue::from_f64(quality))
            .map_err(unreadable)?;
        if data_url_bytes(&url) <= PHOTO_MAX_BYTES {
            return Ok(url);
        }
    }
    Err(PhotoProblem::TooLarge)
}

/// Where to show a photo from: the phone's copy, or the server's when the phone has none
/// (a record pulled from the server).
pub async fn source(id: Uuid) -> String {
    client::photo_data(id)
        .await
        .unwrap_or_else(|| photo_url(id))
}
