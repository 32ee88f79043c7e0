//! Errors as users and clients see them: one wire enum, shown in Chinese, that tells a client
//! whether trying again can help. Causes stay on the server: they are logged there, never sent.
use crate::domain::tagged::{TagError, required, unknown};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(
    tag = "code",
    content = "detail",
    rename_all = "snake_case",
    try_from = "ErrorFields"
)]
pub enum AppError {
    #[error("登录已失效，请重新登录")]
    Unauthenticated,
    #[error("手机号或密码错误")]
    BadCredentials,
    #[error("您无权查看或修改这些数据")]
    Forbidden,
    #[error("请先修改密码：密码由管理员设置，需改为您自己的密码")]
    PasswordChangeRequired,
    #[error("{0}")]
    Invalid(String),
    /// Carries the id of the request it answered (`crate::request_id`), so that the user can
    /// quote it and the operator find the request's log lines.
    #[error("服务器暂时出错，请稍后再试{}", .0.as_deref().map(|id| format!("（编号 {id}）")).unwrap_or_default())]
    Internal(Option<String>),
    #[error("无法连接服务器，请检查网络后重试")]
    Network(String),
    /// The request could not be read as sent (its JSON, path or query), or asks for something
    /// out of range such as a month before 2020.
    #[error("{0}")]
    BadRequest(String),
    #[error("提交的内容过大，请减少后重试")]
    TooLarge,
    /// Not the content type the endpoint reads (a server function reads JSON only).
    #[error("请求的内容类型不受支持，请刷新页面后重试")]
    UnsupportedMediaType,
    #[error("不支持这种请求方式")]
    MethodNotAllowed,
    /// A state-changing request sent from another site's page.
    #[error("跨站请求已拒绝，请在统计网格的页面上操作")]
    CrossSite,
    /// Too many failed logins for the phone number or the client address: not before then.
    #[error("{}", crate::auth::words::too_many_attempts(*.retry_after_secs))]
    TooManyAttempts { retry_after_secs: u64 },
}

impl AppError {
    /// A form refused for each of `errors`, their words joined in form order.
    pub fn refused<E: std::fmt::Display>(errors: &[E]) -> Self {
        let words: Vec<String> = errors.iter().map(ToString::to_string).collect();
        Self::Invalid(words.join("；"))
    }

    /// Stable machine code, as documented in `docs/sync.md`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Unauthenticated => "unauthenticated",
            Self::BadCredentials => "bad_credentials",
            Self::Forbidden => "forbidden",
            Self::PasswordChangeRequired => "password_change_required",
            Self::Invalid(_) => "invalid",
            Self::Internal(_) => "internal",
            Self::Network(_) => "network",
            Self::BadRequest(_) => "bad_request",
            Self::TooLarge => "too_large",
            Self::UnsupportedMediaType => "unsupported_media_type",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::CrossSite => "cross_site",
            Self::TooManyAttempts { .. } => "too_many_attempts",
        }
    }

    /// Whether the same request may succeed later without the user changing anything.
    pub fn retryable(&self) -> bool {
        matches!(self, Self::Internal(_) | Self::Network(_))
    }

    /// The server's fault, naming the request being answered when there is one.
    pub fn internal() -> Self {
        Self::Internal(crate::request_id::current())
    }
}

/// An error's code and detail, read flat ([`crate::domain::tagged`]): the phone reads every
/// error answer through it. The detail is a text, none, or the wait of a refused login.
#[derive(Deserialize)]
struct ErrorFields {
    code: String,
    detail: Option<serde_json::Value>,
}

impl TryFrom<ErrorFields> for AppError {
    type Error = TagError;

