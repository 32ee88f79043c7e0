//! Login sessions: the tokens a request carries, their cookies, opening, rotating, judging
//! (`domain::session_policy`) and ending them.
//!
//! A browser holds up to two sessions, each in its own cookie: the phone's sync session
//! (`statgrid_session`, weeks) and an office session (`statgrid_office`, 30 idle minutes, 12
//! hours) for the township view and administration, so a leader who opens the office pages on
//! their phone does not lose the phone's session when the office one times out. Over TLS the
//! names carry the `__Host-` prefix and the cookies are `Secure`.
use crate::db::{person, session};
use crate::domain::session_policy::{SessionKind, SessionTimes, Verdict};
use crate::error::AppError;
use axum::http::{HeaderMap, HeaderValue, header};
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, FromQueryResult,
    IdenStatic, QueryFilter, QueryResult, QuerySelect, QueryTrait, SelectA, SelectB, Statement,
};
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

const FIELD_COOKIE: &str = "statgrid_session";
const OFFICE_COOKIE: &str = "statgrid_office";
/// Browsers keep a `__Host-` cookie only if it is `Secure`, for `Path=/` and without `Domain`:
/// no other site or plain-HTTP page can set it.
const HOST_PREFIX: &str = "__Host-";

/// JSON routes of the office pages (the township's exports, administration): they need an
/// office session. Server functions serve only office pages, so they all do
/// ([`super::ssr::Viewer::current`]).
const OFFICE_ROUTES: &[&str] = &["/api/v1/admin/", "/api/v1/township/"];

/// Which sessions a request may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Any session: the phone's sync, duties, photos, one's list of sessions.
    Any,
    /// An office session: the township view and administration.
    Office,
}

impl Need {
    /// What a JSON route at `path` needs.
    pub fn of_path(path: &str) -> Self {
        if OFFICE_ROUTES.iter().any(|p| path.starts_with(p)) {
            Need::Office
        } else {
            Need::Any
        }
    }
}

/// How a request arrived, as far as sessions go: over TLS or not, the session tokens it
/// carries, and the device it came from.
#[derive(Debug, Clone, Default)]
pub struct SessionRequest {
    /// Served over TLS: cookie names with `__Host-`, and `Secure`.
    pub secure: bool,
    bearer: Option<String>,
    field: Option<String>,
    office: Option<String>,
    /// "Android · Chrome", or empty.
    pub device: String,
}

impl SessionRequest {
    /// `secure_cookies` is the setting; a request that says it came over https through the
    /// proxy (`X-Forwarded-Proto`, `Forwarded`) is treated as TLS too.
    pub fn new(headers: &HeaderMap, secure_cookies: bool) -> Self {
        let secure = secure_cookies || forwarded_https(headers);
        let text = |name| headers.get(name).and_then(|v| v.to_str().ok());
        let bearer = text(header::AUTHORIZATION)
            .and_then(|auth| auth.strip_prefix("Bearer "))
            .map(|token| token.trim().to_owned());
        SessionRequest {
            bearer,
            field: cookie_value(headers, &cookie_name(FIELD_COOKIE, secure)),
            office: cookie_value(headers, &cookie_name(OFFICE_COOKIE, secure)),
            device: text(header::USER_AGENT)
                .and_then(crate::domain::device::label)
                .unwrap_or_default(),
            secure,
        }
    }

    /// A request carrying only `token` as a bearer token (benchmarks, tools).
    pub fn bearer(token: &str) -> Self {
        SessionRequest {
            bearer: Some(token.to_owned()),
            ..Default::default()
        }
    }

    /// The tokens to try, in order.
    fn tokens(&self, need: Need) -> impl Iterator<Item = &str> {
        let field = (need == Need::Any)
            .then_some(self.field.as_deref())
            .flatten();
        [self.bearer.as_deref(), field, self.office.as_deref()]
            .into_iter()
            .flatten()
    }

    /// The hash of the office token the request carries, if any.
    pub fn office_hash(&self) -> Option<String> {
        self.office.as_deref().map(token_hash)
    }

    /// The hashes of every token the request carries.
    pub fn carried_hashes(&self) -> Vec<String> {
        self.tokens(Need::Any).map(token_hash).collect()
    }
}

