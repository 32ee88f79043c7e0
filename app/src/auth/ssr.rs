//! Logins, and the `Viewer` of each request.
use crate::auth::api::{Credentials, GridRole, LoginAnswer, PasswordChange, Profile};
use crate::auth::grids::{GridCache, Grids};
use crate::auth::password::{self, hash_password, verify_password};
use crate::auth::rotation::{self, Opened};
use crate::auth::session::{self, Along, Need, SessionRequest};
use crate::auth::throttle::Attempt;
use crate::auth::words;
use crate::db::{person, role_assignment};
use crate::domain::grid::{GridId, GridKind, Role};
use crate::domain::permission::Ability;
use crate::domain::phone::PhoneNumber;
use crate::error::AppError;
use crate::state::{AppState, Clock};
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use std::collections::BTreeSet;
use std::net::IpAddr;
use std::sync::Arc;

pub use crate::auth::session::end_sessions;

/// Checks the credentials and opens this device's sessions (`rotation::at_login`). A wrong
/// phone and a wrong password answer alike and take as long, so the answer does not tell which
/// phone numbers exist; a phone number or an address with too many failures is refused before
/// its password is checked.
pub async fn login(
    db: &DatabaseConnection,
    clock: Clock,
    grids: &GridCache,
    creds: &Credentials,
    from: IpAddr,
    request: &SessionRequest,
) -> Result<(LoginAnswer, Opened), AppError> {
    let phone = PhoneNumber::parse(&creds.phone).map_err(|e| AppError::Invalid(e.to_string()))?;
    if creds.password.is_empty() {
        return Err(AppError::Invalid(words::ENTER_PASSWORD.into()));
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
    let now_ms = clock.now_ms();
    let profile = Viewer::load(db, grids, person, now_ms).await?.profile;
    let opened = rotation::at_login(
        db,
        profile.person_id,
        profile.has_office_pages(),
        creds.office,
        request,
        now_ms,
    )
    .await?;
    let answer = LoginAnswer {
        token: opened.token(),
        profile,
    };
    Ok((answer, opened))
}

/// The active person whose usable session the request carries.
async fn session_person(
    db: &DatabaseConnection,
    request: &SessionRequest,
    need: Need,
    now_ms: i64,
) -> Result<person::Model, AppError> {
    session::resolve(db, now_ms, request, need)
        .await?
        .map(|(_, person)| person)
        .filter(|p| p.active)
        .ok_or(AppError::Unauthenticated)
}

/// Replaces the person's password after checking the current one; allowed while a change is
/// required (that is what it is for). The current password is throttled like a login, so a
/// stolen session cannot guess it. The person's other sessions end; this device gets new
/// tokens (`rotation::at_password_change`).
pub async fn change_password(
    db: &DatabaseConnection,
    clock: Clock,
    request: &SessionRequest,
    change: &PasswordChange,
    from: IpAddr,
) -> Result<Opened, AppError> {
    let now_ms = clock.now_ms();
    let person = session_person(db, request, Need::Any, now_ms).await?;
    let person_id = person.id;
    let phone = PhoneNumber::parse(&person.phone).map_err(|_| AppError::internal())?;
    let attempt = Attempt::new(&phone, from, now_ms)
        .admit(db, Some(&person))
        .await?;
    if !verify_password(&change.current, Some(person.password_hash.clone())).await? {
        attempt.failed(db, Some(&person)).await?;
        return Err(AppError::Invalid(words::WRONG_CURRENT_PASSWORD.into()));
    }
    attempt.succeeded(db).await?;
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
    rotation::at_password_change(db, person_id, request, now_ms).await
}

/// The person behind a request, with the grids they may see.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub profile: Profile,
    /// Every grid the person may see: their own, and all below those they oversee.
    pub visible: BTreeSet<GridId>,
    /// Every grid, open and closed, as the request found it.
    pub grids: Arc<Grids>,
    /// When the request arrived, by the server's clock: every rule of the request reads this
    /// one instant.
    pub now_ms: i64,
}

impl Viewer {
    pub fn person_id(&self) -> i32 {
        self.profile.person_id
    }

    /// The city statistics bureau: the city grid's 网格指导员 (director and bureau staff).
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

    /// Whether the person may excuse `grid`'s duties: they review the unit above it (a
    /// township its grids and work areas, the city bureau the townships), never their own.
    pub fn excuses(&self, grid: GridId) -> bool {
        self.grids
            .tree
            .parent(grid)
            .is_some_and(|p| self.reviews(p))
    }

    /// Whether some role of the person permits `ability` in `grid` or a grid above it.
    pub fn permits_over(&self, ability: Ability, grid: GridId) -> bool {
        (self.profile.roles.iter())
            .any(|r| r.permits(ability) && self.grids.tree.is_within(grid, r.grid_id))
    }

