//! Evidence photos on the office page: shrunk as on the phone and uploaded at once (the page is
//! used online), their ids added to the closing.
use super::words;
use crate::domain::photo::PHOTOS_MAX;
use crate::photos::device::{chosen, shrink};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

/// The pictures chosen in the file input of `ev`, uploaded, their ids added to `photos` (up to
/// [`PHOTOS_MAX`]); `busy` meanwhile, `problem` says what went wrong.
pub fn upload_from(
    ev: leptos::ev::Event,
    photos: RwSignal<Vec<Uuid>>,
    busy: RwSignal<bool>,
    problem: RwSignal<Option<String>>,
) {
    let room = PHOTOS_MAX.saturating_sub(photos.with_untracked(Vec::len));
    let files = chosen(&ev);
    problem.set((files.len() > room).then(crate::photos::words::too_many));
    busy.set(true);
    spawn_local(async move {
        for file in files.into_iter().take(room) {
            let uploaded = match shrink(&file).await {
                Ok(data_url) => {
                    let id = Uuid::now_v7();
                    crate::sync::http::put_photo(id, &data_url)
                        .await
                        .map(|()| id)
                        .map_err(|e| format!("{}：{e}", words::UPLOAD_FAILED))
                }
                Err(e) => Err(e.to_string()),
            };
            match uploaded {
                Ok(id) => photos.update(|p| p.push(id)),
                Err(e) => problem.set(Some(e)),
            }
        }
        busy.set(false);
    });
}
