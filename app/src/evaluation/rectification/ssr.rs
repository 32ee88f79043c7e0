//! Rectification stored and read: the tasks come from the unit's inspection sheet as it stands,
//! the closings from `evaluation_rectification`.
use super::api::{ClosingEntry, ClosingLine, TaskLine, UnitTasks};
use super::words;
use crate::admin::ssr::audit;
use crate::auth::ssr::Viewer;
use crate::db::person;
use crate::divisions::ssr::stored as divisions;
use crate::domain::evaluation::rectification::close as check_closing;
use crate::domain::evaluation::{
    DivisionCode, Gazetteer, Plan, Progress, SheetRole, Shortfall, UnitKind,
};
use crate::domain::period::shanghai_date;
use crate::error::AppError;
use crate::evaluation::entity::{rectification, unit};
use crate::evaluation::ssr::assign::{may_see_unit, own_unit, own_units};
use crate::evaluation::ssr::plan_of;
use crate::evaluation::words as evaluation_words;
use crate::kinds::score_sheets::entity as sheet;
use crate::kinds::score_sheets::ssr::marks_of;
use crate::photos::ssr::{attach_to_record, of_record, usable};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
};
use std::collections::{BTreeSet, HashMap};
use uuid::Uuid;

/// The items the deciding inspection of each of `units` took points off, by unit id; a unit
/// with no inspection sheet yet has none.
pub async fn shortfalls(
    db: &impl ConnectionTrait,
    plan: &Plan,
    units: &[unit::Model],
) -> Result<HashMap<i32, Vec<Shortfall>>, AppError> {
    let ids: Vec<i32> = units.iter().map(|u| u.id).collect();
    let mut rows = Vec::new();
    for chunk in ids.chunks(500) {
        rows.extend(
            sheet::Entity::find()
                .filter(sheet::Column::UnitId.is_in(chunk.to_vec()))
                .filter(sheet::Column::Role.is_in(SheetRole::INSPECTIONS.map(SheetRole::code)))
                .all(db)
                .await?,
        );
    }
    shortfalls_of(plan, units, &rows)
}

/// The items the deciding inspections among `sheets` took points off, by unit id.
fn shortfalls_of(
    plan: &Plan,
    units: &[unit::Model],
    sheets: &[sheet::Model],
) -> Result<HashMap<i32, Vec<Shortfall>>, AppError> {
    let kinds: HashMap<i32, &str> = units.iter().map(|u| (u.id, u.unit_kind.as_str())).collect();
    let mut found = HashMap::new();
    for row in crate::evaluation::ssr::deciding(sheets).into_values() {
        let template = (kinds.get(&row.unit_id))
            .and_then(|k| UnitKind::from_code(k))
            .and_then(|k| plan.templates.get(&k));
        if let Some(template) = template {
            found.insert(row.unit_id, template.shortfalls(&marks_of(row)?));
        }
    }
    Ok(found)
}

/// The closings of `units`, by unit id.
async fn closings(
    db: &impl ConnectionTrait,
    units: &[i32],
) -> Result<HashMap<i32, Vec<rectification::Model>>, AppError> {
    let mut found: HashMap<i32, Vec<rectification::Model>> = HashMap::new();
    for chunk in units.chunks(500) {
        let rows = rectification::Entity::find()
            .filter(rectification::Column::UnitId.is_in(chunk.to_vec()))
            .all(db)
            .await?;
        for row in rows {
            found.entry(row.unit_id).or_default().push(row);
        }
    }
    Ok(found)
}

/// How far each of `units` came, by unit id, from the campaign's `sheets` already read: only
/// units with tasks.
pub async fn progress(
    db: &impl ConnectionTrait,
    plan: &Plan,
    units: &[unit::Model],
    sheets: &[sheet::Model],
) -> Result<HashMap<i32, Progress>, AppError> {
    let tasks = shortfalls_of(plan, units, sheets)?;
    let ids: Vec<i32> = tasks.keys().copied().collect();
    let closed = closings(db, &ids).await?;
    Ok((tasks.iter())
        .filter(|(_, t)| !t.is_empty())
        .map(|(id, t)| {
            let items: BTreeSet<String> = (closed.get(id).into_iter().flatten())
                .filter(|c| c.returned_at_ms.is_none())
                .map(|c| c.item.clone())
                .collect();
            (*id, Progress::of(t, &items))
        })
        .collect())
}

/// A day as the tasks say it: "12月5日".
fn day(at_ms: i64) -> String {
    shanghai_date(at_ms)
        .map(|d| format!("{}月{}日", u8::from(d.month()), d.day()))
        .unwrap_or_default()
}