    /// The level-2 unit `grid` (a township, street or department) with its name and kind;
    /// `None` for any other grid.
    pub fn unit(&self, grid: GridId) -> Option<(String, GridKind)> {
        let row = self.grids.get(grid)?;
        let kind = GridKind::from_code(&row.kind).filter(|k| k.is_level_two())?;
        Some((row.name.clone(), kind))
    }

    /// The grids whose monthly reports and major events the person reviews.
    pub fn reviewed_grids(&self) -> BTreeSet<GridId> {
        self.grids.tree.reviewed_by(&self.assignments())
    }

    /// Today in Beijing, as of the request.
    pub fn today(&self) -> Result<time::Date, AppError> {
        crate::domain::period::shanghai_date(self.now_ms).ok_or_else(AppError::internal)
    }

    /// Resolves the session of a request and reads the person's roles and grids
    /// ([`SignedIn::resolve`] says what is refused).
    pub async fn resolve(
        db: &DatabaseConnection,
        grids: &GridCache,
        clock: Clock,
        request: &SessionRequest,
        need: Need,
    ) -> Result<Self, AppError> {
        SignedIn::<()>::resolve(db, grids, clock, request, need)
            .await?
            .viewer(db, grids)
            .await
    }

    /// Why an office page is refused to a request without an office session: the password
    /// is asked (`Unauthenticated`), unless the person, signed in on the phone, has no office
    /// pages, when it would not help (`Forbidden`).
    async fn without_office_session(
        db: &DatabaseConnection,
        grids: &GridCache,
        request: &SessionRequest,
        now_ms: i64,
    ) -> AppError {
        let Ok(person) = session_person(db, request, Need::Any, now_ms).await else {
            return AppError::Unauthenticated;
        };
        match Self::load(db, grids, person, now_ms).await {
            Ok(v) if !v.profile.has_office_pages() => AppError::Forbidden,
            Ok(_) => AppError::Unauthenticated,
            Err(e) => e,
        }
    }

    /// The viewer of the current server-function call. Server functions serve the office
    /// pages (the field app speaks the JSON API), so they need an office session.
    pub async fn current() -> Result<(Self, AppState), AppError> {
        let state = crate::state::app_state()?;
        let parts = leptos::prelude::use_context::<axum::http::request::Parts>()
            .ok_or_else(AppError::internal)?;
        let request = SessionRequest::new(&parts.headers, state.secure_cookies);
        let viewer =
            Self::resolve(&state.db, &state.grids, state.clock, &request, Need::Office).await?;
        Ok((viewer, state))
    }

    pub async fn load(
        db: &DatabaseConnection,
        grids: &GridCache,
        person: person::Model,
        now_ms: i64,
    ) -> Result<Self, AppError> {
        let assignments = role_assignment::Entity::find()
            .filter(role_assignment::Column::PersonId.eq(person.id))
            .all(db)
            .await?;
        let grids = grids.current(db).await?;
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
            grids,
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
        let signed_in = SignedIn::<()>::from_request_parts(parts, state).await?;
        signed_in.viewer(&state.db, &state.grids).await
    }
}

/// The person a request's session names, before their roles and grids are read: all a pull
/// needs to find that nothing changed since the phone's last one, with what it read beside the
/// session (`A`: a pull's head).
pub struct SignedIn<A = ()> {
    person: person::Model,
    now_ms: i64,
    along: A,
}

impl<A: Along> SignedIn<A> {
    /// No token, an unknown or expired session, one of the wrong kind for `need` and a
    /// deactivated person's all answer `Unauthenticated`, and a password an administrator set
    /// answers `PasswordChangeRequired`.
    pub async fn resolve(
        db: &DatabaseConnection,
        grids: &GridCache,
        clock: Clock,
        request: &SessionRequest,
        need: Need,
    ) -> Result<Self, AppError> {
        let now_ms = clock.now_ms();
        let found = session::resolve_along::<A>(db, now_ms, request, need)
            .await?
            .filter(|(_, person, _)| person.active);
        let Some((_, person, along)) = found else {
            return Err(match need {
                Need::Office => Viewer::without_office_session(db, grids, request, now_ms).await,
                Need::Any => AppError::Unauthenticated,
            });
        };
        if person.password_reset {
            return Err(AppError::PasswordChangeRequired);
        }
        Ok(SignedIn {
            person,
            now_ms,
            along,
        })
    }

    pub fn person_id(&self) -> i32 {
        self.person.id
    }

    /// What was read beside the session.
    pub fn along(&self) -> &A {
        &self.along
    }

    /// The person with their roles and the grids they see.
    pub async fn viewer(
        self,
        db: &DatabaseConnection,
        grids: &GridCache,
    ) -> Result<Viewer, AppError> {
        Viewer::load(db, grids, self.person, self.now_ms).await
    }
}

impl<A: Along + Send> axum::extract::FromRequestParts<AppState> for SignedIn<A> {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let request = SessionRequest::new(&parts.headers, state.secure_cookies);
        let need = Need::of_path(parts.uri.path());
        SignedIn::resolve(&state.db, &state.grids, state.clock, &request, need).await
    }
}
