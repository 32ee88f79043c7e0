//! Errors as users and clients see them: one wire enum, shown in Chinese, that tells a client
//! whether trying again can help. Causes stay on the server: they are logged there, never sent.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", content = "detail", rename_all = "snake_case")]
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
    #[error("服务器暂时出错，请稍后再试")]
    Internal,
    #[error("无法连接服务器，请检查网络后重试")]
    Network(String),
}

impl AppError {
    /// Stable machine code, as documented in `docs/sync.md`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Unauthenticated => "unauthenticated",
            Self::BadCredentials => "bad_credentials",
            Self::Forbidden => "forbidden",
            Self::PasswordChangeRequired => "password_change_required",
            Self::Invalid(_) => "invalid",
            Self::Internal => "internal",
            Self::Network(_) => "network",
        }
    }

    /// Whether the same request may succeed later without the user changing anything.
    pub fn retryable(&self) -> bool {
        matches!(self, Self::Internal | Self::Network(_))
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
    type Encoder = leptos::server_fn::codec::JsonEncoding;

    fn from_server_fn_error(value: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        AppError::Network(value.to_string())
    }
}

#[cfg(feature = "ssr")]
pub use ssr::respond;

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
                Self::Internal | Self::Network(_) => StatusCode::INTERNAL_SERVER_ERROR,
            }
        }
    }

    /// A server function's result, with the error's HTTP status set on the response.
    pub fn respond<T>(result: Result<T, AppError>) -> Result<T, AppError> {
        if let Err(err) = &result
            && let Some(options) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
        {
            options.set_status(err.status());
        }
        result
    }

    /// The database's error is logged here, once, and never reaches the client.
    impl From<sea_orm::DbErr> for AppError {
        fn from(err: sea_orm::DbErr) -> Self {
            tracing::error!(error = %err, "database error");
            AppError::Internal
        }
    }

    impl axum::response::IntoResponse for AppError {
        fn into_response(self) -> axum::response::Response {
            let body = super::ErrorBody::from(&self);
            (self.status(), axum::Json(body)).into_response()
        }
    }
}