    fn try_from(f: ErrorFields) -> Result<Self, TagError> {
        let tag = f.code.as_str();
        let text = f
            .detail
            .as_ref()
            .and_then(|d| d.as_str())
            .map(str::to_owned);
        Ok(match tag {
            "unauthenticated" => Self::Unauthenticated,
            "bad_credentials" => Self::BadCredentials,
            "forbidden" => Self::Forbidden,
            "password_change_required" => Self::PasswordChangeRequired,
            "invalid" => Self::Invalid(required(text, tag, "detail")?),
            "internal" => Self::Internal(text),
            "network" => Self::Network(required(text, tag, "detail")?),
            "bad_request" => Self::BadRequest(required(text, tag, "detail")?),
            "too_large" => Self::TooLarge,
            "unsupported_media_type" => Self::UnsupportedMediaType,
            "method_not_allowed" => Self::MethodNotAllowed,
            "cross_site" => Self::CrossSite,
            "too_many_attempts" => Self::TooManyAttempts {
                retry_after_secs: required(
                    f.detail
                        .as_ref()
                        .and_then(|d| d["retry_after_secs"].as_u64()),
                    tag,
                    "retry_after_secs",
                )?,
            },
            _ => return Err(unknown(tag)),
        })
    }
}

/// The body of every error answer of the JSON API: `{"error": {"code": …, "message": …}}`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ErrorDetail {
    pub code: String,
    pub message: String,
}

impl From<&AppError> for ErrorBody {
    fn from(err: &AppError) -> Self {
        ErrorBody {
            error: ErrorDetail {
                code: err.code().to_owned(),
                message: err.to_string(),
            },
        }
    }
}

impl leptos::server_fn::error::FromServerFnError for AppError {
    type Encoder = crate::server_codec::JsonTextEncoding;

    /// A request the server could not read is the caller's mistake (4xx), a request that never
    /// got an answer is the network's, anything else the server's.
    fn from_server_fn_error(value: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        use leptos::server_fn::error::ServerFnErrorErr as E;
        match value {
            E::Args(_) | E::MissingArg(_) | E::Deserialization(_) => {
                AppError::BadRequest("请求格式错误，请刷新页面后重试".into())
            }
            E::Request(cause) | E::Response(cause) => AppError::Network(cause),
            _ => AppError::internal(),
        }
    }
}

#[cfg(feature = "ssr")]
pub use ssr::{ServerError, respond};

#[cfg(feature = "ssr")]
mod ssr {
    use super::AppError;
    use axum::http::StatusCode;

    impl AppError {
        pub fn status(&self) -> StatusCode {
            match self {
                Self::Unauthenticated | Self::BadCredentials => StatusCode::UNAUTHORIZED,
                Self::Forbidden | Self::PasswordChangeRequired => StatusCode::FORBIDDEN,
                Self::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
                Self::Internal(_) | Self::Network(_) => StatusCode::INTERNAL_SERVER_ERROR,
                Self::BadRequest(_) => StatusCode::BAD_REQUEST,
                Self::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
                Self::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
                Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
                Self::CrossSite => StatusCode::FORBIDDEN,
                Self::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
            }
        }
    }

    /// A path, query or body the server could not read.
    const MALFORMED: &str = "请求的地址、参数或内容格式错误，请刷新页面后重试";
    /// A body of the right syntax without the expected fields.
    const UNREADABLE: &str = "请求内容不完整或格式不对，请刷新页面后重试";

    impl AppError {
        /// The refusal, in Chinese, that axum's own rejection with `status` stands for: its
        /// text is English and names Rust types.
        pub fn rejected(status: StatusCode) -> Option<AppError> {
            Some(match status {
                StatusCode::BAD_REQUEST => AppError::BadRequest(MALFORMED.into()),
                StatusCode::UNPROCESSABLE_ENTITY => AppError::Invalid(UNREADABLE.into()),
                StatusCode::METHOD_NOT_ALLOWED => AppError::MethodNotAllowed,
                StatusCode::PAYLOAD_TOO_LARGE => AppError::TooLarge,
                StatusCode::UNSUPPORTED_MEDIA_TYPE => AppError::UnsupportedMediaType,
                _ => return None,
            })
        }
    }

    /// axum's rejections of a body, a query or a path, for handlers that take them as
    /// `Result`s: the same Chinese answer as [`AppError::rejected`].
    macro_rules! from_rejection {
        ($($rejection:ty),*) => {$(
            impl From<$rejection> for AppError {
                fn from(rejection: $rejection) -> Self {
                    let status = rejection.status();
                    AppError::rejected(status).unwrap_or(AppError::BadRequest(MALFORMED.into()))
                }
            }
        )*};
    }
    from_rejection!(
        axum::extract::rejection::JsonRejection,
        axum::extract::rejection::QueryRejection,
        axum::extract::rejection::PathRejection
    );

