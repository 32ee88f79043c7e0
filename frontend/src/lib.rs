//! The browser entry of the field app: hydrates the server-rendered page into the live app.
#![cfg(target_arch = "wasm32")]
#![recursion_limit = "256"]

use wasm_bindgen::prelude::wasm_bindgen;

/// Called by the script that `HydrationScripts` puts in every page.
#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}
