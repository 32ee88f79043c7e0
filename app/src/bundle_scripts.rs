//! The `<head>` tags that load and start one bundle. Leptos' `HydrationScripts` remembers the
//! first bundle name a process renders and writes it into every page after, and StatGrid
//! serves four bundles from one server, so each document names its own here.

use leptos::nonce::use_nonce;
use leptos::prelude::*;

/// Preloads `/pkg/{bundle}.js` and its wasm, then starts the bundle's `hydrate`.
#[component]
pub fn BundleScripts(bundle: &'static str) -> impl IntoView {
    let js = format!("/pkg/{bundle}.js");
    let wasm = format!("/pkg/{bundle}_bg.wasm");
    let start = format!(
        "import({js:?}).then(m => m.default({{module_or_path: {wasm:?}}}).then(() => m.hydrate()));"
    );
    let nonce = use_nonce();
    view! {
        <link rel="modulepreload" href=js crossorigin=nonce.clone() />
        <link rel="preload" href=wasm r#as="fetch" r#type="application/wasm" crossorigin="" />
        <script type="module" nonce=nonce>{start}</script>
    }
}
