//! The administration entry: hydrates the server-rendered administration screens. A bundle
//! of its own, so the field app that phones download carries none of this code.
#![cfg(target_arch = "wasm32")]
#![recursion_limit = "256"]

use wasm_bindgen::prelude::wasm_bindgen;

/// Called by the script that `HydrationScripts` puts in every administration page.
#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::admin::components::AdminApp);
}
