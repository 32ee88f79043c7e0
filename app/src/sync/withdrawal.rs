//! Withdrawing records (撤回): a newer version of a record marked `withdrawn` removes it, as
//! long as the township has not reviewed it. The id is kept as a tombstone, so a resend of an
//! older version cannot bring the record back; a withdrawal sent again is answered as the
//! first time.
use crate::auth::ssr::Viewer;
use crate::db::withdrawal;
use crate::error::ServerError;
use crate::sync::api::{Problem, RecordEnvelope, RecordOutcome, RecordResult};
use crate::sync::kind::Holders;
use crate::sync::store::{KindStore, Removal, rejected, stored_version};
use crate::sync::words;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait, sea_query::OnConflict,
};
use std::collections::HashSet;
use uuid::Uuid;

/// The ids among `ids` that were withdrawn.
pub async fn tombstoned(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<HashSet<Uuid>, ServerError> {
    let ids: Vec<Uuid> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashSet::new());
    }
    Ok(withdrawal::Entity::find()
        .filter(withdrawal::Column::Id.is_in(ids))
        .all(db)
        .await
        .map_err(ServerError::db("reading tombstones"))?
        .into_iter()
        .map(|w| w.id)
        .collect())
}

/// The records withdrawn at or after `since` that the viewer's phone may hold: their own, and
/// those of the kinds a grid's leaders hold for the grids they lead; with the latest time
/// among them.
pub async fn withdrawn_since(
    db: &impl ConnectionTrait,
    kinds: &[&dyn KindStore],
    viewer: &Viewer,
    since: i64,
) -> Result<(Vec<Uuid>, Option<i64>), ServerError> {
    let leads = viewer.led_grids();
    let shared: Vec<&str> = kinds
        .iter()
        .filter(|k| k.holders() == Holders::GridLeaders)
        .map(|k| k.kind())
        .collect();
    let rows = withdrawal::Entity::find()
        .filter(withdrawal::Column::AtMs.gte(since))
        .filter(
            Condition::any()
                .add(withdrawal::Column::PersonId.eq(viewer.person_id()))
                .add(
                    Condition::all()
                        .add(withdrawal::Column::GridId.is_in(leads))
                        .add(withdrawal::Column::Kind.is_in(shared)),
                ),
        )
        .all(db)
        .await
        .map_err(ServerError::db("reading withdrawals since the cursor"))?;
    let latest = rows.iter().map(|r| r.at_ms).max();
    Ok((rows.into_iter().map(|r| r.id).collect(), latest))
}

/// The answer to a record resent after it was withdrawn.
pub fn gone(id: Uuid) -> RecordResult {
    RecordResult {
        id,
        outcome: rejected("record_withdrawn", words::WITHDRAWN),
    }
}

/// Answers every withdrawal of a batch, one at a time, each in its own transaction.
pub async fn apply(
    db: &DatabaseConnection,
    kinds: &[&dyn KindStore],
    viewer: &Viewer,
    records: Vec<RecordEnvelope>,
) -> Result<Vec<RecordResult>, ServerError> {
    let mut results = Vec::with_capacity(records.len());
    for record in records {
        let tx = db
            .begin()
            .await
            .map_err(ServerError::db("opening a withdrawal"))?;
        let outcome = match withdrawal::Entity::find_by_id(record.id)
            .one(&tx)
            .await
            .map_err(ServerError::db("reading a tombstone"))?
        {
            Some(done) => RecordOutcome::Accepted {
                received_at_ms: done.at_ms,
            },
            None => {
                let removal = match kinds.iter().find(|k| k.kind() == record.kind) {
                    Some(kind) => kind.withdraw(&tx, viewer, &record).await?,
                    None => Removal::Refused(vec![Problem::new(
                        "unknown_kind",
                        None,
                        words::UNKNOWN_KIND,
                    )]),
                };
                answer(&tx, viewer, &record, removal).await?
            }
        };
        tx.commit()
            .await
            .map_err(ServerError::db("committing a withdrawal"))?;
        results.push(RecordResult {
            id: record.id,
            outcome,
        });
    }
    Ok(results)
}

/// The answer to a withdrawal, with its tombstone when the record is gone.
async fn answer(
    tx: &impl ConnectionTrait,
    viewer: &Viewer,
    record: &RecordEnvelope,
    removal: Removal,
) -> Result<RecordOutcome, ServerError> {
    let grid_id = match removal {
        Removal::Removed(grid) => Some(grid),
        Removal::Absent => None,
        Removal::Refused(problems) => return Ok(RecordOutcome::Rejected { problems }),
        Removal::Stale(conflict) => return Ok(conflict),
    };
    withdrawal::Entity::insert(withdrawal::ActiveModel {
        id: Set(record.id),
        kind: Set(record.kind.clone()),
        person_id: Set(viewer.person_id()),
        grid_id: Set(grid_id),
        version: Set(stored_version(record.version)),
        at_ms: Set(viewer.now_ms),
    })
    .on_conflict(
        OnConflict::column(withdrawal::Column::Id)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(tx)
    .await
    .map_err(ServerError::db("writing a tombstone"))?;
    Ok(RecordOutcome::Accepted {
        received_at_ms: viewer.now_ms,
    })
}
