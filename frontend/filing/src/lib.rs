//! The filing entry: hydrates the forms used a few times a year (major events, annual plans).
//! A bundle of its own, so the capture screens every phone loads stay small; the service worker
//! precaches it, so these forms work offline too.
#![cfg(target_arch = "wasm32")]
#![recursion_limit = "256"]

use wasm_bindgen::prelude::wasm_bindgen;

/// Called by the script that `HydrationScripts` puts in every filing page.
#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::filing::FilingApp);
}