/// Each task of a unit with how it was closed, and whether the bureau sent it back.
pub async fn lines(
    db: &impl ConnectionTrait,
    unit_id: i32,
    tasks: &[Shortfall],
) -> Result<Vec<TaskLine>, AppError> {
    let closed = closings(db, &[unit_id])
        .await?
        .remove(&unit_id)
        .unwrap_or_default();
    let people: Vec<i32> = (closed.iter())
        .flat_map(|c| [Some(c.closed_by), c.returned_by])
        .flatten()
        .collect();
    let names: HashMap<i32, String> = person::Entity::find()
        .filter(person::Column::Id.is_in(people))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let mut photos = HashMap::new();
    for c in &closed {
        photos.insert(c.record_id, of_record(db, c.record_id).await?);
    }
    Ok((tasks.iter())
        .map(|t| TaskLine {
            item: t.item.clone(),
            text: evaluation_words::shortfall(&t.aspect, &t.text, t.lost, &t.note),
            closing: closed.iter().find(|c| c.item == t.item).map(|c| {
                let name = |id: i32| names.get(&id).map_or("", String::as_str);
                let returned = (c.returned_note.as_deref())
                    .zip(c.returned_by.zip(c.returned_at_ms))
                    .map(|(reason, (by, at))| words::returned_by(name(by), &day(at), reason));
                ClosingLine {
                    note: c.note.clone(),
                    photos: photos.get(&c.record_id).cloned().unwrap_or_default(),
                    by: words::closed_by(name(c.closed_by), &day(c.closed_at_ms)),
                    returned,
                }
            }),
        })
        .collect())
}

/// The units the viewer fills the self-assessment of, with their tasks: only those that have any.
pub async fn mine(db: &DatabaseConnection, viewer: &Viewer) -> Result<Vec<UnitTasks>, AppError> {
    let own = own_units(db, viewer).await?;
    if own.is_empty() {
        return Ok(Vec::new());
    }
    let places = Gazetteer::new(divisions(db).await?.into_values());
    let mut found = Vec::new();
    for (unit, row) in own {
        let plan = plan_of(&row)?;
        let tasks = shortfalls(db, &plan, std::slice::from_ref(&unit)).await?;
        let Some(tasks) = tasks.get(&unit.id).filter(|t| !t.is_empty()) else {
            continue;
        };
        found.push(UnitTasks {
            campaign_id: row.id,
            campaign: row.name,
            unit: unit_name(&places, &unit.code),
            code: unit.code.clone(),
            tasks: lines(db, unit.id, tasks).await?,
        });
    }
    Ok(found)
}

/// A unit's name as the notice lists it, or its code.
pub(crate) fn unit_name(places: &Gazetteer, code: &str) -> String {
    DivisionCode::parse(code).map_or_else(|_| code.to_owned(), |c| places.listed_name(c))
}

/// Closes a task of a unit whose self-assessment the viewer fills, or changes its closing;
/// audited as `evaluation_rectify`.
pub async fn close(
    db: &DatabaseConnection,
    viewer: &Viewer,
    entry: ClosingEntry,
) -> Result<(), AppError> {
    let (unit, row) =
        own_unit(db, viewer, entry.campaign_id, &entry.code, words::NOT_YOURS).await?;
    let plan = plan_of(&row)?;
    let tasks = (shortfalls(db, &plan, std::slice::from_ref(&unit)).await?)
        .remove(&unit.id)
        .unwrap_or_default();
    let note = check_closing(&tasks, &entry.item, &entry.note, &entry.photos)
        .map_err(|e| AppError::Invalid(e.to_string()))?;
    let before = rectification::Entity::find()
        .filter(rectification::Column::UnitId.eq(unit.id))
        .filter(rectification::Column::Item.eq(entry.item.as_str()))
        .one(db)
        .await?;
    // A photo kept from the closing before was uploaded by whoever closed it then.
    let record = before.as_ref().map(|b| b.record_id);
    if !usable(db, viewer.person_id(), &entry.photos, record).await? {
        return Err(AppError::Invalid(words::NOT_UPLOADED.into()));
    }
    let tx = crate::db::begin_write(db).await?;
    let record_id = before.as_ref().map_or_else(Uuid::now_v7, |b| b.record_id);
    let model = rectification::ActiveModel {
        unit_id: Set(unit.id),
        item: Set(entry.item.clone()),
        note: Set(note.clone()),
        record_id: Set(record_id),
        closed_by: Set(viewer.person_id()),
        closed_at_ms: Set(viewer.now_ms),
        // Closed anew: whatever the bureau sent back is answered.
        returned_note: Set(None),
        returned_by: Set(None),
        returned_at_ms: Set(None),
        ..Default::default()
    };
    match &before {
        Some(b) => {
            rectification::Entity::update(rectification::ActiveModel {
                id: Set(b.id),
                ..model
            })
            .exec(&tx)
            .await?;
        }
        None => {
            rectification::Entity::insert(model).exec(&tx).await?;
        }
    }
    attach_to_record(&tx, record_id, &entry.photos).await?;
    let key = format!("{}/{}/{}", entry.campaign_id, unit.code, entry.item);
    audit::record(
        &tx,
        audit::Actor::of(viewer),
        "evaluation_rectify",
        "evaluation_unit",
        &key,
        before.as_ref().map(|b| &b.note),
        Some(&note),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Whether the viewer may see a photo of closing `record_id`: the city bureau, or someone
/// assigned to its unit.
pub async fn may_see_photo(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    record_id: Uuid,
) -> Result<bool, AppError> {
    let unit = rectification::Entity::find()
        .filter(rectification::Column::RecordId.eq(record_id))
        .one(db)
        .await?
        .map(|r| r.unit_id);
    may_see_unit(db, viewer, unit).await
}
