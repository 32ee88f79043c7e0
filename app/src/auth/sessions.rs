//! 登录设备: a person's own sessions, and ending them (one, or all but this device's); and
//! whether the request holds an office session, for the office pages to ask the password
//! when it does not. Any session of the person may list and end their sessions, so a phone
//! reaches the list too.
use crate::domain::session_policy::SessionKind;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One session of the person, as the list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionEntry {
    /// Names the session for [`end_session`]: the hash of its token (which opens nothing).
    pub handle: String,
    pub kind: SessionKind,
    /// "Android · Chrome"; empty when the browser was not recognised.
    pub device: String,
    pub signed_in_ms: i64,
    pub last_active_ms: i64,
    /// A session this browser holds.
    pub this_device: bool,
}

/// The person's sessions, newest first.
#[server(endpoint = "sessions", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn my_sessions() -> Result<Vec<SessionEntry>, AppError> {
    crate::error::respond(ssr::list().await)
}

/// Ends one of the person's sessions.
#[server(endpoint = "session_end", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn end_session(handle: String) -> Result<(), AppError> {
    crate::error::respond(ssr::end_one(handle).await)
}

/// 退出其他设备: ends every session of the person but this browser's; answers how many ended.
#[server(endpoint = "sessions_end_others", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn end_other_sessions() -> Result<u64, AppError> {
    crate::error::respond(ssr::end_others().await)
}

/// What an office page finds at its door: an answer, not a refusal, so that the page keeps
/// its own status (the import form's shell holds no one's data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OfficeDoor {
    /// A usable office session, of the person named: the page opens.
    Open { name: String },
    /// None, or it timed out: the password is asked.
    AskPassword,
    /// Signed in on the phone, without office pages: the password would not help.
    NotOffered,
}

#[server(endpoint = "office_door", input = leptos::server_fn::codec::Json, output = crate::server_codec::JsonText)]
pub async fn check_office_door() -> Result<OfficeDoor, AppError> {
    match crate::auth::ssr::Viewer::current().await {
        Ok((viewer, _)) => Ok(OfficeDoor::Open {
            name: viewer.profile.name,
        }),
        Err(AppError::Unauthenticated) => Ok(OfficeDoor::AskPassword),
        Err(AppError::Forbidden) => Ok(OfficeDoor::NotOffered),
        Err(e) => crate::error::respond(Err(e)),
    }
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::SessionEntry;
    use crate::auth::rotation::carried;
    use crate::auth::session::{self, Need, SessionRequest};
    use crate::db::session as row;
    use crate::domain::session_policy::SessionKind;
    use crate::error::AppError;
    use crate::state::AppState;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

    /// The person behind the request (any usable session), this browser's session hashes,
    /// and the state.
    async fn me() -> Result<(i32, Vec<String>, AppState), AppError> {
        let state = crate::state::app_state()?;
        let parts = leptos::prelude::use_context::<axum::http::request::Parts>()
            .ok_or_else(AppError::internal)?;
        let request = SessionRequest::new(&parts.headers, state.secure_cookies);
        let now_ms = state.clock.now_ms();
        let person = session::resolve(&state.db, now_ms, &request, Need::Any)
            .await?
            .ok_or(AppError::Unauthenticated)?
            .1
            .id;
        let mine = carried(&state.db, &request, now_ms)
            .await?
            .into_iter()
            .filter(|s| s.person_id == person)
            .map(|s| s.token_hash)
            .collect();
        Ok((person, mine, state))
    }

    pub async fn list() -> Result<Vec<SessionEntry>, AppError> {
        let (person, mine, state) = me().await?;
        let now_ms = state.clock.now_ms();
        let rows = row::Entity::find()
            .filter(row::Column::PersonId.eq(person))
            .filter(row::Column::ExpiresAtMs.gt(now_ms))
            .order_by_desc(row::Column::CreatedAtMs)
            .all(&state.db)
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|s| {
                Some(SessionEntry {
                    kind: SessionKind::from_code(&s.kind)?,
                    this_device: mine.contains(&s.token_hash),
                    handle: s.token_hash,
                    device: s.device,
                    signed_in_ms: s.created_at_ms,
                    last_active_ms: s.last_seen_ms,
                })
            })
            .collect())
    }

    pub async fn end_one(handle: String) -> Result<(), AppError> {
        let (person, _, state) = me().await?;
        row::Entity::delete_many()
            .filter(row::Column::PersonId.eq(person))
            .filter(row::Column::TokenHash.eq(handle))
            .exec(&state.db)
            .await?;
        Ok(())
    }

    pub async fn end_others() -> Result<u64, AppError> {
        let (person, mine, state) = me().await?;
        session::end_others(&state.db, person, mine).await
    }
}
