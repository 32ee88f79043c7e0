//! Notices in the database: sent and removed by whoever may notify a unit (the permission
//! table's `Notify`), read by the people of the unit's grids, each change to the list in the
//! audit log.
use super::api::{
    NOTICE_READ_PATH, NOTICES_PATH, ReadMarks, ReceivedNotice, SentNotice, UnitNotices,
};
use super::entity::{notice, notice_read};
use super::words;
use crate::admin::ssr::audit::{self, Actor};
use crate::auth::ssr::Viewer;
use crate::db::{person, role_assignment};
use crate::domain::cadence::Status;
use crate::domain::grid::{GridId, GridKind};
use crate::domain::notice::{KEPT_DAYS, NoticeDraft, REMINDED_DAYS, SENT_MAX};
use crate::domain::period::{format_date, shanghai_date};
use crate::domain::permission::Ability;
use crate::duties::api::Reminder;
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::State;
use axum::routing::{self, get};
use axum::{Json, Router};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};

pub(crate) const DAY_MS: i64 = 86_400_000;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(NOTICES_PATH, get(inbox))
        .route(NOTICE_READ_PATH, routing::post(mark_read))
}

async fn inbox(
    State(state): State<AppState>,
    viewer: Viewer,
) -> Result<Json<Vec<ReceivedNotice>>, AppError> {
    Ok(Json(received(&state.db, &viewer).await?))
}

