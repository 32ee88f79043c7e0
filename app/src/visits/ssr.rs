//! Visits as a record kind: stored once in the grid of the enterprise visited, corrected by
//! their recorder until the month is locked, and pulled back to the recorder's phone.
use crate::auth::ssr::Viewer;
use crate::db::{enterprise, visit};
use crate::domain::period::{Month, format_date};
use crate::domain::visit::{ValidVisit, VisitDraft, VisitPurpose};
use crate::error::ServerError;
use crate::month_lock;
use crate::photos::ssr as photos;
use crate::sync::api::{Problem, RecordEnvelope};
use crate::sync::kind::{BatchScope, Holders, Incoming, RecordKind, Write, stored_row};
use crate::sync::store::wire_version;
use crate::visits::api::{PULLED_AS, VisitRecord};
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, DatabaseConnection, DatabaseTransaction, EntityTrait, QueryFilter,
};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

const DATE_FIELD: &str = "visit_date";

pub struct Visits;

stored_row!(visit, received_at_ms, ReceivedAtMs);

/// A batch's checks: the grid of each enterprise the recorder may visit that the batch names,
/// the locked months of those grids, and the photos the recorder uploaded.
pub struct Scope {
    grid_of: HashMap<i32, i32>,
    locked: HashSet<(i32, Month)>,
    uploaded: HashSet<Uuid>,
}

impl BatchScope for Scope {
    async fn load(
        tx: &DatabaseTransaction,
        viewer: &Viewer,
        records: &[RecordEnvelope],
    ) -> Result<Self, ServerError> {
        let named: HashSet<i32> = records
            .iter()
            .filter_map(|r| r.payload.get("enterprise_id")?.as_i64())
            .filter_map(|id| i32::try_from(id).ok())
            .collect();
        let grid_of: HashMap<i32, i32> = enterprise::Entity::find()
            .filter(enterprise::Column::Id.is_in(named))
            .all(tx)
            .await
            .map_err(ServerError::db("reading the visited enterprises"))?
            .into_iter()
            .filter(|e| viewer.visible.contains(&e.grid_id))
            .map(|e| (e.id, e.grid_id))
            .collect();
        Ok(Scope {
            locked: month_lock::locked_months(tx, grid_of.values().copied()).await?,
            uploaded: photos::uploaded_by(tx, viewer.person_id(), records).await?,
            grid_of,
        })
    }
}

/// A visit that may be stored: valid, with uploaded photos, in a grid of the recorder's.
pub struct Admitted {
    valid: ValidVisit,
    photos: Vec<Uuid>,
    grid_id: i32,
}

impl RecordKind for Visits {
    type Draft = VisitDraft;
    type Scope = Scope;
    type Admitted = Admitted;
    type Row = visit::Model;
    type Entity = visit::Entity;
    type Pulled = VisitRecord;

    const NOUN: &'static str = "走访记录";
    const PULLED_AS: &'static str = PULLED_AS;
    const HOLDERS: Holders = Holders::Author;

    fn admit(
        scope: &Scope,
        draft: &VisitDraft,
        valid: ValidVisit,
    ) -> Result<Admitted, Vec<Problem>> {
        photos::check(&draft.photos, &scope.uploaded)?;
        let grid_id = *scope.grid_of.get(&valid.enterprise_id).ok_or_else(|| {
            vec![Problem::new(
                "enterprise_not_allowed",
                Some("enterprise_id"),
                "该企业不在您的网格内，不能记录走访",
            )]
        })?;
        let month = Month::of(valid.visit_date);
        if scope.locked.contains(&(grid_id, month)) {
            return Err(month_lock::problem(month, DATE_FIELD));
        }
        Ok(Admitted {
            valid,
            photos: draft.photos.clone(),
            grid_id,
        })
    }

    fn as_draft(a: &Admitted) -> VisitDraft {
        VisitDraft {
            enterprise_id: a.valid.enterprise_id,
            visit_date: format_date(a.valid.visit_date),
            purpose: a.valid.purpose.code().to_owned(),
            findings: a.valid.findings.clone(),
            follow_up: a.valid.follow_up,
            photos: a.photos.clone(),
        }
    }

    async fn stored_draft(
        _tx: &DatabaseTransaction,
        row: &Self::Row,
    ) -> Result<VisitDraft, ServerError> {
        Ok(VisitDraft {
            enterprise_id: row.enterprise_id,
            visit_date: format_date(row.visit_date),
            purpose: row.purpose.clone(),
            findings: row.findings.clone(),
            follow_up: row.follow_up,
            photos: photos_of(row)?,
        })
    }

    async fn locked(
        tx: &DatabaseTransaction,
        row: &Self::Row,
    ) -> Result<Option<Vec<Problem>>, ServerError> {
        month_lock::refusal(tx, row.grid_id, row.visit_date, DATE_FIELD).await
    }

    fn row(new: &Incoming<'_, Admitted>, _before: Option<&Self::Row>) -> visit::ActiveModel {
        let Admitted {
            valid,
            photos,
            grid_id,
        } = new.admitted;
        visit::ActiveModel {
            id: Set(new.id),
            person_id: Set(new.person_id),
            enterprise_id: Set(valid.enterprise_id),
            grid_id: Set(*grid_id),
            visit_date: Set(valid.visit_date),
            purpose: Set(valid.purpose.code().to_owned()),
            findings: Set(valid.findings.clone()),
            follow_up: Set(valid.follow_up),
            photos: Set(serde_json::json!(photos).to_string()),
            version: Set(new.version),
            device_time_ms: Set(new.device_time_ms),
            received_at_ms: Set(new.at_ms),
            change_seq: NotSet, // numbered by the engine before commit
        }
    }

    /// Its photos move to the enterprise's grid with every version.
    async fn write_beside(
        tx: &DatabaseTransaction,
        new: &Incoming<'_, Admitted>,
        write: Write,
    ) -> Result<(), ServerError> {
        photos::attach(
            tx,
            new.id,
            new.admitted.grid_id,
            &new.admitted.photos,
            write,
        )
        .await
    }

    async fn pulled(
        _db: &DatabaseConnection,
        rows: Vec<Self::Row>,
    ) -> Result<Vec<VisitRecord>, ServerError> {
        rows.into_iter().map(record).collect()
    }
}

fn photos_of(row: &visit::Model) -> Result<Vec<Uuid>, ServerError> {
    serde_json::from_str(&row.photos).map_err(ServerError::json("reading a visit's photos"))
}

/// A stored visit as the wire sends it.
pub fn record(v: visit::Model) -> Result<VisitRecord, ServerError> {
    Ok(VisitRecord {
        id: v.id,
        enterprise_id: v.enterprise_id,
        visit_date: format_date(v.visit_date),
        purpose: VisitPurpose::from_code(&v.purpose)
            .ok_or_else(|| ServerError::Corrupt(format!("visit purpose {:?}", v.purpose)))?,
        photos: photos_of(&v)?,
        findings: v.findings,
        follow_up: v.follow_up,
        version: wire_version(v.version),
        received_at_ms: v.received_at_ms,
    })
}
