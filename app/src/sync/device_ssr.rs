//! Server-side stand-ins for the storage actions of the settings page (browser only).
use crate::sync::error::PhoneError;
use crate::sync::state::StorageReport;
use crate::sync::transfer::ImportSummary;

pub async fn storage_report() -> StorageReport {
    StorageReport::default()
}

pub async fn ask_persistence() -> Option<bool> {
    None
}

pub async fn export_unsynced() -> Result<usize, PhoneError> {
    Err(PhoneError::BrowserOnly)
}

pub async fn import_file(
    _: leptos::web_sys::HtmlInputElement,
) -> Result<ImportSummary, PhoneError> {
    Err(PhoneError::BrowserOnly)
}
