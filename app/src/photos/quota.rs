//! How many photos one person may send: a rate per minute, a quota per rolling day and a
//! total kept, counted from the photo table itself so that every server agrees.
use super::words;
use crate::db::photo;
use crate::error::{AppError, ErrorBody, ErrorDetail};
use axum::Json;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
};

/// Photos one person may upload in a minute: a phone back online with a week of visits
/// (six photos at most each) sends them over a few minutes.
pub const PHOTOS_PER_MINUTE: u64 = 60;
/// Photos one person may upload in 24 hours.
pub const PHOTOS_PER_DAY: u64 = 300;
/// Photos one person may keep on the server (about 1.5 GB at 300 KB each).
pub const PHOTOS_KEPT_PER_PERSON: u64 = 5_000;

const MINUTE_MS: i64 = 60_000;
const DAY_MS: i64 = 86_400_000;

/// Why a photo request is refused, answered as the JSON API's error body.
#[derive(Debug)]
pub enum PhotoRefusal {
    /// Over a rate: 429, with the seconds to wait.
    TooMany { message: String, retry_after_s: u32 },
    /// Over the total kept: 413.
    TooMuchKept(String),
    /// The photo of a withdrawn record: 404.
    Gone,
    /// Any other refusal.
    App(AppError),
}

impl From<AppError> for PhotoRefusal {
    fn from(error: AppError) -> Self {
        Self::App(error)
    }
}

impl From<sea_orm::DbErr> for PhotoRefusal {
    fn from(error: sea_orm::DbErr) -> Self {
        Self::App(error.into())
    }
}

impl IntoResponse for PhotoRefusal {
    fn into_response(self) -> Response {
        let (status, code, message) = match self {
            Self::TooMany {
                message,
                retry_after_s,
            } => {
                let body = body("photo_rate_limited", message);
                let retry = [(header::RETRY_AFTER, retry_after_s.to_string())];
                return (StatusCode::TOO_MANY_REQUESTS, retry, body).into_response();
            }
            Self::TooMuchKept(message) => (StatusCode::PAYLOAD_TOO_LARGE, "photo_quota", message),
            Self::Gone => (StatusCode::NOT_FOUND, "photo_gone", words::GONE.to_owned()),
            Self::App(error) => return error.into_response(),
        };
        (status, body(code, message)).into_response()
    }
}

fn body(code: &str, message: String) -> Json<ErrorBody> {
    Json(ErrorBody {
        error: ErrorDetail {
            code: code.to_owned(),
            message,
        },
    })
}

/// Refuses one more upload by `person_id` at `now_ms` when it would pass a quota.
pub async fn check(
    db: &impl ConnectionTrait,
    person_id: i32,
    now_ms: i64,
) -> Result<(), PhotoRefusal> {
    let count = |since: Option<i64>| {
        let mine = photo::Entity::find()
            .select_only()
            .column(photo::Column::Id)
            .filter(photo::Column::PersonId.eq(person_id));
        let mine = match since {
            Some(since) => mine.filter(photo::Column::ReceivedAtMs.gt(since)),
            None => mine,
        };
        mine.count(db)
    };
    if count(Some(now_ms - MINUTE_MS)).await? >= PHOTOS_PER_MINUTE {
        return Err(PhotoRefusal::TooMany {
            message: words::too_fast(PHOTOS_PER_MINUTE),
            retry_after_s: 60,
        });
    }
    if count(Some(now_ms - DAY_MS)).await? >= PHOTOS_PER_DAY {
        return Err(PhotoRefusal::TooMany {
            message: words::too_many_today(PHOTOS_PER_DAY),
            retry_after_s: 3600,
        });
    }
    if count(None).await? >= PHOTOS_KEPT_PER_PERSON {
        return Err(PhotoRefusal::TooMuchKept(words::too_many_kept(
            PHOTOS_KEPT_PER_PERSON,
        )));
    }
    Ok(())
}