fn forwarded_https(headers: &HeaderMap) -> bool {
    let says = |name: &str, what: &str| {
        headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .any(|v| v.to_ascii_lowercase().contains(what))
    };
    says("x-forwarded-proto", "https") || says("forwarded", "proto=https")
}

fn cookie_name(base: &str, secure: bool) -> String {
    if secure {
        format!("{HOST_PREFIX}{base}")
    } else {
        base.to_owned()
    }
}

fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, value)| *n == name && !value.is_empty())
        .map(|(_, value)| value.to_owned())
}

pub(crate) fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn base_name(kind: SessionKind) -> &'static str {
    match kind {
        SessionKind::Field => FIELD_COOKIE,
        SessionKind::Office => OFFICE_COOKIE,
    }
}

/// The `Set-Cookie` value for a new session of `kind`: HttpOnly, SameSite=Lax, lasting as long
/// as the session may.
pub fn cookie(kind: SessionKind, token: &str, secure: bool) -> Result<HeaderValue, AppError> {
    let name = cookie_name(base_name(kind), secure);
    let max_age = kind.absolute_ms() / 1000;
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{name}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"
    ))
    .map_err(|_| AppError::internal())
}

/// The `Set-Cookie` value that removes the cookie of `kind`.
pub fn clear_cookie(kind: SessionKind, secure: bool) -> Result<HeaderValue, AppError> {
    let name = cookie_name(base_name(kind), secure);
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"
    ))
    .map_err(|_| AppError::internal())
}

/// What a request reads beside its session and person, in the same statement: one round trip
/// to the database where two were (a pull's [`crate::sync::latest::Head`]).
pub trait Along: Sized {
    /// Each expression selected beside the session's and person's columns, with its alias.
    fn selected() -> Vec<(SimpleExpr, &'static str)>;
    fn read(row: &QueryResult) -> Result<Self, DbErr>;
    /// Where the session statement with these columns is kept, once built.
    fn kept() -> &'static KeptStatement;
}

impl Along for () {
    fn selected() -> Vec<(SimpleExpr, &'static str)> {
        Vec::new()
    }

    fn read(_: &QueryResult) -> Result<Self, DbErr> {
        Ok(())
    }

    fn kept() -> &'static KeptStatement {
        static KEPT: KeptStatement = KeptStatement::new();
        &KEPT
    }
}

/// The text of one session statement, built by sea-query once per backend instead of on every
/// request (1.5 % of an unchanged pull): only the token's hash changes between requests.
pub struct KeptStatement {
    postgres: OnceLock<String>,
    sqlite: OnceLock<String>,
}

impl KeptStatement {
    pub const fn new() -> Self {
        KeptStatement {
            postgres: OnceLock::new(),
            sqlite: OnceLock::new(),
        }
    }
}

impl Default for KeptStatement {
    fn default() -> Self {
        Self::new()
    }
}

/// The statement reading the session of `hash` with its person and `A`.
fn session_statement<A: Along>(backend: DbBackend, hash: String) -> Statement {
    let build = |hash: String| {
        let mut select = session::Entity::find_by_id(hash).find_also_related(person::Entity);
        for (expr, alias) in A::selected() {
            select = select.expr_as(expr, alias);
        }
        select.build(backend)
    };
    let kept = match backend {
        DbBackend::Postgres => &A::kept().postgres,
        DbBackend::Sqlite => &A::kept().sqlite,
        _ => return build(hash),
    };
    let sql = kept.get_or_init(|| build(String::new()).sql);
    Statement::from_sql_and_values(backend, sql.clone(), [hash.into()])
}

/// The first usable session among those the request carries that `need` allows, with its
/// person (read in the same query: every authenticated request asks); its use is recorded (at
/// most once a minute). Expired sessions met on the way are deleted.
pub async fn resolve(
    db: &impl ConnectionTrait,
    now_ms: i64,
    request: &SessionRequest,
    need: Need,
) -> Result<Option<(session::Model, person::Model)>, AppError> {
    let found = resolve_along::<()>(db, now_ms, request, need).await?;
    Ok(found.map(|(session, person, ())| (session, person)))
}