async fn mark_read(
    State(state): State<AppState>,
    viewer: Viewer,
    Json(marks): Json<ReadMarks>,
) -> Result<Json<Vec<ReceivedNotice>>, AppError> {
    let mut list = received(&state.db, &viewer).await?;
    // Only notices sent to the person and not yet read, each once: bounded by what they were
    // sent; the list answered is this one with them marked.
    let newly: BTreeSet<i32> = (list.iter())
        .filter(|n| !n.read && marks.ids.contains(&n.id))
        .map(|n| n.id)
        .collect();
    if newly.is_empty() {
        return Ok(Json(list));
    }
    let reads = newly.iter().map(|&id| notice_read::ActiveModel {
        notice_id: Set(id),
        person_id: Set(viewer.person_id()),
        read_at_ms: Set(viewer.now_ms),
    });
    notice_read::Entity::insert_many(reads)
        .on_conflict(
            OnConflict::columns([notice_read::Column::NoticeId, notice_read::Column::PersonId])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(&state.db)
        .await?;
    for n in list.iter_mut().filter(|n| newly.contains(&n.id)) {
        n.read = true;
    }
    Ok(Json(list))
}

/// Whether grids of `kind` send notices and courses: the level-2 units and the city.
fn sends(kind: Option<GridKind>) -> bool {
    kind.is_some_and(|k| k == GridKind::City || k.is_level_two())
}

/// Whether `grid` sends notices and courses, for a viewer who may see it (else refused).
pub(crate) fn seen_unit(viewer: &Viewer, grid: GridId) -> Result<bool, AppError> {
    if !viewer.permits_over(Ability::SeeBelow, grid) {
        return Err(AppError::Forbidden);
    }
    Ok(sends(viewer.grids.tree.kind(grid)))
}

/// The units whose notices reach the viewer: the level-2 units and the city at or above each
/// grid where they hold a role.
pub(crate) fn units_above(viewer: &Viewer) -> BTreeSet<GridId> {
    let tree = &viewer.grids.tree;
    (viewer.profile.roles.iter())
        .flat_map(|r| std::iter::successors(Some(r.grid_id), |g| tree.parent(*g)))
        .filter(|&g| sends(tree.kind(g)))
        .collect()
}

/// The notices sent to the viewer in the last [`KEPT_DAYS`] (not their own), newest first,
/// at most [`SENT_MAX`].
pub async fn received(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
) -> Result<Vec<ReceivedNotice>, AppError> {
    let units = units_above(viewer);
    if units.is_empty() {
        return Ok(Vec::new());
    }
    let rows = notice::Entity::find()
        .filter(notice::Column::GridId.is_in(units))
        .filter(notice::Column::PostedAtMs.gte(viewer.now_ms - KEPT_DAYS * DAY_MS))
        .filter(notice::Column::PostedBy.ne(viewer.person_id()))
        .order_by_desc(notice::Column::PostedAtMs)
        .order_by_desc(notice::Column::Id)
        .limit(SENT_MAX)
        .all(db)
        .await?;
    let read: BTreeSet<i32> = notice_read::Entity::find()
        .select_only()
        .column(notice_read::Column::NoticeId)
        .filter(notice_read::Column::PersonId.eq(viewer.person_id()))
        .filter(notice_read::Column::NoticeId.is_in(rows.iter().map(|n| n.id)))
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let names = names(db, rows.iter().map(|n| n.posted_by)).await?;
    Ok(rows
        .into_iter()
        .map(|n| ReceivedNotice {
            id: n.id,
            unit: unit_name(viewer, n.grid_id),
            read: read.contains(&n.id),
            poster: names.get(&n.posted_by).cloned().unwrap_or_default(),
            posted_on: posted_on(n.posted_at_ms),
            title: n.title,
            body: n.body,
        })
        .collect())
}

/// The unread notices of the last [`REMINDED_DAYS`], as reminders among the person's duties.
pub async fn reminders(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
) -> Result<Vec<Reminder>, AppError> {
    let since = viewer.now_ms - REMINDED_DAYS * DAY_MS;
    let recent = format_date(shanghai_date(since).ok_or_else(AppError::internal)?);
    Ok((received(db, viewer).await?.into_iter())
        .filter(|n| !n.read && n.posted_on >= recent)
        .map(|n| Reminder {
            title: words::unread_reminder(&n.title),
            note: words::reminder_note(&n.unit, &n.posted_on),
            status: Status::DueSoon,
            report: None,
        })
        .collect())
}

/// The notices unit `grid` sent, for a viewer who sees it; `None` when it is no unit.
pub async fn unit_notices(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    grid: GridId,
) -> Result<Option<UnitNotices>, AppError> {
    if !seen_unit(viewer, grid)? {
        return Ok(None);
    }
    let rows = notice::Entity::find()
        .filter(notice::Column::GridId.eq(grid))
        .filter(notice::Column::PostedAtMs.gte(viewer.now_ms - KEPT_DAYS * DAY_MS))
        .order_by_desc(notice::Column::PostedAtMs)
        .order_by_desc(notice::Column::Id)
        .limit(SENT_MAX)
        .all(db)
        .await?;
    let audience = audience(db, viewer, grid).await?;
    let mut reads: BTreeMap<i32, BTreeSet<i32>> = BTreeMap::new();
    if !rows.is_empty() {
        let all = notice_read::Entity::find()
            .filter(notice_read::Column::NoticeId.is_in(rows.iter().map(|n| n.id)))
            .all(db)
            .await?;
        for r in all {
            reads.entry(r.notice_id).or_default().insert(r.person_id);
        }
    }
    let posters = names(db, rows.iter().map(|n| n.posted_by)).await?;
    let sent = (rows.into_iter())
        .map(|n| {
            let read = reads.remove(&n.id).unwrap_or_default();
            let to: Vec<&(i32, String)> =
                audience.iter().filter(|(p, _)| *p != n.posted_by).collect();
            SentNotice {
                audience: to.len(),
                read: to.iter().filter(|(p, _)| read.contains(p)).count(),
                unread: (to.iter())
                    .filter(|(p, _)| !read.contains(p))
                    .map(|(_, name)| name.clone())
                    .collect(),
                poster: posters.get(&n.posted_by).cloned().unwrap_or_default(),
                posted_on: posted_on(n.posted_at_ms),
                id: n.id,
                title: n.title,
                body: n.body,
            }
        })
        .collect();
    Ok(Some(UnitNotices {
        grid_id: grid,
        unit: unit_name(viewer, grid),
        may_post: viewer.permits_over(Ability::Notify, grid),
        sent,
    }))
}

/// Sends `draft` to unit `grid`'s people.
pub async fn post(
    db: &DatabaseConnection,
    viewer: &Viewer,
    grid: GridId,
    draft: &NoticeDraft,
) -> Result<UnitNotices, AppError> {
    let unit = notified_unit(viewer, grid)?;
    let valid = draft.validate().map_err(|e| AppError::refused(&e))?;
    let tx = crate::db::begin_write(db).await?;
    let by = Actor::of(viewer);
    notice::Entity::insert(notice::ActiveModel {
        grid_id: Set(grid),
        title: Set(valid.title.clone()),
        body: Set(valid.body.clone()),
        posted_by: Set(by.person_id),
        posted_at_ms: Set(by.at_ms),
        ..Default::default()
    })
    .exec(&tx)
    .await?;
    let key = format!("{unit} {}", valid.title);
    let after = Some(Audited {
        title: &valid.title,
        body: &valid.body,
    });
    audit::record(&tx, by, "post_notice", "notice", &key, None, after.as_ref()).await?;
    tx.commit().await?;
    unit_notices(db, viewer, grid)
        .await?
        .ok_or(AppError::Forbidden)
}

/// Takes notice `id` of unit `grid` back, with its reads.
pub async fn remove(
    db: &DatabaseConnection,
    viewer: &Viewer,
    grid: GridId,
    id: i32,
) -> Result<UnitNotices, AppError> {
    let unit = notified_unit(viewer, grid)?;
    let tx = crate::db::begin_write(db).await?;
    let row = notice::Entity::find_by_id(id)
        .filter(notice::Column::GridId.eq(grid))
        .one(&tx)
        .await?
        .ok_or_else(|| AppError::Invalid(words::NOT_SENT.into()))?;
    notice_read::Entity::delete_many()
        .filter(notice_read::Column::NoticeId.eq(id))
        .exec(&tx)
        .await?;
    notice::Entity::delete_by_id(id).exec(&tx).await?;
    let key = format!("{unit} {}", row.title);
    let before = Some(Audited {
        title: &row.title,
        body: &row.body,
    });
    let by = Actor::of(viewer);
    audit::record(
        &tx,
        by,
        "remove_notice",
        "notice",
        &key,
        before.as_ref(),
        None,
    )
    .await?;
    tx.commit().await?;
    unit_notices(db, viewer, grid)
        .await?
        .ok_or(AppError::Forbidden)
}

#[derive(serde::Serialize)]
struct Audited<'a> {
    title: &'a str,
    body: &'a str,
}

