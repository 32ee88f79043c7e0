//! Withdrawing records (撤回): a newer version of a record marked `withdrawn` removes it, as
//! long as the township has not reviewed it. The id is kept as a tombstone, so a resend of an
//! older version cannot bring the record back; a withdrawal sent again is answered as the
//! first time.
//!
//! A tombstone names the record's kind and who withdrew it, and speaks only for them: it keeps
//! out a later record of that kind and id from its sender (or, for the kinds a grid's leaders
//! hold, from a leader of the removed record's grid). Another person's withdrawal of an id
//! neither removes nor blocks someone else's record.
use crate::auth::ssr::Viewer;
use crate::db::withdrawal;
use crate::error::ServerError;
use crate::sync::api::{Problem, RecordEnvelope, RecordOutcome, RecordResult};
use crate::sync::kind::Holders;
use crate::sync::sequence::{self, Span};
use crate::sync::store::{KindStore, Removal, rejected, stored_version};
use crate::sync::words;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    QueryFilter, Set, sea_query::OnConflict,
};
use std::collections::HashSet;
use uuid::Uuid;

/// Whether the tombstone `t` keeps the viewer's record of its kind and id out: theirs, or of
/// a grid they lead for the kinds a grid's leaders hold.
fn speaks_for(t: &withdrawal::Model, kinds: &[&dyn KindStore], viewer: &Viewer) -> bool {
    let shared = kinds
        .iter()
        .any(|k| k.kind() == t.kind && k.holders() == Holders::GridLeaders);
    t.person_id == viewer.person_id() || (shared && t.grid_id.is_some_and(|g| viewer.leads(g)))
}

/// The ids among `records` that a tombstone of their kind keeps out for the viewer.
pub async fn tombstoned(
    db: &impl ConnectionTrait,
    kinds: &[&dyn KindStore],
    viewer: &Viewer,
    records: &[RecordEnvelope],
) -> Result<HashSet<Uuid>, ServerError> {
    if records.is_empty() {
        return Ok(HashSet::new());
    }
    let stones = withdrawal::Entity::find()
        .filter(withdrawal::Column::Id.is_in(records.iter().map(|r| r.id)))
        .all(db)
        .await
        .map_err(ServerError::db("reading tombstones"))?;
    Ok(records
        .iter()
        .filter(|r| {
            stones
                .iter()
                .any(|t| t.id == r.id && t.kind == r.kind && speaks_for(t, kinds, viewer))
        })
        .map(|r| r.id)
        .collect())
}

/// The records withdrawn within `span` that the viewer's phone may hold: their own, and those
/// of the kinds a grid's leaders hold for the grids they lead.
pub async fn withdrawn_in(
    db: &impl ConnectionTrait,
    kinds: &[&dyn KindStore],
    viewer: &Viewer,
    span: Span,
) -> Result<Vec<Uuid>, ServerError> {
    if span.is_empty() {
        return Ok(Vec::new());
    }
    let shared: Vec<&str> = kinds
        .iter()
        .filter(|k| k.holders() == Holders::GridLeaders)
        .map(|k| k.kind())
        .collect();
    let rows = withdrawal::Entity::find()
        .filter(withdrawal::Column::ChangeSeq.gt(span.after))
        .filter(withdrawal::Column::ChangeSeq.lte(span.upto))
        .filter(
            Condition::any()
                .add(withdrawal::Column::PersonId.eq(viewer.person_id()))
                .add(
                    Condition::all()
                        .add(withdrawal::Column::GridId.is_in(viewer.led_grids()))
                        .add(withdrawal::Column::Kind.is_in(shared)),
                ),
        )
        .all(db)
        .await
        .map_err(ServerError::db("reading withdrawals after the cursor"))?;
    let mut ids: Vec<Uuid> = rows.into_iter().map(|r| r.id).collect();
    ids.sort();
    ids.dedup();
    Ok(ids)
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
        let tx = crate::db::begin_write(db)
            .await
            .map_err(ServerError::db("opening a withdrawal"))?;
        let outcome = match done_before(&tx, kinds, viewer, &record).await? {
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

/// The tombstone that already answers this withdrawal for the viewer, if any.
async fn done_before(
    tx: &DatabaseTransaction,
    kinds: &[&dyn KindStore],
    viewer: &Viewer,
    record: &RecordEnvelope,
) -> Result<Option<withdrawal::Model>, ServerError> {
    Ok(withdrawal::Entity::find()
        .filter(withdrawal::Column::Id.eq(record.id))
        .filter(withdrawal::Column::Kind.eq(&record.kind))
        .all(tx)
        .await
        .map_err(ServerError::db("reading a tombstone"))?
        .into_iter()
        .find(|t| speaks_for(t, kinds, viewer)))
}

/// The answer to a withdrawal, with its tombstone when the record is gone.
async fn answer(
    tx: &DatabaseTransaction,
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
    // The tombstone is the transaction's last write: its change number is taken just before.
    let change_seq = sequence::next(tx).await?;
    withdrawal::Entity::insert(withdrawal::ActiveModel {
        id: Set(record.id),
        kind: Set(record.kind.clone()),
        person_id: Set(viewer.person_id()),
        grid_id: Set(grid_id),
        version: Set(stored_version(record.version)),
        at_ms: Set(viewer.now_ms),
        change_seq: Set(change_seq),
    })
    .on_conflict(
        OnConflict::columns([
            withdrawal::Column::Id,
            withdrawal::Column::Kind,
            withdrawal::Column::PersonId,
        ])
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
