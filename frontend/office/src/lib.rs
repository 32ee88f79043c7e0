//! The office entry: hydrates the server-rendered desk screens (township review, administration).
//! A bundle of its own, so the field app that phones download for capture carries none of this
//! code.
#![cfg(target_arch = "wasm32")]
#![recursion_limit = "256"]

use wasm_bindgen::prelude::wasm_bindgen;

/// Called by the script that `HydrationScripts` puts in every office page.
#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::office::OfficeApp);
}
