//! A device's sessions at login, password change and logout: each login and each password
//! change gives the device new tokens and ends the ones it carried, so a token planted before
//! login or seen before the change opens nothing afterwards.
use super::session::{
    self, SessionRequest, clear_cookie, cookie, end_hashes, end_sessions, open, sweep,
};
use crate::db::session as row;
use crate::domain::session_policy::{SessionKind, Verdict};
use crate::error::AppError;
use axum::http::{HeaderMap, header};
use sea_orm::{ConnectionTrait, EntityTrait};

/// The sessions opened for this device, to be set as its cookies.
#[derive(Debug, Default)]
pub struct Opened {
    pub field: Option<String>,
    pub office: Option<String>,
    /// The office cookie this device held is to be removed (a phone login of someone without
    /// office pages).
    clear_office: bool,
}

impl Opened {
    /// The token the answer carries, for clients without cookies: the phone's, if opened.
    pub fn token(&self) -> String {
        self.field
            .clone()
            .or_else(|| self.office.clone())
            .unwrap_or_default()
    }

    /// One `Set-Cookie` per session opened (or removed).
    pub fn cookies(&self, secure: bool) -> Result<HeaderMap, AppError> {
        let mut headers = HeaderMap::new();
        for (kind, token) in [
            (SessionKind::Field, &self.field),
            (SessionKind::Office, &self.office),
        ] {
            if let Some(token) = token {
                headers.append(header::SET_COOKIE, cookie(kind, token, secure)?);
            }
        }
        if self.clear_office {
            headers.append(
                header::SET_COOKIE,
                clear_cookie(SessionKind::Office, secure)?,
            );
        }
        Ok(headers)
    }
}

/// Opens the sessions of a login, after ending the expired ones of everyone and those this
/// device carried. The office pages' login (`office_only`) opens an office session and leaves
/// the phone's alone; the phone's login opens a sync session, and an office session too for
/// a person who has office pages (`has_office`), so one login is enough to start work.
pub async fn at_login(
    db: &impl ConnectionTrait,
    person_id: i32,
    has_office: bool,
    office_only: bool,
    request: &SessionRequest,
    now_ms: i64,
) -> Result<Opened, AppError> {
    sweep(db, now_ms).await?;
    let carried = if office_only {
        request.office_hash().into_iter().collect()
    } else {
        request.carried_hashes()
    };
    end_hashes(db, carried).await?;
    let device = &request.device;
    let mut opened = Opened::default();
    if !office_only {
        opened.field = Some(open(db, person_id, SessionKind::Field, device, now_ms).await?);
    }
    if office_only || has_office {
        opened.office = Some(open(db, person_id, SessionKind::Office, device, now_ms).await?);
    } else {
        opened.clear_office = true;
    }
    Ok(opened)
}

/// After the person's password changed: every session of theirs ends, and this device gets
/// new sessions of the kinds it held.
pub async fn at_password_change(
    db: &impl ConnectionTrait,
    person_id: i32,
    request: &SessionRequest,
    now_ms: i64,
) -> Result<Opened, AppError> {
    let held: Vec<SessionKind> = carried(db, request, now_ms)
        .await?
        .iter()
        .filter(|s| s.person_id == person_id)
        .filter_map(|s| SessionKind::from_code(&s.kind))
        .collect();
    end_sessions(db, person_id).await?;
    let mut opened = Opened::default();
    for kind in held {
        let token = open(db, person_id, kind, &request.device, now_ms).await?;
        match kind {
            SessionKind::Field => opened.field = Some(token),
            SessionKind::Office => opened.office = Some(token),
        }
    }
    Ok(opened)
}

/// Ends the sessions this device carries, or only its office session (`office_only`, the
/// office pages' sign-out); the `Set-Cookie` values that remove the ended ones' cookies.
pub async fn at_logout(
    db: &impl ConnectionTrait,
    request: &SessionRequest,
    office_only: bool,
) -> Result<HeaderMap, AppError> {
    let (ended, kinds) = if office_only {
        let office = request.office_hash().into_iter().collect();
        (office, &[SessionKind::Office][..])
    } else {
        let all = &[SessionKind::Field, SessionKind::Office][..];
        (request.carried_hashes(), all)
    };
    end_hashes(db, ended).await?;
    let mut headers = HeaderMap::new();
    for &kind in kinds {
        headers.append(header::SET_COOKIE, clear_cookie(kind, request.secure)?);
    }
    Ok(headers)
}

/// The unexpired sessions the request carries (this device's), not recording their use.
pub async fn carried(
    db: &impl ConnectionTrait,
    request: &SessionRequest,
    now_ms: i64,
) -> Result<Vec<row::Model>, AppError> {
    let mut found = Vec::new();
    for hash in request.carried_hashes() {
        let Some(s) = row::Entity::find_by_id(hash).one(db).await? else {
            continue;
        };
        let valid =
            session::times_of(&s).is_some_and(|t| matches!(t.judge(now_ms), Verdict::Valid { .. }));
        if valid
            && !found
                .iter()
                .any(|f: &row::Model| f.token_hash == s.token_hash)
        {
            found.push(s);
        }
    }
    Ok(found)
}
