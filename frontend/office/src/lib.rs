//! The office entry: hydrates the server-rendered administration screens of the city bureau.
//! A bundle of its own, so neither the field app that phones download for capture nor the
//! township view carries this code.
#![cfg(target_arch = "wasm32")]
#![recursion_limit = "256"]

use wasm_bindgen::prelude::wasm_bindgen;

/// Called by the script that `HydrationScripts` puts in every office page.
#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::office::OfficeApp);
}
