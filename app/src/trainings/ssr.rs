//! Trainings as a record kind: stored once with who attended, edited by their recorder until
//! the month is locked, pulled back to the recorder's phone; and each member's attendances.
use crate::db::{training, training_attendee};
use crate::domain::cadence::Period;
use crate::domain::period::format_date;
use crate::domain::training::{TrainingDraft, ValidTraining};
use crate::error::ServerError;
use crate::grid_scope::{GridScope, Wording};
use crate::month_lock;
use crate::sync::api::Problem;
use crate::sync::kind::{Holders, Incoming, RecordKind, Write, stored_record, stored_row};
use crate::trainings::api::{Attended, PULLED_AS, TrainingRecord};
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    QueryFilter, QueryOrder,
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

pub struct Trainings;

stored_row!(training, received_at_ms, ReceivedAtMs);

impl RecordKind for Trainings {
    type Draft = TrainingDraft;
    type Scope = GridScope;
    type Admitted = ValidTraining;
    type Row = training::Model;
    type Entity = training::Entity;
    type Pulled = TrainingRecord;

    const NOUN: &'static str = "培训记录";
    const PULLED_AS: &'static str = PULLED_AS;
    const HOLDERS: Holders = Holders::Author;

    fn admit(
        scope: &GridScope,
        _draft: &TrainingDraft,
        valid: ValidTraining,
    ) -> Result<ValidTraining, Vec<Problem>> {
        scope.admit(
            valid.grid_id,
            &valid.attendees,
            valid.training_date,
            &WORDING,
        )?;
        Ok(valid)
    }

    fn as_draft(valid: &ValidTraining) -> TrainingDraft {
        TrainingDraft {
            grid_id: valid.grid_id,
            title: valid.title.clone(),
            training_date: format_date(valid.training_date),
            organiser: valid.organiser.clone(),
            topic: valid.topic.code().to_owned(),
            session: valid.session.code().to_owned(),
            hours: valid.hours,
            attendees: valid.attendees.clone(),
        }
    }

    async fn stored_draft(
        tx: &DatabaseTransaction,
        row: &Self::Row,
    ) -> Result<TrainingDraft, ServerError> {
        let attendees = attendees_of(tx, [row.id])
            .await?
            .remove(&row.id)
            .unwrap_or_default();
        Ok(draft_of(row, attendees))
    }

    async fn locked(
        tx: &DatabaseTransaction,
        row: &Self::Row,
    ) -> Result<Option<Vec<Problem>>, ServerError> {
        month_lock::refusal(tx, row.grid_id, row.training_date, WORDING.date_field).await
    }

    fn row(
        new: &Incoming<'_, ValidTraining>,
        _before: Option<&Self::Row>,
    ) -> training::ActiveModel {
        let valid = new.admitted;
        training::ActiveModel {
            id: Set(new.id),
            grid_id: Set(valid.grid_id),
            person_id: Set(new.person_id),
            title: Set(valid.title.clone()),
            training_date: Set(valid.training_date),
            organiser: Set(valid.organiser.clone()),
            topic: Set(valid.topic.code().to_owned()),
            session: Set(valid.session.code().to_owned()),
            hours: Set(i32::try_from(valid.hours).unwrap_or(i32::MAX)),
            version: Set(new.version),
            device_time_ms: Set(new.device_time_ms),
            received_at_ms: Set(new.at_ms),
            change_seq: NotSet, // numbered by the engine before commit
        }
    }

    /// Who attended is written anew with every version.
    async fn write_beside(
        tx: &DatabaseTransaction,
        new: &Incoming<'_, ValidTraining>,
        _write: Write,
    ) -> Result<(), ServerError> {
        write_attendees(tx, new.id, &new.admitted.attendees).await
    }

    async fn remove_beside(tx: &DatabaseTransaction, row: &Self::Row) -> Result<(), ServerError> {
        clear_attendees(tx, row.id).await
    }

    async fn pulled(
        db: &DatabaseConnection,
        rows: Vec<Self::Row>,
    ) -> Result<Vec<TrainingRecord>, ServerError> {
        let mut attendees = attendees_of(db, rows.iter().map(|r| r.id)).await?;
        Ok(rows
            .iter()
            .map(|row| {
                let attended = attendees.remove(&row.id).unwrap_or_default();
                stored_record(row, draft_of(row, attended))
            })
            .collect())
    }
}

