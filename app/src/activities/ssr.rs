//! Activities as a record kind: stored once, edited by their recorder until the month is
//! locked, pulled back to the recorder's phone; and the days they were held, for the cadence.
use crate::activities::api::{ActivityRecord, PULLED_AS};
use crate::auth::ssr::Viewer;
use crate::db::grid_activity;
use crate::domain::activity::{ActivityDraft, ValidActivity};
use crate::domain::money::format_yuan;
use crate::domain::period::format_date;
use crate::error::ServerError;
use crate::grid_scope::{GridScope, Wording};
use crate::month_lock;
use crate::photos::ssr as photos;
use crate::sync::api::{Problem, RecordEnvelope};
use crate::sync::kind::{
    BatchScope, Holders, Incoming, RecordKind, Write, stored_record, stored_row,
};
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    QueryFilter, QuerySelect,
};
use std::collections::HashSet;
use time::Date;
use uuid::Uuid;

const WORDING: Wording = Wording {
    record: "活动",
    people_field: "participants",
    people_code: "participant_not_member",
    people_label: "参加人员",
    date_field: "activity_date",
};

pub struct Activities;

stored_row!(grid_activity, received_at_ms, ReceivedAtMs);

/// A batch's checks: the recorder's grids, and the photos they uploaded.
pub struct Scope {
    grids: GridScope,
    uploaded: HashSet<Uuid>,
}

impl BatchScope for Scope {
    async fn load(
        tx: &DatabaseTransaction,
        viewer: &Viewer,
        records: &[RecordEnvelope],
    ) -> Result<Self, ServerError> {
        Ok(Scope {
            grids: GridScope::of(tx, viewer).await?,
            uploaded: photos::uploaded_by(tx, viewer.person_id(), records).await?,
        })
    }
}

pub struct Admitted {
    valid: ValidActivity,
    photos: Vec<Uuid>,
}

impl RecordKind for Activities {
    type Draft = ActivityDraft;
    type Scope = Scope;
    type Admitted = Admitted;
    type Row = grid_activity::Model;
    type Entity = grid_activity::Entity;
    type Pulled = ActivityRecord;

    const NOUN: &'static str = "活动记录";
    const PULLED_AS: &'static str = PULLED_AS;
    const HOLDERS: Holders = Holders::Author;

    fn admit(
        scope: &Scope,
        draft: &ActivityDraft,
        valid: ValidActivity,
    ) -> Result<Admitted, Vec<Problem>> {
        scope.grids.admit(
            valid.grid_id,
            &valid.participants,
            valid.activity_date,
            &WORDING,
        )?;
        photos::check(&draft.photos, &scope.uploaded)?;
        Ok(Admitted {
            valid,
            photos: draft.photos.clone(),
        })
    }

    fn as_draft(a: &Admitted) -> ActivityDraft {
        ActivityDraft {
            grid_id: a.valid.grid_id,
            activity_type: a.valid.activity_type.code().to_owned(),
            activity_date: format_date(a.valid.activity_date),
            place: a.valid.place.clone(),
            participants: a.valid.participants.clone(),
            summary: a.valid.summary.clone(),
            spend_yuan: format_yuan(a.valid.spend_fen),
            photos: a.photos.clone(),
        }
    }

    async fn stored_draft(
        _tx: &DatabaseTransaction,
        row: &Self::Row,
    ) -> Result<ActivityDraft, ServerError> {
        draft_of(row)
    }

    async fn locked(
        tx: &DatabaseTransaction,
        row: &Self::Row,
    ) -> Result<Option<Vec<Problem>>, ServerError> {
        month_lock::refusal(tx, row.grid_id, row.activity_date, WORDING.date_field).await
    }

    fn row(
        new: &Incoming<'_, Admitted>,
        _before: Option<&Self::Row>,
    ) -> grid_activity::ActiveModel {
        let valid = &new.admitted.valid;
        grid_activity::ActiveModel {
            id: Set(new.id),
            grid_id: Set(valid.grid_id),
            person_id: Set(new.person_id),
            activity_type: Set(valid.activity_type.code().to_owned()),
            activity_date: Set(valid.activity_date),
            place: Set(valid.place.clone()),
            participants: Set(serde_json::json!(valid.participants).to_string()),
            summary: Set(valid.summary.clone()),
            spend_fen: Set(valid.spend_fen),
            photos: Set(serde_json::json!(new.admitted.photos).to_string()),
            version: Set(new.version),
            device_time_ms: Set(new.device_time_ms),
            received_at_ms: Set(new.at_ms),
            change_seq: NotSet, // numbered by the engine before commit
        }
    }

    /// Its photos move to its grid with every version.
    async fn write_beside(
        tx: &DatabaseTransaction,
        new: &Incoming<'_, Admitted>,
        write: Write,
    ) -> Result<(), ServerError> {
        photos::attach(
            tx,
            new.id,
            new.admitted.valid.grid_id,
            &new.admitted.photos,
            write,
        )
        .await
    }

    async fn pulled(
        _db: &DatabaseConnection,
        rows: Vec<Self::Row>,
    ) -> Result<Vec<ActivityRecord>, ServerError> {
        rows.iter()
            .map(|row| Ok(stored_record(row, draft_of(row)?)))
            .collect()
    }
}

/// The stored version as the phone's draft; a JSON column that does not read back is an
/// error, not an empty list.
fn draft_of(row: &grid_activity::Model) -> Result<ActivityDraft, ServerError> {
    Ok(ActivityDraft {
        grid_id: row.grid_id,
        activity_type: row.activity_type.clone(),
        activity_date: format_date(row.activity_date),
        place: row.place.clone(),
        participants: serde_json::from_str(&row.participants)
            .map_err(ServerError::json("reading an activity's participants"))?,
        summary: row.summary.clone(),
        spend_yuan: format_yuan(row.spend_fen),
        photos: serde_json::from_str(&row.photos)
            .map_err(ServerError::json("reading an activity's photos"))?,
    })
}

/// The days each of `grids` held an activity between `first` and `last`, for the cadence.
pub async fn activity_days(
    db: &impl ConnectionTrait,
    grids: &[i32],
    first: Date,
    last: Date,
) -> Result<Vec<(i32, Date)>, ServerError> {
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