/// [`resolve`], reading `A` in the session's statement.
pub async fn resolve_along<A: Along>(
    db: &impl ConnectionTrait,
    now_ms: i64,
    request: &SessionRequest,
    need: Need,
) -> Result<Option<(session::Model, person::Model, A)>, AppError> {
    for token in request.tokens(need) {
        let Some((found, person, along)) = session_row::<A>(db, token).await? else {
            continue;
        };
        let Some(times) = times_of(&found) else {
            continue;
        };
        match times.judge(now_ms) {
            Verdict::Expired => {
                session::Entity::delete_by_id(found.token_hash)
                    .exec(db)
                    .await?;
            }
            Verdict::Valid { .. } if need == Need::Office && times.kind != SessionKind::Office => {}
            Verdict::Valid { touch } => {
                if touch {
                    touch_session(db, &found.token_hash, times.touched(now_ms)).await?;
                }
                return Ok(Some((found, person, along)));
            }
        }
    }
    Ok(None)
}

/// The session of `token` with its person and `A`, if both are there.
async fn session_row<A: Along>(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<(session::Model, person::Model, A)>, DbErr> {
    let statement = session_statement::<A>(db.get_database_backend(), token_hash(token));
    let Some(row) = db.query_one_raw(statement).await? else {
        return Ok(None);
    };
    let Some(person) = person::Model::from_query_result_optional(&row, SelectB.as_str())? else {
        return Ok(None);
    };
    let found = session::Model::from_query_result(&row, SelectA.as_str())?;
    Ok(Some((found, person, A::read(&row)?)))
}

pub(crate) fn times_of(s: &session::Model) -> Option<SessionTimes> {
    Some(SessionTimes {
        kind: SessionKind::from_code(&s.kind)?,
        created_ms: s.created_at_ms,
        last_seen_ms: s.last_seen_ms,
    })
}

async fn touch_session(
    db: &impl ConnectionTrait,
    hash: &str,
    times: SessionTimes,
) -> Result<(), AppError> {
    session::Entity::update_many()
        .col_expr(session::Column::LastSeenMs, Expr::value(times.last_seen_ms))
        .col_expr(
            session::Column::ExpiresAtMs,
            Expr::value(times.expires_at_ms()),
        )
        .filter(session::Column::TokenHash.eq(hash))
        .exec(db)
        .await?;
    Ok(())
}

/// Opens a session of `kind` for the person; returns its token (256 random bits).
pub async fn open(
    db: &impl ConnectionTrait,
    person_id: i32,
    kind: SessionKind,
    device: &str,
    now_ms: i64,
) -> Result<String, AppError> {
    let token = hex::encode(rand::random::<[u8; 32]>());
    let times = SessionTimes::opened(kind, now_ms);
    session::Entity::insert(session::ActiveModel {
        token_hash: Set(token_hash(&token)),
        person_id: Set(person_id),
        expires_at_ms: Set(times.expires_at_ms()),
        kind: Set(kind.code().to_owned()),
        created_at_ms: Set(now_ms),
        last_seen_ms: Set(now_ms),
        device: Set(device.chars().take(64).collect()),
    })
    .exec(db)
    .await?;
    Ok(token)
}

/// Deletes every expired session, of everyone. Any server may run it at any time.
pub async fn sweep(db: &impl ConnectionTrait, now_ms: i64) -> Result<u64, AppError> {
    let gone = session::Entity::delete_many()
        .filter(session::Column::ExpiresAtMs.lte(now_ms))
        .exec(db)
        .await?;
    Ok(gone.rows_affected)
}

/// Ends the sessions whose hashes are given.
pub async fn end_hashes(db: &impl ConnectionTrait, hashes: Vec<String>) -> Result<(), AppError> {
    if !hashes.is_empty() {
        session::Entity::delete_many()
            .filter(session::Column::TokenHash.is_in(hashes))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// Ends every session of a person, at once (deactivation, a password reset, an administrator's
/// 退出全部设备).
pub async fn end_sessions(db: &impl ConnectionTrait, person_id: i32) -> Result<(), AppError> {
    session::Entity::delete_many()
        .filter(session::Column::PersonId.eq(person_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Ends every session of a person but those whose hashes are in `keep`; returns how many.
pub async fn end_others(
    db: &impl ConnectionTrait,
    person_id: i32,
    keep: Vec<String>,
) -> Result<u64, AppError> {
    let gone = session::Entity::delete_many()
        .filter(session::Column::PersonId.eq(person_id))
        .filter(session::Column::TokenHash.is_not_in(keep))
        .exec(db)
        .await?;
    Ok(gone.rows_affected)
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
