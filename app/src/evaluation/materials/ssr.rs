//! A unit's look-back materials stored and read: one row per unit and kind, replaced when sent
//! again; a report's photos attached to the row's `record_id`.
use super::api::{MaterialBody, MaterialEntry, UnitMaterials};
use super::words;
use crate::admin::ssr::audit;
use crate::auth::ssr::Viewer;
use crate::db::person;
use crate::divisions::ssr::stored as divisions;
use crate::domain::evaluation::questionnaire::{
    Answer, MaterialKind, SummaryReport, check_answers,
};
use crate::domain::evaluation::{Gazetteer, Plan, StageKind};
use crate::domain::period::shanghai_date;
use crate::domain::photo::check_photos;
use crate::error::{AppError, ServerError};
use crate::evaluation::entity::{campaign, material, unit};
use crate::evaluation::rectification::ssr::unit_name;
use crate::evaluation::ssr::assign::{may_see_unit, own_unit, own_units};
use crate::evaluation::ssr::plan_of;
use crate::photos::ssr::{attach_to_record, of_record, usable};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
};
use std::collections::HashMap;
use time::Date;
use uuid::Uuid;

fn day_text(day: Date) -> String {
    format!("{}月{}日", u8::from(day.month()), day.day())
}

/// Who sent `row` and when, against the submission window.
fn sent_line(row: &material::Model, names: &HashMap<i32, String>, plan: &Plan) -> String {
    let name = names.get(&row.sent_by).map_or("", String::as_str);
    let day = shanghai_date(row.sent_at_ms);
    let window = (plan.windows.iter()).find(|w| w.stage == StageKind::Submission);
    let timing = match (window, day) {
        (Some(w), Some(d)) => w.timing(Some(d), d).label(),
        _ => String::new(),
    };
    words::sent(name, &day.map(day_text).unwrap_or_default(), &timing)
}

async fn rows_of(
    db: &impl ConnectionTrait,
    units: &[i32],
) -> Result<HashMap<(i32, String), material::Model>, AppError> {
    let mut found = HashMap::new();
    for chunk in units.chunks(500) {
        let rows = material::Entity::find()
            .filter(material::Column::UnitId.is_in(chunk.to_vec()))
            .all(db)
            .await?;
        found.extend(rows.into_iter().map(|r| ((r.unit_id, r.kind.clone()), r)));
    }
    Ok(found)
}

async fn names_of(
    db: &impl ConnectionTrait,
    rows: &HashMap<(i32, String), material::Model>,
) -> Result<HashMap<i32, String>, AppError> {
    let people: Vec<i32> = rows.values().map(|r| r.sent_by).collect();
    Ok(person::Entity::find()
        .filter(person::Column::Id.is_in(people))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect())
}

fn json<T: serde::de::DeserializeOwned>(row: &material::Model) -> Result<T, AppError> {
    serde_json::from_str(&row.body)
        .map_err(|e| ServerError::json("reading a unit's materials")(e).into())
}

/// What the campaign page says of each unit's materials, by unit id: "调查问卷：已提交（…）",
/// "总结报告：未提交"; nothing where the campaign asks for none.
pub async fn lines(
    db: &impl ConnectionTrait,
    plan: &Plan,
    units: &[unit::Model],
) -> Result<HashMap<i32, Vec<String>>, AppError> {
    if plan.questions.is_empty() {
        return Ok(HashMap::new());
    }
    let ids: Vec<i32> = units.iter().map(|u| u.id).collect();
    let rows = rows_of(db, &ids).await?;
    let names = names_of(db, &rows).await?;
    Ok((units.iter())
        .map(|u| {
            let kinds = [MaterialKind::Questionnaire, MaterialKind::SummaryReport];
            let lines = (kinds.into_iter())
                .map(|kind| {
                    let state = rows.get(&(u.id, kind.code().to_owned())).map_or_else(
                        || words::NOT_SENT.to_owned(),
                        |r| sent_line(r, &names, plan),
                    );
                    words::line(kind.label(), &state)
                })
                .collect();
            (u.id, lines)
        })
        .collect())
}

