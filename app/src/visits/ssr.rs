//! Storing pushed visits exactly once, and reading them back.
use crate::auth::ssr::{Viewer, now_ms};
use crate::db::{enterprise, visit};
use crate::domain::period::{Month, format_date, shanghai_date};
use crate::domain::visit::{ValidVisit, VisitDraft, VisitPurpose};
use crate::error::AppError;
use crate::photos::ssr as photos;
use crate::reports::ssr::store::locked_months;
use crate::sync::api::{KIND_VISIT, Problem, RecordEnvelope, RecordOutcome, RecordResult};
use crate::visits::api::VisitRecord;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// Answers every record of a batch. Records stored before (a replay) are answered as then;
/// the rest are validated, and the valid ones inserted in one statement that skips ids
/// stored meanwhile, so concurrent replays also store once.
pub async fn store_visits(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    records: Vec<RecordEnvelope>,
) -> Result<Vec<RecordResult>, AppError> {
    let ids: Vec<Uuid> = records.iter().map(|r| r.id).collect();
    let mut stored = stored_by_id(db, &ids).await?;
    let today = shanghai_date(now_ms()).ok_or(AppError::Internal)?;
    let enterprise_ids: HashSet<i32> = records
        .iter()
        .filter_map(|r| r.payload.get("enterprise_id").and_then(|v| v.as_i64()))
        .filter_map(|id| i32::try_from(id).ok())
        .collect();
    let enterprises: HashMap<i32, enterprise::Model> = enterprise::Entity::find()
        .filter(enterprise::Column::Id.is_in(enterprise_ids))
        .all(db)
        .await?
        .into_iter()
        .filter(|e| viewer.visible.contains(&e.grid_id))
        .map(|e| (e.id, e))
        .collect();

    let locked = locked_months(db, enterprises.values().map(|e| e.grid_id)).await?;
    let uploaded = photos::uploaded_by(db, viewer.person_id(), &records).await?;
    let received_at_ms = now_ms();
    let mut rejected: HashMap<Uuid, Vec<Problem>> = HashMap::new();
    let mut to_insert = Vec::new();
    let mut queued = HashSet::new();
    for record in &records {
        if stored.contains_key(&record.id) || queued.contains(&record.id) {
            continue;
        }
        match check(record, today, &enterprises, &locked, &uploaded) {
            Ok(admitted) => {
                queued.insert(record.id);
                photos::attach(db, admitted.grid_id, &admitted.photos).await?;
                to_insert.push(active_model(
                    record,
                    viewer.person_id(),
                    admitted,
                    received_at_ms,
                ));
            }
            Err(problems) => {
                rejected.insert(record.id, problems);
            }
        }
    }
    if !to_insert.is_empty() {
        visit::Entity::insert_many(to_insert)
            .on_conflict_do_nothing()
            .exec_without_returning(db)
            .await?;
        stored = stored_by_id(db, &ids).await?;
    }
    Ok(records
        .iter()
        .map(|r| RecordResult {
            id: r.id,
            outcome: outcome(r.id, viewer.person_id(), &stored, &rejected),
        })
        .collect())
}

fn outcome(
    id: Uuid,
    person_id: i32,
    stored: &HashMap<Uuid, visit::Model>,
    rejected: &HashMap<Uuid, Vec<Problem>>,
) -> RecordOutcome {
    match (stored.get(&id), rejected.get(&id)) {
        (Some(row), _) if row.person_id == person_id => RecordOutcome::Accepted {
            received_at_ms: row.received_at_ms,
        },
        (Some(_), _) => RecordOutcome::Rejected {
            problems: vec![Problem::new(
                "id_taken",
                None,
                "记录编号与他人的记录重复，请重新保存",
            )],
        },
        (None, Some(problems)) => RecordOutcome::Rejected {
            problems: problems.clone(),
        },
        (None, None) => RecordOutcome::Rejected {
            problems: vec![Problem::new(
                "not_stored",
                None,
                "服务器未能保存该记录，请重试",
            )],
        },
    }
}

fn check(
    record: &RecordEnvelope,
    today: time::Date,
    enterprises: &HashMap<i32, enterprise::Model>,
    locked: &HashSet<(i32, Month)>,
    uploaded: &HashSet<Uuid>,
) -> Result<Admitted, Vec<Problem>> {
    if record.kind != KIND_VISIT {
        return Err(vec![Problem::new("unknown_kind", None, "不支持的记录类型")]);
    }
    let draft: VisitDraft = record.payload_as()?;
    let valid = draft.validate(today).map_err(Problem::of_fields)?;
    photos::check(&draft.photos, uploaded)?;
    let enterprise = enterprises.get(&valid.enterprise_id).ok_or_else(|| {
        vec![Problem::new(
            "enterprise_not_allowed",
            Some("enterprise_id"),
            "该企业不在您的网格内，不能记录走访",
        )]
    })?;
    let grid_id = enterprise.grid_id;
    let month = Month::of(valid.visit_date);
    if locked.contains(&(grid_id, month)) {
        return Err(vec![Problem::new(
            "month_locked",
            Some("visit_date"),
            format!(
                "{}的工作已经乡镇审核通过并锁定，不能再记入该月；如需补记，请联系乡镇网格长解锁",
                month.label()
            ),
        )]);
    }
    Ok(Admitted {
        valid,
        photos: draft.photos,
        grid_id,
    })
}

/// A visit that may be stored: valid, with uploaded photos, in a grid of the person's.
struct Admitted {
    valid: ValidVisit,
    photos: Vec<Uuid>,
    grid_id: i32,
}

fn active_model(
    record: &RecordEnvelope,
    person_id: i32,
    Admitted {
        valid,
        photos,
        grid_id,
    }: Admitted,
    received_at_ms: i64,
) -> visit::ActiveModel {
    visit::ActiveModel {
        id: Set(record.id),
        person_id: Set(person_id),
        enterprise_id: Set(valid.enterprise_id),
        grid_id: Set(grid_id),
        visit_date: Set(valid.visit_date),
        purpose: Set(valid.purpose.code().to_owned()),
        findings: Set(valid.findings),
        follow_up: Set(valid.follow_up),
        photos: Set(serde_json::json!(photos).to_string()),
        version: Set(i32::try_from(record.version).unwrap_or(i32::MAX)),
        device_time_ms: Set(record.device_time_ms),
        received_at_ms: Set(received_at_ms),
    }
}

async fn stored_by_id(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, visit::Model>, AppError> {
    Ok(visit::Entity::find()
        .filter(visit::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|v| (v.id, v))
        .collect())
}

/// The person's own visits received at or after `since` (milliseconds), oldest first.
pub async fn own_visits_since(
    db: &impl ConnectionTrait,
    person_id: i32,
    since: i64,
) -> Result<Vec<VisitRecord>, AppError> {
    let rows = visit::Entity::find()
        .filter(visit::Column::PersonId.eq(person_id))
        .filter(visit::Column::ReceivedAtMs.gte(since))
        .order_by_asc(visit::Column::ReceivedAtMs)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(record).collect())
}

pub fn record(v: visit::Model) -> VisitRecord {
    VisitRecord {
        id: v.id,
        enterprise_id: v.enterprise_id,
        visit_date: format_date(v.visit_date),
        purpose: VisitPurpose::from_code(&v.purpose).unwrap_or(VisitPurpose::Other),
        findings: v.findings,
        follow_up: v.follow_up,
        photos: serde_json::from_str(&v.photos).unwrap_or_default(),
        version: u32::try_from(v.version).unwrap_or(1),
        received_at_ms: v.received_at_ms,
    }
}
