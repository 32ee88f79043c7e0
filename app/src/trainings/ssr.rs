//! Storing pushed training versions exactly once with who attended, refusing stale and locked
//! ones, and reading back the recorder's trainings and each member's attendances.
use crate::auth::ssr::{Viewer, now_ms};
use crate::db::{training, training_attendee};
use crate::domain::period::{Month, format_date};
use crate::domain::training::{TrainingDraft, ValidTraining};
use crate::domain::version::{EditCheck, check_edit};
use crate::error::AppError;
use crate::sync::api::{KIND_TRAINING, Problem, RecordEnvelope, RecordOutcome, RecordResult};
use crate::sync::versioned::{
    GridScope, Wording, answer_each, conflict, locked_problem, rejected, version_of,
};
use crate::trainings::api::{Attended, TrainingRecord};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
};
use std::collections::HashMap;
use time::Date;
use uuid::Uuid;

const WORDING: Wording = Wording {
    record: "培训",
    people_field: "attendees",
    people_code: "attendee_not_member",
    people_label: "参训人员",
    date_field: "training_date",
};

/// Answers every training of a batch, one at a time (a grid records a few a month).
pub async fn store_trainings(
    db: &DatabaseConnection,
    viewer: &Viewer,
    records: Vec<RecordEnvelope>,
) -> Result<Vec<RecordResult>, AppError> {
    if records.is_empty() {
        return Ok(Vec::new());
    }
    let scope = GridScope::of(db, viewer).await?;
    answer_each(
        records,
        |record| {
            debug_assert_eq!(record.kind, KIND_TRAINING);
            let draft: TrainingDraft = record.payload_as()?;
            let valid = draft.validate(scope.today).map_err(Problem::of_fields)?;
            scope.admit(
                valid.grid_id,
                &valid.attendees,
                valid.training_date,
                &WORDING,
            )?;
            Ok(valid)
        },
        |record, valid| store_one(db, viewer.person_id(), record, valid, &scope),
    )
    .await
}

