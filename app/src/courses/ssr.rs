//! Courses in the database: put up and taken down by whoever may notify a unit (the same
//! people who direct its grids), read by the people of its grids, each change in the audit log.
use super::api::{COURSES_PATH, Course, UnitCourses};
use super::entity as course;
use super::words;
use crate::admin::ssr::audit::{self, Actor};
use crate::auth::ssr::Viewer;
use crate::db::{training, training_attendee};
use crate::domain::course::CourseDraft;
use crate::domain::grid::GridId;
use crate::domain::notice::{KEPT_DAYS, SENT_MAX};
use crate::domain::permission::Ability;
use crate::domain::training::TrainingSession;
use crate::error::AppError;
use crate::notices::ssr::{
    DAY_MS, audience, notified_unit, posted_on, seen_unit, unit_name, units_above,
};
use crate::state::AppState;
use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use std::collections::{BTreeMap, BTreeSet};

pub fn router() -> Router<AppState> {
    Router::new().route(COURSES_PATH, get(offered))
}

async fn offered(
    State(state): State<AppState>,
    viewer: Viewer,
) -> Result<Json<Vec<Course>>, AppError> {
    let units = units_above(&viewer);
    if units.is_empty() {
        return Ok(Json(Vec::new()));
    }
    let rows = recent(&viewer, course::Column::GridId.is_in(units))
        .all(&state.db)
        .await?;
    Ok(Json(
        rows.into_iter().map(|c| as_course(&viewer, c)).collect(),
    ))
}

/// The courses of the last [`KEPT_DAYS`] matching `filter`, newest first, at most [`SENT_MAX`].
fn recent(
    viewer: &Viewer,
    filter: impl sea_orm::sea_query::IntoCondition,
) -> sea_orm::Select<course::Entity> {
    course::Entity::find()
        .filter(filter)
        .filter(course::Column::PostedAtMs.gte(viewer.now_ms - KEPT_DAYS * DAY_MS))
        .order_by_desc(course::Column::PostedAtMs)
        .order_by_desc(course::Column::Id)
        .limit(SENT_MAX)
}

fn as_course(viewer: &Viewer, row: course::Model) -> Course {
    Course {
        id: row.id,
        unit: unit_name(viewer, row.grid_id),
        title: row.title,
        topic: row.topic,
        hours: u32::try_from(row.hours).unwrap_or(0),
        link: row.link,
        body: row.body,
        posted_on: posted_on(row.posted_at_ms),
    }
}

/// The courses unit `grid` put up, for a viewer who sees it; `None` when it is no unit.
pub async fn unit_courses(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    grid: GridId,
) -> Result<Option<UnitCourses>, AppError> {
    if !seen_unit(viewer, grid)? {
        return Ok(None);
    }
    let rows = recent(viewer, course::Column::GridId.eq(grid))
        .all(db)
        .await?;
    let people: BTreeSet<i32> = (audience(db, viewer, grid).await?.into_iter())
        .map(|(id, _)| id)
        .collect();
    let titles: BTreeSet<String> = rows.iter().map(|c| c.title.clone()).collect();
    let studied = studied(db, &titles, &people).await?;
    let courses = (rows.into_iter())
        .map(|c| {
            let count = studied.get(&c.title).map_or(0, BTreeSet::len);
            (as_course(viewer, c), count)
        })
        .collect();
    Ok(Some(UnitCourses {
        grid_id: grid,
        unit: unit_name(viewer, grid),
        may_post: viewer.permits_over(Ability::Notify, grid),
        courses,
    }))
}

/// For each of `titles`, who among `people` recorded an online training of that name.
async fn studied(
    db: &impl ConnectionTrait,
    titles: &BTreeSet<String>,
    people: &BTreeSet<i32>,
) -> Result<BTreeMap<String, BTreeSet<i32>>, AppError> {
    if titles.is_empty() {
        return Ok(BTreeMap::new());
    }
    let trainings: Vec<(uuid::Uuid, String)> = training::Entity::find()
        .select_only()
        .column(training::Column::Id)
        .column(training::Column::Title)
        .filter(training::Column::Session.eq(TrainingSession::Online.code()))
        .filter(training::Column::Title.is_in(titles.iter().cloned()))
        .into_tuple()
        .all(db)
        .await?;
    let mut by_title = BTreeMap::<String, BTreeSet<i32>>::new();
    for chunk in trainings.chunks(500) {
        let attended = training_attendee::Entity::find()
            .filter(training_attendee::Column::TrainingId.is_in(chunk.iter().map(|t| t.0)))
            .all(db)
            .await?;
        for a in attended
            .into_iter()
            .filter(|a| people.contains(&a.person_id))
        {
            if let Some((_, title)) = chunk.iter().find(|t| t.0 == a.training_id) {
                by_title
                    .entry(title.clone())
                    .or_default()
                    .insert(a.person_id);
            }
        }
    }
    Ok(by_title)
}

/// Puts `draft` up for unit `grid`'s people.
pub async fn post(
    db: &DatabaseConnection,
    viewer: &Viewer,
    grid: GridId,
    draft: &CourseDraft,
) -> Result<UnitCourses, AppError> {
    let unit = notified_unit(viewer, grid)?;
    let valid = draft.validate().map_err(|e| AppError::refused(&e))?;
    let tx = crate::db::begin_write(db).await?;
    let by = Actor::of(viewer);
    course::Entity::insert(course::ActiveModel {
        grid_id: Set(grid),
        title: Set(valid.title.clone()),
        topic: Set(valid.topic.code().to_owned()),
        hours: Set(i32::try_from(valid.hours).unwrap_or(i32::MAX)),
        link: Set(valid.link.clone()),
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
        topic: valid.topic.label(),
        hours: valid.hours,
        link: &valid.link,
    });
    audit::record(&tx, by, "post_course", "course", &key, None, after.as_ref()).await?;
    tx.commit().await?;
    unit_courses(db, viewer, grid)
        .await?
        .ok_or(AppError::Forbidden)
}

/// Takes course `id` of unit `grid` down.
pub async fn remove(
    db: &DatabaseConnection,
    viewer: &Viewer,
    grid: GridId,
    id: i32,
) -> Result<UnitCourses, AppError> {
    let unit = notified_unit(viewer, grid)?;
    let tx = crate::db::begin_write(db).await?;
    let row = course::Entity::find_by_id(id)
        .filter(course::Column::GridId.eq(grid))
        .one(&tx)
        .await?
        .ok_or_else(|| AppError::Invalid(words::NOT_POSTED.into()))?;
    course::Entity::delete_by_id(id).exec(&tx).await?;
    let key = format!("{unit} {}", row.title);
    let topic = crate::domain::training::TrainingTopic::from_code(&row.topic);
    let before = Some(Audited {
        title: &row.title,
        topic: topic.map_or("", |t| t.label()),
        hours: u32::try_from(row.hours).unwrap_or(0),
        link: &row.link,
    });
    let by = Actor::of(viewer);
    audit::record(
        &tx,
        by,
        "remove_course",
        "course",
        &key,
        before.as_ref(),
        None,
    )
    .await?;
    tx.commit().await?;
    unit_courses(db, viewer, grid)
        .await?
        .ok_or(AppError::Forbidden)
}

#[derive(serde::Serialize)]
struct Audited<'a> {
    title: &'a str,
    topic: &'a str,
    hours: u32,
    link: &'a str,
}
