//! Logins, session tokens, and the `Viewer` of each request.
use crate::auth::api::{Credentials, GridRole, LoginAnswer, PasswordChange, Profile};
use crate::auth::password::{self, hash_password, verify_password};
use crate::auth::throttle::Attempt;
use crate::db::{grid, person, role_assignment, session};
use crate::domain::grid::{GridId, GridKind, Role};
use crate::domain::grid_tree::GridTree;
use crate::domain::phone::PhoneNumber;
use crate::error::AppError;
use crate::state::{AppState, Clock};
use axum::http::{HeaderMap, HeaderValue, header};
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::net::IpAddr;
use std::sync::Arc;

pub const SESSION_COOKIE: &str = "statgrid_session";
const SESSION_DAYS: i64 = 30;

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Checks the credentials and opens a session. A wrong phone and a wrong password answer
/// alike and take as long, so the answer does not tell which phone numbers exist; a phone
/// number or an address with too many failures is refused before its password is checked.
pub async fn login(
    db: &DatabaseConnection,
    clock: Clock,
    creds: &Credentials,
    from: IpAddr,
) -> Result<LoginAnswer, AppError> {
    let phone = PhoneNumber::parse(&creds.phone).map_err(|e| AppError::Invalid(e.to_string()))?;
    if creds.password.is_empty() {
        return Err(AppError::Invalid("请输入密码".into()));
    }
    let found = person::Entity::find()
        .filter(person::Column::Phone.eq(phone.as_str()))
        .one(db)
        .await?;
    let attempt = Attempt::new(&phone, from, clock.now_ms())
        .admit(db, found.as_ref())
        .await?;
    let stored = found.as_ref().map(|p| p.password_hash.clone());
    let right = verify_password(&creds.password, stored).await?;
    let person = match found {
        Some(p) if p.active && right => p,
        other => {
            attempt.failed(db, other.as_ref()).await?;
            return Err(AppError::BadCredentials);
        }
    };
    attempt.succeeded(db).await?;
    let token = hex::encode(rand::random::<[u8; 32]>());
    session::Entity::insert(session::ActiveModel {
        token_hash: Set(token_hash(&token)),
        person_id: Set(person.id),
        expires_at_ms: Set(clock.now_ms() + SESSION_DAYS * 86_400_000),
    })
    .exec(db)
    .await?;
    let viewer = Viewer::load(db, person, clock.now_ms()).await?;
    Ok(LoginAnswer {
        token,
        profile: viewer.profile,
    })
}

pub async fn logout(db: &DatabaseConnection, headers: &HeaderMap) -> Result<(), AppError> {
    if let Some(token) = bearer_or_cookie(headers) {
        session::Entity::delete_by_id(token_hash(&token))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// The `Set-Cookie` value for a new session: HttpOnly, SameSite=Lax, Secure over TLS.
pub fn session_cookie(token: &str, secure: bool) -> Result<HeaderValue, AppError> {
    let secure = if secure { "; Secure" } else { "" };
    let max_age = SESSION_DAYS * 86_400;
    HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"
    ))
    .map_err(|_| AppError::Internal)
}

pub fn clear_cookie() -> HeaderValue {
    HeaderValue::from_static("statgrid_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0")
}

fn bearer_or_cookie(headers: &HeaderMap) -> Option<String> {
    if let Some(auth) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        && let Some(token) = auth.strip_prefix("Bearer ")
    {
        return Some(token.trim().to_owned());
    }
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.to_owned())
}

/// The active person whose unexpired session the request carries.
async fn session_person(
    db: &DatabaseConnection,
    headers: &HeaderMap,
    now_ms: i64,
) -> Result<person::Model, AppError> {
    let token = bearer_or_cookie(headers).ok_or(AppError::Unauthenticated)?;
    let session = session::Entity::find_by_id(token_hash(&token))
        .one(db)
        .await?
        .filter(|s| s.expires_at_ms > now_ms)
        .ok_or(AppError::Unauthenticated)?;
    person::Entity::find_by_id(session.person_id)
        .one(db)
        .await?
        .filter(|p| p.active)
        .ok_or(AppError::Unauthenticated)
}

/// Replaces the person's password after checking the current one; allowed while a change is
/// required (that is what it is for).
pub async fn change_password(
    db: &DatabaseConnection,
    clock: Clock,
    headers: &HeaderMap,
    change: &PasswordChange,
) -> Result<(), AppError> {
    let person = session_person(db, headers, clock.now_ms()).await?;
    if !verify_password(&change.current, Some(person.password_hash.clone())).await? {
        return Err(AppError::Invalid("原密码不正确".into()));
    }
    if let Some(problem) = change
        .problem()
        .or_else(|| password::server_problem(&change.new))
    {
        return Err(AppError::Invalid(problem));
    }
    let mut changed: person::ActiveModel = person.into();
    changed.password_hash = Set(hash_password(&change.new).await?);
    changed.password_reset = Set(false);
    person::Entity::update(changed).exec(db).await?;
    Ok(())
}

/// Ends every session of a person, at once (deactivation, a password reset).
pub async fn end_sessions(
    db: &impl sea_orm::ConnectionTrait,
    person_id: i32,
) -> Result<(), AppError> {
    session::Entity::delete_many()
        .filter(session::Column::PersonId.eq(person_id))
        .exec(db)
        .await?;
    Ok(())
}

