//! Storing pushed activity versions exactly once, refusing stale and locked ones, and reading
//! them back for the phone and the cadence.
use crate::activities::api::ActivityRecord;
use crate::auth::ssr::{Viewer, now_ms};
use crate::db::grid_activity;
use crate::domain::activity::{ActivityDraft, ValidActivity};
use crate::domain::money::format_yuan;
use crate::domain::period::{Month, format_date};
use crate::domain::version::{EditCheck, check_edit};
use crate::error::AppError;
use crate::photos::ssr as photos;
use crate::sync::api::{KIND_ACTIVITY, Problem, RecordEnvelope, RecordOutcome, RecordResult};
use crate::sync::versioned::{
    GridScope, Wording, answer_each, conflict, locked_problem, rejected, version_of,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};
use time::Date;

const WORDING: Wording = Wording {
    record: "活动",
    people_field: "participants",
    people_code: "participant_not_member",
    people_label: "参加人员",
    date_field: "activity_date",
};

/// Answers every activity of a batch, one at a time (a grid holds a few a month).
pub async fn store_activities(
    db: &DatabaseConnection,
    viewer: &Viewer,
    records: Vec<RecordEnvelope>,
) -> Result<Vec<RecordResult>, AppError> {
    if records.is_empty() {
        return Ok(Vec::new());
    }
    let scope = GridScope::of(db, viewer).await?;
    let uploaded = photos::uploaded_by(db, viewer.person_id(), &records).await?;
    answer_each(
        records,
        |record| {
            debug_assert_eq!(record.kind, KIND_ACTIVITY);
            let draft: ActivityDraft = record.payload_as()?;
            let valid = draft.validate(scope.today).map_err(Problem::of_fields)?;
            scope.admit(
                valid.grid_id,
                &valid.participants,
                valid.activity_date,
                &WORDING,
            )?;
            photos::check(&draft.photos, &uploaded)?;
            Ok((valid, draft.photos))
        },
        |record, valid| store_one(db, viewer.person_id(), record, valid, &scope),
    )
    .await
}

async fn store_one(
    db: &DatabaseConnection,
    person_id: i32,
    record: RecordEnvelope,
    (valid, photo_ids): (ValidActivity, Vec<uuid::Uuid>),
    scope: &GridScope,
) -> Result<RecordOutcome, AppError> {
    let record = &record;
    let at_ms = now_ms();
    let tx = db.begin().await?;
    let photo_list = serde_json::json!(photo_ids).to_string();
    let stored = grid_activity::Entity::find_by_id(record.id)
        .one(&tx)
        .await?;
    let outcome = match stored {
        None => {
            grid_activity::Entity::insert(active_model(
                record,
                person_id,
                &valid,
                &photo_list,
                at_ms,
            ))
            .on_conflict_do_nothing()
            .exec_without_returning(&tx)
            .await?;
            // Inserted now, or by a concurrent replay of the same id: answer as stored.
            match grid_activity::Entity::find_by_id(record.id)
                .one(&tx)
                .await?
            {
                Some(row) if row.person_id == person_id => RecordOutcome::Accepted {
                    received_at_ms: row.received_at_ms,
                },
                _ => rejected("not_stored", "服务器未能保存该记录，请重试"),
            }
        }
        Some(row) if row.person_id != person_id => {
            rejected("id_taken", "记录编号与他人的记录重复，请重新保存")
        }
        Some(row) => {
            let stored_version = u32::try_from(row.version).unwrap_or(0);
            let fresh = active_model(record, person_id, &valid, &photo_list, at_ms);
            let same = same_content(&row, &fresh);
            let month = Month::of(row.activity_date);
            let editable = !scope.is_locked(row.grid_id, row.activity_date);
            match check_edit(stored_version, record.version, same, editable) {
                EditCheck::Replay => RecordOutcome::Accepted {
                    received_at_ms: row.received_at_ms,
                },
                EditCheck::Locked => RecordOutcome::Rejected {
                    problems: locked_problem(month, "activity_date"),
                },
                EditCheck::Stale => conflict("活动记录", stored_version, record_of(row).draft)?,
                EditCheck::Apply => {
                    let mut active: grid_activity::ActiveModel = row.into();
                    active.grid_id = fresh.grid_id;
                    active.activity_type = fresh.activity_type;
                    active.activity_date = fresh.activity_date;
                    active.place = fresh.place;
                    active.participants = fresh.participants;
                    active.summary = fresh.summary;
                    active.spend_fen = fresh.spend_fen;
                    active.photos = fresh.photos;
                    active.version = fresh.version;
                    active.device_time_ms = fresh.device_time_ms;
                    active.received_at_ms = fresh.received_at_ms;
                    active.update(&tx).await?;
                    RecordOutcome::Accepted {
                        received_at_ms: at_ms,
                    }
                }
            }
        }
    };
    if matches!(outcome, RecordOutcome::Accepted { .. }) {
        photos::attach(&tx, valid.grid_id, &photo_ids).await?;
    }
    tx.commit().await?;
    Ok(outcome)
}

