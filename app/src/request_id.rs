//! The id of the request being answered: the server's access log (`server/src/access_log.rs`)
//! gives each request one, sends it as `x-request-id`, and logs it; an internal error carries
//! it to the user ([`crate::error::AppError::internal`]), who can quote it on the phone.

/// The response header that names the request.
pub const HEADER: &str = "x-request-id";

#[cfg(feature = "ssr")]
tokio::task_local! {
    /// Set around the answering of each request.
    pub static REQUEST_ID: String;
}

/// The id of the request this task is answering, if any (never in the browser).
pub fn current() -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        REQUEST_ID.try_with(Clone::clone).ok()
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}