pub(crate) async fn attendees_of(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<HashMap<Uuid, Vec<i32>>, AppError> {
    let rows = training_attendee::Entity::find()
        .filter(training_attendee::Column::TrainingId.is_in(ids))
        .order_by_asc(training_attendee::Column::PersonId)
        .all(db)
        .await?;
    let mut by_training: HashMap<Uuid, Vec<i32>> = HashMap::new();
    for row in rows {
        by_training
            .entry(row.training_id)
            .or_default()
            .push(row.person_id);
    }
    Ok(by_training)
}

async fn write_attendees(
    db: &impl ConnectionTrait,
    id: Uuid,
    attendees: &[i32],
) -> Result<(), AppError> {
    training_attendee::Entity::delete_many()
        .filter(training_attendee::Column::TrainingId.eq(id))
        .exec(db)
        .await?;
    training_attendee::Entity::insert_many(attendees.iter().map(|p| {
        training_attendee::ActiveModel {
            training_id: Set(id),
            person_id: Set(*p),
        }
    }))
    .exec_without_returning(db)
    .await?;
    Ok(())
}

async fn store_one(
    db: &DatabaseConnection,
    person_id: i32,
    record: RecordEnvelope,
    valid: ValidTraining,
    scope: &GridScope,
) -> Result<RecordOutcome, AppError> {
    let record = &record;
    let at_ms = now_ms();
    let tx = db.begin().await?;
    let stored = training::Entity::find_by_id(record.id).one(&tx).await?;
    let fresh = active_model(record, person_id, &valid, at_ms);
    let outcome = match stored {
        None => {
            training::Entity::insert(fresh)
                .on_conflict_do_nothing()
                .exec_without_returning(&tx)
                .await?;
            // Inserted now, or by a concurrent replay of the same id: answer as stored.
            match training::Entity::find_by_id(record.id).one(&tx).await? {
                Some(row) if row.person_id == person_id => {
                    write_attendees(&tx, record.id, &valid.attendees).await?;
                    RecordOutcome::Accepted {
                        received_at_ms: row.received_at_ms,
                    }
                }
                _ => rejected("not_stored", "服务器未能保存该记录，请重试"),
            }
        }
        Some(row) if row.person_id != person_id => {
            rejected("id_taken", "记录编号与他人的记录重复，请重新保存")
        }
        Some(row) => {
            let stored_version = u32::try_from(row.version).unwrap_or(0);
            let attendees = attendees_of(&tx, [row.id])
                .await?
                .remove(&row.id)
                .unwrap_or_default();
            let current = draft_of(&row, attendees);
            let same = valid_draft(&valid) == current;
            let month = Month::of(row.training_date);
            let editable = !scope.is_locked(row.grid_id, row.training_date);
            match check_edit(stored_version, record.version, same, editable) {
                EditCheck::Replay => RecordOutcome::Accepted {
                    received_at_ms: row.received_at_ms,
                },
                EditCheck::Locked => RecordOutcome::Rejected {
                    problems: locked_problem(month, "training_date"),
                },
                EditCheck::Stale => conflict("培训记录", stored_version, current)?,
                EditCheck::Apply => {
                    let mut active: training::ActiveModel = row.into();
                    active.grid_id = fresh.grid_id;
                    active.title = fresh.title;
                    active.training_date = fresh.training_date;
                    active.organiser = fresh.organiser;
                    active.topic = fresh.topic;
                    active.hours = fresh.hours;
                    active.version = fresh.version;
                    active.device_time_ms = fresh.device_time_ms;
                    active.received_at_ms = fresh.received_at_ms;
                    active.update(&tx).await?;
                    write_attendees(&tx, record.id, &valid.attendees).await?;
                    RecordOutcome::Accepted {
                        received_at_ms: at_ms,
                    }
                }
            }
        }
    };
    tx.commit().await?;
    Ok(outcome)
}

fn active_model(
    record: &RecordEnvelope,
    person_id: i32,
    valid: &ValidTraining,
    at_ms: i64,
) -> training::ActiveModel {
    training::ActiveModel {
        id: Set(record.id),
        grid_id: Set(valid.grid_id),
        person_id: Set(person_id),
        title: Set(valid.title.clone()),
        training_date: Set(valid.training_date),
        organiser: Set(valid.organiser.clone()),
        topic: Set(valid.topic.code().to_owned()),
        hours: Set(i32::try_from(valid.hours).unwrap_or(0)),
        version: Set(version_of(record)),
        device_time_ms: Set(record.device_time_ms),
        received_at_ms: Set(at_ms),
    }
}

/// A valid training as the phone's draft, to compare with the stored one.
fn valid_draft(valid: &ValidTraining) -> TrainingDraft {
    TrainingDraft {
        grid_id: valid.grid_id,
        title: valid.title.clone(),
        training_date: format_date(valid.training_date),
        organiser: valid.organiser.clone(),
        topic: valid.topic.code().to_owned(),
        hours: valid.hours,
        attendees: valid.attendees.clone(),
    }
}

pub(crate) fn draft_of(row: &training::Model, attendees: Vec<i32>) -> TrainingDraft {
    TrainingDraft {
        grid_id: row.grid_id,
        title: row.title.clone(),
        training_date: format_date(row.training_date),
        organiser: row.organiser.clone(),
        topic: row.topic.clone(),
        hours: u32::try_from(row.hours).unwrap_or(0),
        attendees,
    }
}

/// The person's own recorded trainings stored or changed at or after `since`, oldest first.
pub async fn own_trainings_since(
    db: &impl ConnectionTrait,
    person_id: i32,
    since: i64,
) -> Result<Vec<TrainingRecord>, AppError> {
    let rows = training::Entity::find()
        .filter(training::Column::PersonId.eq(person_id))
        .filter(training::Column::ReceivedAtMs.gte(since))
        .order_by_asc(training::Column::ReceivedAtMs)
        .all(db)
        .await?;
    let mut attendees = attendees_of(db, rows.iter().map(|r| r.id)).await?;
    Ok(rows
        .into_iter()
        .map(|row| TrainingRecord {
            id: row.id,
            draft: draft_of(&row, attendees.remove(&row.id).unwrap_or_default()),
            version: u32::try_from(row.version).unwrap_or(1),
            received_at_ms: row.received_at_ms,
        })
        .collect())
}

/// The trainings `person_id` attended in `year`, whoever recorded them, by day.
pub async fn attended_in(
    db: &impl ConnectionTrait,
    person_id: i32,
    year: i32,
) -> Result<Vec<Attended>, AppError> {
    let ids: Vec<Uuid> = training_attendee::Entity::find()
        .filter(training_attendee::Column::PersonId.eq(person_id))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.training_id)
        .collect();
    let (Ok(first), Ok(last)) = (
        Date::from_calendar_date(year, time::Month::January, 1),
        Date::from_calendar_date(year, time::Month::December, 31),
    ) else {
        return Ok(Vec::new());
    };
    let mut attended = Vec::new();
    for chunk in ids.chunks(1000) {
        let rows = training::Entity::find()
            .filter(training::Column::Id.is_in(chunk.to_vec()))
            .filter(training::Column::TrainingDate.between(first, last))
            .order_by_asc(training::Column::TrainingDate)
            .all(db)
            .await?;
        attended.extend(rows.into_iter().map(|row| Attended {
            id: row.id,
            date: format_date(row.training_date),
            title: row.title,
            hours: u32::try_from(row.hours).unwrap_or(0),
        }));
    }
    Ok(attended)
}
