//! The township entry: hydrates the server-rendered township view (reviews, assessment, funds,
//! a unit's evaluation tasks), which leaders open on their phones. A bundle of its own, so it
//! carries neither the field app nor the city's administration.
#![cfg(target_arch = "wasm32")]
#![recursion_limit = "256"]

use wasm_bindgen::prelude::wasm_bindgen;

/// Called by the script that `HydrationScripts` puts in every township page.
#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::office::TownshipApp);
}