/// Unit `unit`'s materials in campaign `row`; `None` where the campaign asks for none.
pub async fn of_unit(
    db: &impl ConnectionTrait,
    row: &campaign::Model,
    unit: &unit::Model,
    places: &Gazetteer,
) -> Result<Option<UnitMaterials>, AppError> {
    let plan = plan_of(row)?;
    if plan.questions.is_empty() {
        return Ok(None);
    }
    let rows = rows_of(db, &[unit.id]).await?;
    let names = names_of(db, &rows).await?;
    let of = |kind: MaterialKind| rows.get(&(unit.id, kind.code().to_owned()));
    let answers: Vec<(String, Answer)> = match of(MaterialKind::Questionnaire) {
        Some(r) => json(r)?,
        None => Vec::new(),
    };
    let report: SummaryReport = match of(MaterialKind::SummaryReport) {
        Some(r) => json(r)?,
        None => SummaryReport::default(),
    };
    let report_photos = match of(MaterialKind::SummaryReport) {
        Some(r) => of_record(db, r.record_id).await?,
        None => Vec::new(),
    };
    let due = (plan.windows.iter())
        .find(|w| w.stage == StageKind::Submission)
        .map(|w| words::due(&day_text(w.closes)));
    Ok(Some(UnitMaterials {
        campaign_id: row.id,
        campaign: row.name.clone(),
        code: unit.code.clone(),
        unit: unit_name(places, &unit.code),
        due,
        questions: plan.questions.clone(),
        answers,
        questionnaire_sent: of(MaterialKind::Questionnaire).map(|r| sent_line(r, &names, &plan)),
        report,
        report_photos,
        report_sent: of(MaterialKind::SummaryReport).map(|r| sent_line(r, &names, &plan)),
    }))
}

/// The materials of the units whose self-assessment the viewer fills, in campaigns that ask
/// for them.
pub async fn mine(
    db: &DatabaseConnection,
    viewer: &Viewer,
) -> Result<Vec<UnitMaterials>, AppError> {
    let own = own_units(db, viewer).await?;
    if own.is_empty() {
        return Ok(Vec::new());
    }
    let places = Gazetteer::new(divisions(db).await?.into_values());
    let mut found = Vec::new();
    for (unit, row) in &own {
        found.extend(of_unit(db, row, unit, &places).await?);
    }
    Ok(found)
}

/// Sends a unit's questionnaire (every question answered as it allows) or its summary report
/// (four parts, photos uploaded first); audited as `evaluation_material`.
pub async fn send(
    db: &DatabaseConnection,
    viewer: &Viewer,
    entry: MaterialEntry,
) -> Result<(), AppError> {
    let (unit, row) =
        own_unit(db, viewer, entry.campaign_id, &entry.code, words::NOT_YOURS).await?;
    let plan = plan_of(&row)?;
    if plan.questions.is_empty() {
        return Err(AppError::Invalid(words::NO_QUESTIONNAIRE.into()));
    }
    let invalid = |why: Vec<String>| AppError::Invalid(why.join("；"));
    let (kind, body, photos) = match entry.body {
        MaterialBody::Questionnaire { answers } => {
            check_answers(&plan.questions, &answers, true)
                .map_err(|e| invalid(e.iter().map(ToString::to_string).collect()))?;
            (MaterialKind::Questionnaire, to_json(&answers)?, Vec::new())
        }
        MaterialBody::SummaryReport { report, photos } => {
            let report = report.parse().map_err(|e| invalid(vec![e.to_string()]))?;
            check_photos(&photos).map_err(|e| invalid(vec![e.to_string()]))?;
            (MaterialKind::SummaryReport, to_json(&report)?, photos)
        }
    };
    let before = material::Entity::find()
        .filter(material::Column::UnitId.eq(unit.id))
        .filter(material::Column::Kind.eq(kind.code()))
        .one(db)
        .await?;
    if !usable(
        db,
        viewer.person_id(),
        &photos,
        before.as_ref().map(|b| b.record_id),
    )
    .await?
    {
        return Err(AppError::Invalid(
            crate::evaluation::rectification::words::NOT_UPLOADED.into(),
        ));
    }
    let record_id = before.as_ref().map_or_else(Uuid::now_v7, |b| b.record_id);
    let tx = crate::db::begin_write(db).await?;
    let model = material::ActiveModel {
        unit_id: Set(unit.id),
        kind: Set(kind.code().to_owned()),
        body: Set(body.clone()),
        record_id: Set(record_id),
        sent_by: Set(viewer.person_id()),
        sent_at_ms: Set(viewer.now_ms),
        ..Default::default()
    };
    match &before {
        Some(b) => {
            material::Entity::update(material::ActiveModel {
                id: Set(b.id),
                ..model
            })
            .exec(&tx)
            .await?;
        }
        None => {
            material::Entity::insert(model).exec(&tx).await?;
        }
    }
    if kind == MaterialKind::SummaryReport {
        attach_to_record(&tx, record_id, &photos).await?;
    }
    let key = format!("{}/{}/{}", row.id, unit.code, kind.code());
    audit::record(
        &tx,
        audit::Actor::of(viewer),
        "evaluation_material",
        "evaluation_unit",
        &key,
        before.as_ref().map(|b| &b.body),
        Some(&body),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, AppError> {
    serde_json::to_string(value).map_err(|_| AppError::internal())
}

/// Whether the viewer may see a photo of the report whose row has `record_id`: the city bureau,
/// or someone assigned to its unit.
pub async fn may_see_photo(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    record_id: Uuid,
) -> Result<bool, AppError> {
    let unit = material::Entity::find()
        .filter(material::Column::RecordId.eq(record_id))
        .one(db)
        .await?
        .map(|r| r.unit_id);
    may_see_unit(db, viewer, unit).await
}
