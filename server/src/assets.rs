//! The service worker script, made from `sw.template.js` with this build's version and asset
//! list. The version is a hash of the bundle, so a new build changes the worker's bytes and the
//! browser installs it as an update. It follows the files on disk: a site replaced under a
//! running server gets a new worker at once, never an old worker's cache for new pages.
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

/// What the worker precaches besides the app-shell pages it lists itself.
const PRECACHE: [&str; 10] = [
    "/pkg/statgrid.js",
    "/pkg/statgrid_bg.wasm",
    "/pkg/statgrid_filing.js",
    "/pkg/statgrid_filing_bg.wasm",
    "/pkg/statgrid.css",
    "/manifest.webmanifest",
    "/offline.css",
    "/icons/icon-192.png",
    "/icons/icon-512.png",
    "/icons/maskable-512.png",
];

/// The folders of the precached bundles' splits (`scripts/wasm-bundle.sh`: the `#[lazy]`
/// functions and their loader), precached whole: a sync run offline finds the sync engine, and
/// the worker's version covers them, so one cache never holds two builds' pieces.
const SPLITS: [&str; 2] = ["/pkg/statgrid.split", "/pkg/statgrid_filing.split"];

/// Every file the worker precaches besides the shells: the fixed ones, then what the split
/// folders hold (not the compressed copies: the server picks those by the request).
fn precached(site_root: &Path) -> Vec<String> {
    let mut files: Vec<String> = PRECACHE.iter().map(|f| f.to_string()).collect();
    for dir in SPLITS {
        let Ok(entries) = std::fs::read_dir(site_root.join(dir.trim_start_matches('/'))) else {
            continue;
        };
        let mut pieces: Vec<String> = entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|name| name.ends_with(".wasm") || name.ends_with(".js"))
            .map(|name| format!("{dir}/{name}"))
            .collect();
        pieces.sort();
        files.extend(pieces);
    }
    files
}

/// The worker's script, or `None` when the site has no built bundle (API-only tests).
fn service_worker(site_root: &Path, files: &[String]) -> Option<String> {
    let template = std::fs::read_to_string(site_root.join("sw.template.js")).ok()?;
    let mut hasher = Sha256::new();
    for asset in files {
        let bytes = std::fs::read(site_root.join(asset.trim_start_matches('/'))).ok()?;
        hasher.update(&bytes);
    }
    let version = hex::encode(&hasher.finalize()[..8]);
    let assets = serde_json::to_string(files).ok()?;
    let forms = serde_json::to_string(app::kinds::FILING_FORMS).ok()?;
    Some(
        template
            .replace("__STATGRID_VERSION__", &version)
            .replace("__STATGRID_ASSETS__", &assets)
            .replace("__STATGRID_FILING_FORMS__", &forms),
    )
}

/// The files a script was made from, with their change times and sizes (the size too, since a
/// quick rewrite may keep the coarse change time).
type Stamps = Vec<(String, Option<(SystemTime, u64)>)>;

/// The worker script of the site in `site_root`, made again when a file it covers changes.
pub struct ServiceWorker {
    site_root: PathBuf,
    /// The files' change times and the script made from them.
    made: Mutex<Option<(Stamps, Option<String>)>>,
}

impl ServiceWorker {
    pub fn new(site_root: &Path) -> Self {
        ServiceWorker {
            site_root: site_root.to_owned(),
            made: Mutex::new(None),
        }
    }

    /// The current script, or `None` when the site has no built bundle.
    pub fn script(&self) -> Option<String> {
        let files = precached(&self.site_root);
        let stamps: Stamps = std::iter::once("/sw.template.js")
            .chain(files.iter().map(String::as_str))
            .map(|f| {
                let path = self.site_root.join(f.trim_start_matches('/'));
                let stamp = std::fs::metadata(path)
                    .ok()
                    .and_then(|meta| Some((meta.modified().ok()?, meta.len())));
                (f.to_owned(), stamp)
            })
            .collect();
        let mut made = self
            .made
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match made.as_ref() {
            Some((seen, script)) if *seen == stamps => script.clone(),
            _ => {
                let script = service_worker(&self.site_root, &files);
                *made = Some((stamps, script.clone()));
                script
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_site_replaced_under_the_server_gets_a_new_worker() {
        let site = std::env::temp_dir().join(format!("statgrid-sw-{}", std::process::id()));
        for file in PRECACHE {
            let path = site.join(file.trim_start_matches('/'));
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, file).unwrap();
        }
        std::fs::write(
            site.join("sw.template.js"),
            "const CACHE = 'statgrid-__STATGRID_VERSION__'; const ASSETS = __STATGRID_ASSETS__; \
             const FORMS = __STATGRID_FILING_FORMS__;",
        )
        .unwrap();
        let worker = ServiceWorker::new(&site);
        let first = worker.script().unwrap();
        assert!(first.contains("/pkg/statgrid_bg.wasm"), "{first}");
        // The filing forms come from the kinds' registry, so a new kind's form works offline.
        assert!(first.contains(r#"FORMS = ["/activities/new","#), "{first}");
        for form in ["/meetings/new", "/progress/new"] {
            assert!(first.contains(&format!("\"{form}\"")), "{form} in {first}");
        }
        assert_eq!(
            worker.script().unwrap(),
            first,
            "unchanged files, same worker"
        );

        std::fs::write(site.join("pkg/statgrid_bg.wasm"), "a new build").unwrap();
        let second = worker.script().unwrap();
        assert_ne!(second, first, "a new bundle, a new worker version");

        // A split bundle's pieces are precached, and a new piece is a new version.
        let split = site.join("pkg/statgrid.split");
        std::fs::create_dir_all(&split).unwrap();
        std::fs::write(split.join("__wasm_split.js"), "loader").unwrap();
        std::fs::write(split.join("split_run_sync.wasm"), "sync engine").unwrap();
        std::fs::write(split.join("split_run_sync.wasm.br"), "compressed").unwrap();
        let third = worker.script().unwrap();
        for piece in ["__wasm_split.js", "split_run_sync.wasm"] {
            assert!(
                third.contains(&format!("\"/pkg/statgrid.split/{piece}\"")),
                "{third}"
            );
        }
        assert!(
            !third.contains(".br\""),
            "compressed copies are not precached: {third}"
        );
        assert_ne!(third, second, "new pieces, a new worker version");
        std::fs::write(split.join("split_run_sync.wasm"), "another sync engine!").unwrap();
        assert_ne!(
            worker.script().unwrap(),
            third,
            "a changed piece, a new worker version"
        );

        std::fs::remove_dir_all(site.join("pkg")).unwrap();
        assert_eq!(worker.script(), None, "no bundle, no worker");
        std::fs::remove_dir_all(&site).unwrap();
    }
}