/// Unit `grid`'s name, for a viewer who may send its notices.
pub(crate) fn notified_unit(viewer: &Viewer, grid: GridId) -> Result<String, AppError> {
    if !viewer.permits_over(Ability::Notify, grid) || !sends(viewer.grids.tree.kind(grid)) {
        return Err(AppError::Forbidden);
    }
    Ok(unit_name(viewer, grid))
}

pub(crate) fn unit_name(viewer: &Viewer, grid: GridId) -> String {
    match viewer.grids.get(grid) {
        Some(g) if g.kind == GridKind::City.code() => words::CITY_BUREAU.to_owned(),
        Some(g) => g.name.clone(),
        None => String::new(),
    }
}

pub(crate) fn posted_on(at_ms: i64) -> String {
    shanghai_date(at_ms).map(format_date).unwrap_or_default()
}

/// Everyone active holding a role in unit `grid` or a grid below it, each once, by name.
pub(crate) async fn audience(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    grid: GridId,
) -> Result<Vec<(i32, String)>, AppError> {
    let grids = viewer.grids.tree.subtree(grid);
    let people: BTreeSet<i32> = role_assignment::Entity::find()
        .select_only()
        .column(role_assignment::Column::PersonId)
        .filter(role_assignment::Column::GridId.is_in(grids))
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut named: Vec<(i32, String)> = names(db, people).await?.into_iter().collect();
    named.sort_by(|a, b| (&a.1, a.0).cmp(&(&b.1, b.0)));
    Ok(named)
}

/// The names of the active among `people`.
pub(crate) async fn names(
    db: &impl ConnectionTrait,
    people: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, String>, AppError> {
    let ids: BTreeSet<i32> = people.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(person::Entity::find()
        .filter(person::Column::Id.is_in(ids))
        .filter(person::Column::Active.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect())
}