/// Whether a pushed version says what the stored one says (a resend of it).
fn same_content(row: &grid_activity::Model, fresh: &grid_activity::ActiveModel) -> bool {
    let stored = grid_activity::ActiveModel {
        id: Set(row.id),
        grid_id: Set(row.grid_id),
        person_id: Set(row.person_id),
        activity_type: Set(row.activity_type.clone()),
        activity_date: Set(row.activity_date),
        place: Set(row.place.clone()),
        participants: Set(row.participants.clone()),
        summary: Set(row.summary.clone()),
        spend_fen: Set(row.spend_fen),
        photos: Set(row.photos.clone()),
        ..fresh.clone()
    };
    stored == *fresh
}

fn active_model(
    record: &RecordEnvelope,
    person_id: i32,
    valid: &ValidActivity,
    photos: &str,
    at_ms: i64,
) -> grid_activity::ActiveModel {
    grid_activity::ActiveModel {
        id: Set(record.id),
        grid_id: Set(valid.grid_id),
        person_id: Set(person_id),
        activity_type: Set(valid.activity_type.code().to_owned()),
        activity_date: Set(valid.activity_date),
        place: Set(valid.place.clone()),
        participants: Set(serde_json::json!(valid.participants).to_string()),
        summary: Set(valid.summary.clone()),
        spend_fen: Set(valid.spend_fen),
        photos: Set(photos.to_owned()),
        version: Set(version_of(record)),
        device_time_ms: Set(record.device_time_ms),
        received_at_ms: Set(at_ms),
    }
}

/// The person's own activities stored or changed at or after `since`, oldest first.
pub async fn own_activities_since(
    db: &impl ConnectionTrait,
    person_id: i32,
    since: i64,
) -> Result<Vec<ActivityRecord>, AppError> {
    let rows = grid_activity::Entity::find()
        .filter(grid_activity::Column::PersonId.eq(person_id))
        .filter(grid_activity::Column::ReceivedAtMs.gte(since))
        .order_by_asc(grid_activity::Column::ReceivedAtMs)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(record_of).collect())
}

pub(crate) fn record_of(row: grid_activity::Model) -> ActivityRecord {
    ActivityRecord {
        id: row.id,
        draft: ActivityDraft {
            grid_id: row.grid_id,
            activity_type: row.activity_type,
            activity_date: format_date(row.activity_date),
            place: row.place,
            participants: serde_json::from_str(&row.participants).unwrap_or_default(),
            summary: row.summary,
            spend_yuan: format_yuan(row.spend_fen),
            photos: serde_json::from_str(&row.photos).unwrap_or_default(),
        },
        version: u32::try_from(row.version).unwrap_or(1),
        received_at_ms: row.received_at_ms,
    }
}

/// The days each of `grids` held an activity between `first` and `last`, for the cadence.
pub async fn activity_days(
    db: &impl ConnectionTrait,
    grids: &[i32],
    first: Date,
    last: Date,
) -> Result<Vec<(i32, Date)>, AppError> {
    let mut found = Vec::new();
    for chunk in grids.chunks(1000) {
        let rows: Vec<(i32, Date)> = grid_activity::Entity::find()
            .select_only()
            .column(grid_activity::Column::GridId)
            .column(grid_activity::Column::ActivityDate)
            .filter(grid_activity::Column::GridId.is_in(chunk.to_vec()))
            .filter(grid_activity::Column::ActivityDate.between(first, last))
            .into_tuple()
            .all(db)
            .await?;
        found.extend(rows);
    }
    Ok(found)
}
