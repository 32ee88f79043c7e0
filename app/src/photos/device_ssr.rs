//! Server-side stand-ins: pictures are shrunk and kept only in the browser.
use crate::photos::photo_url;
use leptos::prelude::*;
use uuid::Uuid;

pub fn add_from(
    _: leptos::ev::Event,
    _: RwSignal<Vec<Uuid>>,
    _: RwSignal<bool>,
    _: RwSignal<Option<String>>,
) {
}

pub async fn source(id: Uuid) -> String {
    photo_url(id)
}