async fn attendees_of(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<HashMap<Uuid, Vec<i32>>, ServerError> {
    let rows = training_attendee::Entity::find()
        .filter(training_attendee::Column::TrainingId.is_in(ids))
        .order_by_asc(training_attendee::Column::PersonId)
        .all(db)
        .await
        .map_err(ServerError::db("reading attendees"))?;
    let mut by_training: HashMap<Uuid, Vec<i32>> = HashMap::new();
    for row in rows {
        by_training
            .entry(row.training_id)
            .or_default()
            .push(row.person_id);
    }
    Ok(by_training)
}

async fn clear_attendees(db: &impl ConnectionTrait, id: Uuid) -> Result<(), ServerError> {
    training_attendee::Entity::delete_many()
        .filter(training_attendee::Column::TrainingId.eq(id))
        .exec(db)
        .await
        .map_err(ServerError::db("clearing attendees"))?;
    Ok(())
}

async fn write_attendees(
    db: &impl ConnectionTrait,
    id: Uuid,
    attendees: &[i32],
) -> Result<(), ServerError> {
    clear_attendees(db, id).await?;
    training_attendee::Entity::insert_many(attendees.iter().map(|p| {
        training_attendee::ActiveModel {
            training_id: Set(id),
            person_id: Set(*p),
        }
    }))
    .exec_without_returning(db)
    .await
    .map_err(ServerError::db("writing attendees"))?;
    Ok(())
}

fn draft_of(row: &training::Model, attendees: Vec<i32>) -> TrainingDraft {
    TrainingDraft {
        grid_id: row.grid_id,
        title: row.title.clone(),
        training_date: format_date(row.training_date),
        organiser: row.organiser.clone(),
        topic: row.topic.clone(),
        session: row.session.clone(),
        hours: u32::try_from(row.hours).unwrap_or(0),
        attendees,
    }
}

/// The days and hours of the trainings each of `people` attended in `year`, whoever
/// recorded them; someone who attended none is absent.
pub async fn hours_attended(
    db: &impl ConnectionTrait,
    people: &[i32],
    year: i32,
) -> Result<HashMap<i32, Vec<(Date, u32)>>, ServerError> {
    let (first, last) = (
        Period::Year(year).first_day(),
        Period::Year(year).last_day(),
    );
    let mut attendances = Vec::new();
    for chunk in people.chunks(1000) {
        attendances.extend(
            training_attendee::Entity::find()
                .filter(training_attendee::Column::PersonId.is_in(chunk.to_vec()))
                .all(db)
                .await?,
        );
    }
    let ids: Vec<Uuid> = attendances.iter().map(|a| a.training_id).collect();
    let mut held: HashMap<Uuid, (Date, u32)> = HashMap::new();
    for chunk in ids.chunks(1000) {
        let rows = training::Entity::find()
            .filter(training::Column::Id.is_in(chunk.to_vec()))
            .filter(training::Column::TrainingDate.between(first, last))
            .all(db)
            .await?;
        held.extend(rows.into_iter().map(|row| {
            let hours = u32::try_from(row.hours).unwrap_or(0);
            (row.id, (row.training_date, hours))
        }));
    }
    let mut by_person: HashMap<i32, Vec<(Date, u32)>> = HashMap::new();
    for a in attendances {
        if let Some(&day) = held.get(&a.training_id) {
            by_person.entry(a.person_id).or_default().push(day);
        }
    }
    Ok(by_person)
}

/// The trainings `person_id` attended in `year`, whoever recorded them, by day.
pub async fn attended_in(
    db: &impl ConnectionTrait,
    person_id: i32,
    year: i32,
) -> Result<Vec<Attended>, ServerError> {
    let ids: Vec<Uuid> = training_attendee::Entity::find()
        .filter(training_attendee::Column::PersonId.eq(person_id))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.training_id)
        .collect();
    let (first, last) = (
        Period::Year(year).first_day(),
        Period::Year(year).last_day(),
    );
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
