//! What can go wrong on the phone, as one type with the words shown to the user: the phone's
//! storage, the server's answer, a records file, or a step the user has yet to take.
use crate::error::AppError;
use crate::layout::words as shared;
use crate::sync::outbox::StoreError;
use crate::sync::transfer::ImportError;
use crate::sync::words;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PhoneError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Server(#[from] AppError),
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error("{}", shared::SIGN_IN_FIRST)]
    NotLoggedIn,
    #[error("{}", words::CHOOSE_FILE_FIRST)]
    NoFileChosen,
    #[error("{}", words::FILE_UNREADABLE)]
    FileUnreadable,
    #[error("{}", words::FILE_NOT_MADE)]
    FileNotMade,
    /// A browser action reached on the server (never run there; rendered only).
    #[error("{}", shared::BROWSER_ONLY)]
    BrowserOnly,
}

/// The sync engine's split could not be fetched (offline before the service worker had it).
#[cfg(feature = "split-sync")]
impl From<leptos::wasm_split::SplitLoaderError> for PhoneError {
    fn from(e: leptos::wasm_split::SplitLoaderError) -> Self {
        PhoneError::Server(AppError::Network(e.to_string()))
    }
}
