//! Parts of the field app drawn only in the browser, once the phone's records are read: with
//! `split-pages` each is a `#[lazy]` split of its own (`scripts/wasm-bundle.sh`), out of the first
//! load, fetched when first drawn and precached by the service worker.
use super::words;
use leptos::prelude::*;

/// A split's code could not be fetched (offline before the service worker had it).
pub struct Unavailable;

#[cfg(feature = "split-pages")]
impl From<leptos::wasm_split::SplitLoaderError> for Unavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unavailable
    }
}

/// What `part` draws once its split is fetched, or the reason it cannot be shown: as a list's
/// line when the part is one.
pub fn drawn(
    part: impl Future<Output = Result<AnyView, Unavailable>> + Send + 'static,
    list_line: bool,
) -> impl IntoView {
    Suspend::new(async move {
        part.await.unwrap_or_else(|Unavailable| {
            if list_line {
                view! { <li class="error">{words::PART_NOT_LOADED}</li> }.into_any()
            } else {
                view! { <p class="error">{words::PART_NOT_LOADED}</p> }.into_any()
            }
        })
    })
}
