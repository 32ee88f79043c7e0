//! Who fills which unit's sheet: the bureau assigns inspectors (检查评分) and the unit's own
//! people (自评) by phone number; each change is audited.
use super::{bureau, missing, plan_of, view};
use crate::admin::ssr::audit;
use crate::auth::ssr::Viewer;
use crate::db::person;
use crate::domain::evaluation::{
    DivisionCode, Gazetteer, Linker, SheetRole, StageKind, assignable,
};
use crate::error::AppError;
use crate::evaluation::api::{AssignmentEntry, AssignmentLine, CampaignView};
use crate::evaluation::entity::{assignment, campaign, unit};
use crate::evaluation::words;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder,
};
use std::collections::HashMap;

pub async fn assign(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: i32,
    entry: AssignmentEntry,
) -> Result<CampaignView, AppError> {
    bureau(viewer)?;
    let code = entry.code.trim();
    let phone = entry.phone.trim();
    let tx = crate::db::begin_write(db).await?;
    let row = campaign::Entity::find_by_id(id)
        .one(&tx)
        .await?
        .ok_or_else(missing)?;
    let unit = unit::Entity::find()
        .filter(unit::Column::CampaignId.eq(id))
        .filter(unit::Column::Code.eq(code))
        .one(&tx)
        .await?
        .ok_or_else(|| AppError::Invalid(words::no_unit(code)))?;
    let person = person::Entity::find()
        .filter(person::Column::Phone.eq(phone))
        .filter(person::Column::Active.eq(true))
        .one(&tx)
        .await?
        .ok_or_else(|| AppError::Invalid(words::no_person(phone)))?;
    let taken = assignment::Entity::find()
        .filter(assignment::Column::UnitId.eq(unit.id))
        .filter(assignment::Column::PersonId.eq(person.id))
        .filter(assignment::Column::Role.eq(entry.role.code()))
        .one(&tx)
        .await?;
    if taken.is_some() {
        return Err(AppError::Invalid(words::already(&person.name)));
    }
    let city_stage = (plan_of(&row)?.windows.iter()).any(|w| w.stage == StageKind::CityInspection);
    assignable(entry.role, entry.linker, city_stage, unit.sampled)
        .map_err(|e| AppError::Invalid(e.to_string()))?;
    let row = assignment::Entity::insert(assignment::ActiveModel {
        campaign_id: Set(id),
        unit_id: Set(unit.id),
        person_id: Set(person.id),
        role: Set(entry.role.code().to_owned()),
        linker: Set(entry.linker.map(|l| l.code().to_owned())),
        ..Default::default()
    })
    .exec(&tx)
    .await?;
    let what = serde_json::json!({ "assignment": row.last_insert_id, "unit": code,
                                   "person": person.id, "role": entry.role.code(),
                                   "linker": entry.linker.map(|l| l.code()) });
    let key = id.to_string();
    let me = audit::Actor::of(viewer);
    audit::record(
        &tx,
        me,
        "evaluation_assign",
        "evaluation_campaign",
        &key,
        None,
        Some(&what),
    )
    .await?;
    tx.commit().await?;
    view(db, viewer, id).await?.ok_or_else(missing)
}

pub async fn unassign(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: i32,
    assignment_id: i32,
) -> Result<CampaignView, AppError> {
    bureau(viewer)?;
    let tx = crate::db::begin_write(db).await?;
    let row = assignment::Entity::find_by_id(assignment_id)
        .filter(assignment::Column::CampaignId.eq(id))
        .one(&tx)
        .await?
        .ok_or_else(missing)?;
    let what = serde_json::json!({ "assignment": row.id, "unit": row.unit_id,
                                   "person": row.person_id, "role": row.role });
    assignment::Entity::delete_by_id(assignment_id)
        .exec(&tx)
        .await?;
    let me = audit::Actor::of(viewer);
    let key = id.to_string();
    audit::record(
        &tx,
        me,
        "evaluation_unassign",
        "evaluation_campaign",
        &key,
        Some(&what),
        None,
    )
    .await?;
    tx.commit().await?;
    view(db, viewer, id).await?.ok_or_else(missing)
}

/// Who fills which sheet of campaign `id`, in unit order.
pub(super) async fn lines(
    db: &impl ConnectionTrait,
    id: i32,
    units: &[unit::Model],
    places: &Gazetteer,
) -> Result<Vec<AssignmentLine>, AppError> {
    let rows = assignment::Entity::find()
        .filter(assignment::Column::CampaignId.eq(id))
        .order_by_asc(assignment::Column::Id)
        .all(db)
        .await?;
    let people: HashMap<i32, person::Model> = person::Entity::find()
        .filter(person::Column::Id.is_in(rows.iter().map(|r| r.person_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mut lines: Vec<AssignmentLine> = (rows.into_iter())
        .filter_map(|r| {
            let unit = units.iter().find(|u| u.id == r.unit_id)?;
            let person = people.get(&r.person_id)?;
            let code = DivisionCode::parse(&unit.code).ok()?;
            Some(AssignmentLine {
                id: r.id,
                code: unit.code.clone(),
                unit: places.listed_name(code),
                person: format!("{} {}", person.name, person.phone),
                role: SheetRole::from_code(&r.role)?,
                linker: r.linker.as_deref().and_then(Linker::from_code),
            })
        })
        .collect();
    lines.sort_by(|a, b| a.code.cmp(&b.code).then(a.role.cmp(&b.role)));
    Ok(lines)
}

/// The units whose self-assessment the viewer fills, each with its campaign: the unit's own
/// people, who send its materials and close its rectification tasks.
pub async fn own_units(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
) -> Result<Vec<(unit::Model, campaign::Model)>, AppError> {
    let mine = crate::kinds::score_sheets::ssr::assignments_of(db, viewer.person_id()).await?;
    let mut found = Vec::new();
    for a in mine
        .iter()
        .filter(|a| a.role == SheetRole::SelfAssessment.code())
    {
        if let (Some(unit), Some(row)) = (
            unit::Entity::find_by_id(a.unit_id).one(db).await?,
            campaign::Entity::find_by_id(a.campaign_id).one(db).await?,
        ) {
            found.push((unit, row));
        }
    }
    Ok(found)
}

/// Unit `code` of campaign `campaign_id` with its campaign, when the viewer fills its
/// self-assessment; refused in words otherwise (`not_yours`).
pub async fn own_unit(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    campaign_id: i32,
    code: &str,
    not_yours: &str,
) -> Result<(unit::Model, campaign::Model), AppError> {
    (own_units(db, viewer).await?.into_iter())
        .find(|(u, c)| c.id == campaign_id && u.code == code.trim())
        .ok_or_else(|| AppError::Invalid(not_yours.to_owned()))
}

/// Whether the viewer may see what a unit sent or was sent (photos of its rectification and
/// report): the city bureau, or someone assigned to the unit; nobody for no unit.
pub async fn may_see_unit(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    unit: Option<i32>,
) -> Result<bool, AppError> {
    let Some(unit) = unit else {
        return Ok(false);
    };
    if viewer.is_city_admin() {
        return Ok(true);
    }
    let mine = crate::kinds::score_sheets::ssr::assignments_of(db, viewer.person_id()).await?;
    Ok(mine.iter().any(|a| a.unit_id == unit))
}
