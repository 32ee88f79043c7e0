//! Adding photos to a record on the phone, and showing a record's photos.
use super::device;
use super::words;
use crate::domain::photo::PHOTOS_MAX;
use leptos::prelude::*;
use uuid::Uuid;

/// A file input for pictures (the phone offers its camera too) and the photos added so far,
/// each removable.
#[component]
pub fn PhotoPicker(photos: RwSignal<Vec<Uuid>>) -> impl IntoView {
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    view! {
        <div class="photos">
            <label>
                {words::picker()}
                <input type="file" name="photos" accept="image/*" multiple
                    disabled=move || busy.get() || photos.with(|p| p.len() >= PHOTOS_MAX)
                    on:change=move |ev| device::add_from(ev, photos, busy, problem) />
            </label>
            <Show when=move || busy.get()>
                <p class="hint" role="status">{words::SHRINKING}</p>
            </Show>
            <Show when=move || problem.get().is_some()>
                <p class="field-error" role="alert">{move || problem.get().unwrap_or_default()}</p>
            </Show>
            <ul class="thumbs">
                <For each=move || photos.get() key=|id| *id let(id)>
                    <li>
                        <Thumb id />
                        <button type="button" class="button subtle"
                            on:click=move |_| photos.update(|p| p.retain(|x| *x != id))>{words::REMOVE}</button>
                    </li>
                </For>
            </ul>
        </div>
    }
}

/// A record's photos, read-only.
#[component]
pub fn PhotoThumbs(ids: Vec<Uuid>) -> impl IntoView {
    (!ids.is_empty()).then(|| {
        view! {
            <ul class="thumbs">
                {ids.into_iter().map(|id| view! { <li><Thumb id /></li> }).collect_view()}
            </ul>
        }
    })
}

#[component]
fn Thumb(id: Uuid) -> impl IntoView {
    let src = LocalResource::new(move || device::source(id));
    view! { <img class="thumb" alt=words::PHOTO src=move || src.get() /> }
}
