//! Server-side stand-ins for the storage actions of the settings page (browser only).
use crate::sync::state::StorageReport;
use crate::sync::transfer::ImportSummary;

pub async fn storage_report() -> StorageReport {
    StorageReport::default()
}

pub async fn ask_persistence() -> Option<bool> {
    None
}

pub async fn export_unsynced() -> Result<usize, String> {
    Err("仅在浏览器中可用".into())
}

pub async fn import_file(_: leptos::web_sys::HtmlInputElement) -> Result<ImportSummary, String> {
    Err("仅在浏览器中可用".into())
}
