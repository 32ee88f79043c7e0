//! What can go wrong on the phone, as one type with the words shown to the user: the phone's
//! storage, the server's answer, a records file, or a step the user has yet to take.
use crate::error::AppError;
use crate::sync::outbox::StoreError;
use crate::sync::transfer::ImportError;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PhoneError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Server(#[from] AppError),
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error("请先登录")]
    NotLoggedIn,
    #[error("请先选择文件")]
    NoFileChosen,
    #[error("无法读取所选文件")]
    FileUnreadable,
    #[error("无法生成文件")]
    FileNotMade,
    /// A browser action reached on the server (never run there; rendered only).
    #[error("仅在浏览器中可用")]
    BrowserOnly,
}