    /// A server function's result, with the error's HTTP status set on the response.
    pub fn respond<T>(result: Result<T, AppError>) -> Result<T, AppError> {
        if let Err(err) = &result
            && let Some(options) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
        {
            options.set_status(err.status());
        }
        result
    }

    /// What went wrong inside the server, with its cause. It is logged once, where it becomes
    /// the wire's `Internal`, and never sent.
    #[derive(Debug, thiserror::Error)]
    pub enum ServerError {
        #[error("database, {context}: {source}")]
        Db {
            context: &'static str,
            #[source]
            source: sea_orm::DbErr,
        },
        #[error("JSON, {context}: {source}")]
        Json {
            context: &'static str,
            #[source]
            source: serde_json::Error,
        },
        /// A stored value the code cannot read back (a status code, a JSON column).
        #[error("stored data unreadable: {0}")]
        Corrupt(String),
        /// A refusal meant for the user, passed through unchanged.
        #[error(transparent)]
        Wire(AppError),
    }

    impl ServerError {
        /// The database error of a step named by `context`.
        pub fn db(context: &'static str) -> impl FnOnce(sea_orm::DbErr) -> ServerError {
            move |source| ServerError::Db { context, source }
        }

        /// The JSON error of a step named by `context`.
        pub fn json(context: &'static str) -> impl FnOnce(serde_json::Error) -> ServerError {
            move |source| ServerError::Json { context, source }
        }
    }

    impl From<sea_orm::DbErr> for ServerError {
        fn from(source: sea_orm::DbErr) -> Self {
            ServerError::Db {
                context: "query",
                source,
            }
        }
    }

    impl From<AppError> for ServerError {
        fn from(err: AppError) -> Self {
            ServerError::Wire(err)
        }
    }

    /// The one place a server error is logged.
    impl From<ServerError> for AppError {
        fn from(err: ServerError) -> Self {
            match err {
                ServerError::Wire(wire) => wire,
                cause => {
                    tracing::error!(error = %cause, "internal error");
                    AppError::internal()
                }
            }
        }
    }

    impl From<sea_orm::DbErr> for AppError {
        fn from(err: sea_orm::DbErr) -> Self {
            ServerError::from(err).into()
        }
    }

    impl axum::response::IntoResponse for AppError {
        fn into_response(self) -> axum::response::Response {
            let body = super::ErrorBody::from(&self);
            let mut response = (self.status(), axum::Json(body)).into_response();
            if let Self::TooManyAttempts { retry_after_secs } = self {
                response.headers_mut().insert(
                    axum::http::header::RETRY_AFTER,
                    axum::http::HeaderValue::from(retry_after_secs),
                );
            }
            response
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::AppError;

    #[test]
    fn every_error_reads_back_as_the_server_wrote_it() {
        let all = [
            AppError::Unauthenticated,
            AppError::BadCredentials,
            AppError::Forbidden,
            AppError::PasswordChangeRequired,
            AppError::Invalid("走访日期不能晚于今天".into()),
            AppError::Internal(Some("r-1".into())),
            AppError::Internal(None),
            AppError::Network("offline".into()),
            AppError::BadRequest("after".into()),
            AppError::TooLarge,
            AppError::UnsupportedMediaType,
            AppError::MethodNotAllowed,
            AppError::CrossSite,
            AppError::TooManyAttempts {
                retry_after_secs: 90,
            },
        ];
        for error in all {
            let text = serde_json::to_string(&error).unwrap();
            assert_eq!(
                serde_json::from_str::<AppError>(&text).unwrap(),
                error,
                "{text}"
            );
        }
        let text = serde_json::to_string(&AppError::Invalid("x".into())).unwrap();
        assert_eq!(text, r#"{"code":"invalid","detail":"x"}"#);
        assert!(serde_json::from_str::<AppError>(r#"{"code":"invalid"}"#).is_err());
        assert!(serde_json::from_str::<AppError>(r#"{"code":"gone"}"#).is_err());
    }
}