/// The person behind a request, with the grids they may see.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub profile: Profile,
    /// Every grid the person may see: their own, and all below those they oversee.
    pub visible: BTreeSet<GridId>,
    /// Every grid, open and closed, as the request found it: read once per request.
    pub grids: Arc<Grids>,
    /// When the request arrived, by the server's clock: every rule of the request reads this
    /// one instant.
    pub now_ms: i64,
}

/// Every grid in id order, and the tree they form.
#[derive(Debug)]
pub struct Grids {
    rows: Vec<grid::Model>,
    pub tree: GridTree,
}

impl Grids {
    /// `rows` in any order.
    pub fn new(mut rows: Vec<grid::Model>) -> Self {
        rows.sort_by_key(|g| g.id);
        let tree = GridTree::new(rows.iter().map(|g| {
            let kind = GridKind::from_code(&g.kind).unwrap_or(GridKind::Enterprise);
            (g.id, g.parent_id, kind)
        }));
        Grids { rows, tree }
    }

    /// Every grid, in id order.
    pub fn all(&self) -> &[grid::Model] {
        &self.rows
    }

    pub fn get(&self, id: GridId) -> Option<&grid::Model> {
        let at = self.rows.binary_search_by_key(&id, |g| g.id).ok()?;
        self.rows.get(at)
    }

    /// Each grid's name by id.
    pub fn names(&self) -> std::collections::HashMap<GridId, String> {
        self.rows.iter().map(|g| (g.id, g.name.clone())).collect()
    }
}

impl Viewer {
    pub fn person_id(&self) -> i32 {
        self.profile.person_id
    }

    /// The city statistics bureau: a leader or deputy of a city grid.
    pub fn is_city_admin(&self) -> bool {
        self.profile.administers_city()
    }

    /// The grids the person leads (or deputises for): they report for them and hold their
    /// plans.
    pub fn led_grids(&self) -> BTreeSet<GridId> {
        self.profile
            .reporting_grids()
            .iter()
            .map(|r| r.grid_id)
            .collect()
    }

    /// Whether the person leads (or deputises for) `grid`.
    pub fn leads(&self, grid: GridId) -> bool {
        self.profile
            .reporting_grids()
            .iter()
            .any(|r| r.grid_id == grid)
    }

    /// The person's roles, as (grid, role).
    fn assignments(&self) -> Vec<(GridId, Role)> {
        self.profile
            .roles
            .iter()
            .map(|r| (r.grid_id, r.role))
            .collect()
    }

    /// Whether the person reviews `grid`'s monthly reports and major events.
    pub fn reviews(&self, grid: GridId) -> bool {
        self.grids.tree.reviews(&self.assignments(), grid)
    }

    /// The grids whose monthly reports and major events the person reviews.
    pub fn reviewed_grids(&self) -> BTreeSet<GridId> {
        self.grids.tree.reviewed_by(&self.assignments())
    }

    /// Today in Beijing, as of the request.
    pub fn today(&self) -> Result<time::Date, AppError> {
        crate::domain::period::shanghai_date(self.now_ms).ok_or(AppError::Internal)
    }

    /// Resolves the session token of a request; no token, an unknown, expired or deactivated
    /// person's session all answer `Unauthenticated`, and a password an administrator set
    /// answers `PasswordChangeRequired`.
    pub async fn from_headers(
        db: &DatabaseConnection,
        clock: Clock,
        headers: &HeaderMap,
    ) -> Result<Self, AppError> {
        let now_ms = clock.now_ms();
        let person = session_person(db, headers, now_ms).await?;
        if person.password_reset {
            return Err(AppError::PasswordChangeRequired);
        }
        Self::load(db, person, now_ms).await
    }

    /// The viewer of the current server-function call.
    pub async fn current() -> Result<(Self, AppState), AppError> {
        let state = crate::state::app_state()?;
        let parts = leptos::prelude::use_context::<axum::http::request::Parts>()
            .ok_or(AppError::Internal)?;
        let viewer = Self::from_headers(&state.db, state.clock, &parts.headers).await?;
        Ok((viewer, state))
    }

    pub async fn load(
        db: &DatabaseConnection,
        person: person::Model,
        now_ms: i64,
    ) -> Result<Self, AppError> {
        let assignments = role_assignment::Entity::find()
            .filter(role_assignment::Column::PersonId.eq(person.id))
            .all(db)
            .await?;
        let grids = Grids::new(grid::Entity::find().all(db).await?);
        let mut roles = Vec::new();
        for a in &assignments {
            let (Some(role), Some(g)) = (Role::from_code(&a.role), grids.get(a.grid_id)) else {
                continue;
            };
            roles.push(GridRole {
                grid_id: g.id,
                grid_name: g.name.clone(),
                kind: GridKind::from_code(&g.kind).unwrap_or(GridKind::Enterprise),
                role,
            });
        }
        let pairs: Vec<(GridId, Role)> = roles.iter().map(|r| (r.grid_id, r.role)).collect();
        Ok(Viewer {
            now_ms,
            visible: grids.tree.visible_for(&pairs),
            grids: Arc::new(grids),
            profile: Profile {
                person_id: person.id,
                name: person.name,
                phone: person.phone,
                roles,
                must_change_password: person.password_reset,
            },
        })
    }
}

impl axum::extract::FromRequestParts<AppState> for Viewer {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Viewer::from_headers(&state.db, state.clock, &parts.headers).await
    }
}
