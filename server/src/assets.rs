//! The service worker script, made from `sw.template.js` with this build's version and asset
//! list. The version is a hash of the bundle, so a new build changes the worker's bytes and the
//! browser installs it as an update.
use sha2::{Digest, Sha256};
use std::path::Path;

/// What the worker precaches besides the app-shell pages it lists itself.
const PRECACHE: [&str; 7] = [
    "/pkg/statgrid.js",
    "/pkg/statgrid_bg.wasm",
    "/pkg/statgrid.css",
    "/manifest.webmanifest",
    "/icons/icon-192.png",
    "/icons/icon-512.png",
    "/icons/maskable-512.png",
];

/// The worker's script, or `None` when the site has no built bundle (API-only tests).
pub fn service_worker(site_root: &Path) -> Option<String> {
    let template = std::fs::read_to_string(site_root.join("sw.template.js")).ok()?;
    let mut hasher = Sha256::new();
    for asset in PRECACHE {
        let bytes = std::fs::read(site_root.join(asset.trim_start_matches('/'))).ok()?;
        hasher.update(&bytes);
    }
    let version = hex::encode(&hasher.finalize()[..8]);
    let assets = serde_json::to_string(&PRECACHE).ok()?;
    Some(
        template
            .replace("__STATGRID_VERSION__", &version)
            .replace("__STATGRID_ASSETS__", &assets),
    )
}
