//! The engine that stores every record kind the same way (`docs/sync.md`): a pushed version is
//! inserted once (`ON CONFLICT DO NOTHING`, so concurrent replays store once), answered as a
//! replay, applied as an edit, refused, or answered with a conflict; a withdrawal removes the
//! record; a pull reads what changed after a cursor. Every transaction that writes records
//! numbers them last with the next change number ([`super::sequence`]), which is what a pull's
//! cursor counts. Each kind plugs in through
//! [`RecordKind`]; the registry of kinds lives above this module and the features.
use crate::auth::ssr::Viewer;
use crate::domain::draft::Draft;
use crate::domain::version::{EditCheck, check_edit};
use crate::error::ServerError;
use crate::sync::api::{CurrentVersion, Problem, RecordEnvelope, RecordOutcome, RecordResult};
use crate::sync::kind::{BatchScope, Head, Holders, Incoming, RecordKind, StoredRow, Write};
use crate::sync::rows;
use crate::sync::sequence::Span;
use crate::sync::words;
use sea_orm::{DatabaseConnection, DatabaseTransaction, EntityName, EntityTrait};
use std::collections::HashSet;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use uuid::Uuid;

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// What became of the record a withdrawal names.
pub enum Removal {
    /// Removed from its grid.
    Removed(i32),
    /// Never stored (or already gone): the tombstone alone keeps it from arriving later.
    Absent,
    Refused(Vec<Problem>),
    /// The stored version is as new as the withdrawal or newer: the user chooses.
    Stale(RecordOutcome),
}

/// A record kind as push, withdrawal and pull see it, whatever its types.
pub trait KindStore: Send + Sync {
    fn kind(&self) -> &'static str;
    /// Who holds its records.
    fn holders(&self) -> Holders;
    /// Answers every record of a batch of this kind, in one transaction.
    fn push<'a>(
        &'a self,
        db: &'a DatabaseConnection,
        viewer: &'a Viewer,
        records: Vec<RecordEnvelope>,
    ) -> BoxFuture<'a, Result<Vec<RecordResult>, ServerError>>;
    fn withdraw<'a>(
        &'a self,
        tx: &'a DatabaseTransaction,
        viewer: &'a Viewer,
        record: &'a RecordEnvelope,
    ) -> BoxFuture<'a, Result<Removal, ServerError>>;
    /// Its records `viewer` holds changed in `span`, as a pull sends them.
    fn pull<'a>(
        &'a self,
        db: &'a DatabaseConnection,
        viewer: &'a Viewer,
        span: Span,
    ) -> BoxFuture<'a, Result<Vec<serde_json::Value>, ServerError>>;
    /// The kind in words, as users name it.
    fn label(&self) -> &'static str;
    /// How many of its records were stored or changed since `since_ms`, in every grid.
    fn changed_since<'a>(
        &'a self,
        db: &'a DatabaseConnection,
        since_ms: i64,
    ) -> BoxFuture<'a, Result<u64, ServerError>>;
    /// The table of its records (`sync::latest` reads their last change number).
    fn table(&self) -> &'static str;
    /// The name its records go under in a pull.
    fn pulled_as(&self) -> &'static str;
}

/// The engine for kind `K`.
pub struct Engine<K>(PhantomData<fn() -> K>);

impl<K> Engine<K> {
    pub const NEW: Self = Engine(PhantomData);
}

impl<K: RecordKind> KindStore for Engine<K> {
    fn kind(&self) -> &'static str {
        K::Draft::KIND
    }

    fn holders(&self) -> Holders {
        K::HOLDERS
    }

    fn push<'a>(
        &'a self,
        db: &'a DatabaseConnection,
        viewer: &'a Viewer,
        records: Vec<RecordEnvelope>,
    ) -> BoxFuture<'a, Result<Vec<RecordResult>, ServerError>> {
        Box::pin(push::<K>(db, viewer, records))
    }

    fn withdraw<'a>(
        &'a self,
        tx: &'a DatabaseTransaction,
        viewer: &'a Viewer,
        record: &'a RecordEnvelope,
    ) -> BoxFuture<'a, Result<Removal, ServerError>> {
        Box::pin(withdraw::<K>(tx, viewer, record))
    }

    fn pull<'a>(
        &'a self,
        db: &'a DatabaseConnection,
        viewer: &'a Viewer,
        span: Span,
    ) -> BoxFuture<'a, Result<Vec<serde_json::Value>, ServerError>> {
        Box::pin(pull::<K>(db, viewer, span))
    }

    fn label(&self) -> &'static str {
        K::Draft::LABEL
    }

    fn changed_since<'a>(
        &'a self,
        db: &'a DatabaseConnection,
        since_ms: i64,
    ) -> BoxFuture<'a, Result<u64, ServerError>> {
        Box::pin(rows::changed_since::<K>(db, since_ms))
    }

    fn table(&self) -> &'static str {
        K::Entity::default().table_name()
    }

    fn pulled_as(&self) -> &'static str {
        K::PULLED_AS
    }
}

async fn push<K: RecordKind>(
    db: &DatabaseConnection,
    viewer: &Viewer,
    records: Vec<RecordEnvelope>,
) -> Result<Vec<RecordResult>, ServerError> {
    if records.is_empty() {
        return Ok(Vec::new());
    }
    let today = viewer.today()?;
    let tx = crate::db::begin_write(db)
        .await
        .map_err(ServerError::db("opening a push"))?;
    let scope = K::Scope::load(&tx, viewer, &records).await?;
    let admitted: Vec<_> = records
        .iter()
        .map(|record| admit::<K>(&scope, record, today))
        .collect();
    let mut inserted = insert_new::<K>(&tx, viewer, &records, &admitted).await?;
    let mut results = Vec::with_capacity(records.len());
    let mut written = Vec::new();
    for (record, admitted) in records.iter().zip(admitted) {
        let outcome = match admitted {
            // Stored now as sent: judged against itself it is a replay, accepted now.
            Ok(admitted) if inserted.remove(&record.id) => {
                K::write_beside(&tx, &incoming(viewer, record, &admitted), Write::Insert).await?;
                written.push(record.id);
                RecordOutcome::Accepted {
                    received_at_ms: viewer.now_ms,
                }
            }
            Ok(admitted) => store_one::<K>(&tx, viewer, record, &admitted, &mut written).await?,
            Err(problems) => RecordOutcome::Rejected { problems },
        };
        results.push(RecordResult {
            id: record.id,
            outcome,
        });
    }
    rows::number::<K>(&tx, written).await?;
    tx.commit()
        .await
        .map_err(ServerError::db("committing a push"))?;
    Ok(results)
}

/// Inserts the batch's new records together ([`rows::insert_all`]) and returns the ids it
/// inserted: of each id not stored yet, the first admitted version, unless another record
/// holds its place ([`RecordKind::taken`]). A grid leaders' record is left to [`store_one`],
/// since who may change it depends on the grid it was admitted to; so is every later version
/// of an id in the batch, and whatever a concurrent push stored first.
async fn insert_new<K: RecordKind>(
    tx: &DatabaseTransaction,
    viewer: &Viewer,
    records: &[RecordEnvelope],
    admitted: &[Result<K::Admitted, Vec<Problem>>],
) -> Result<HashSet<Uuid>, ServerError> {
    if K::HOLDERS == Holders::GridLeaders {
        return Ok(HashSet::new());
    }
    let stored = rows::stored_among::<K>(tx, records.iter().map(|r| r.id).collect()).await?;
    let mut seen = HashSet::new();
    let mut new = Vec::new();
    for (record, admitted) in records.iter().zip(admitted) {
        let Ok(admitted) = admitted else { continue };
        if stored.contains(&record.id) || !seen.insert(record.id) {
            continue;
        }
        if K::taken(tx, record.id, admitted).await?.is_none() {
            new.push(incoming(viewer, record, admitted));
        }
    }
    rows::insert_all::<K>(tx, &new).await
}

/// A version as the server stores it: the phone's, taken by the viewer now.
fn incoming<'a, A>(viewer: &Viewer, record: &RecordEnvelope, admitted: &'a A) -> Incoming<'a, A> {
    Incoming {
        id: record.id,
        version: stored_version(record.version),
        device_time_ms: record.device_time_ms,
        person_id: viewer.person_id(),
        at_ms: viewer.now_ms,
        admitted,
    }
}

fn admit<K: RecordKind>(
    scope: &K::Scope,
    record: &RecordEnvelope,
    today: time::Date,
) -> Result<K::Admitted, Vec<Problem>> {
    let draft: K::Draft = record.payload_as()?;
    let valid = draft.validate(today).map_err(Problem::of_fields)?;
    K::admit(scope, &draft, valid)
}

/// Stores one admitted version: inserted when new, then judged against what is stored. The
/// ids it wrote go to `written`, to be numbered before the commit.
async fn store_one<K: RecordKind>(
    tx: &DatabaseTransaction,
    viewer: &Viewer,
    record: &RecordEnvelope,
    admitted: &K::Admitted,
    written: &mut Vec<uuid::Uuid>,
) -> Result<RecordOutcome, ServerError> {
    let incoming = || incoming(viewer, record, admitted);
    let row = match rows::find::<K>(tx, record.id).await? {
        Some(row) => row,
        None => {
            if let Some(problems) = K::taken(tx, record.id, admitted).await? {
                return Ok(RecordOutcome::Rejected { problems });
            }
            if rows::insert::<K>(tx, &incoming()).await? {
                written.push(record.id);
            }
            // Inserted now, or by a concurrent push of the same id: judged as stored. Not
            // stored: a concurrent push took the kind's other key (a plan for the same grid
            // and year), which `taken` now sees.
            match rows::find::<K>(tx, record.id).await? {
                Some(row) => row,
                None => {
                    return Ok(match K::taken(tx, record.id, admitted).await? {
                        Some(problems) => RecordOutcome::Rejected { problems },
                        None => rejected("not_stored", words::NOT_STORED),
                    });
                }
            }
        }
    };
    let head = row.head();
    if !may_change::<K>(viewer, &head) {
        return Ok(rejected("id_taken", words::ID_TAKEN));
    }
    if let Some(problems) = K::refuse_change(&row, admitted) {
        return Ok(RecordOutcome::Rejected { problems });
    }
    let stored = K::stored_draft(tx, &row).await?;
    let same = stored == K::as_draft(admitted);
    // Only a newer version asks whether the record may still change.
    let refusal = if record.version > head.version {
        K::locked(tx, &row).await?
    } else {
        None
    };
    Ok(
        match check_edit(head.version, record.version, same, refusal.is_none()) {
            EditCheck::Replay => RecordOutcome::Accepted {
                received_at_ms: head.changed_at_ms,
            },
            EditCheck::Locked => RecordOutcome::Rejected {
                problems: refusal.unwrap_or_default(),
            },
            EditCheck::Stale => conflict::<K>(head.version, &stored)?,
            EditCheck::Apply => {
                rows::update::<K>(tx, &row, &incoming()).await?;
                written.push(record.id);
                RecordOutcome::Accepted {
                    received_at_ms: viewer.now_ms,
                }
            }
        },
    )
}

/// Whether the viewer may change a stored record: its author, or for records the grid's
/// leaders hold, any leader of its grid. A record held by assignment was admitted only into a
/// unit the viewer is assigned to, and `refuse_change` keeps it in that unit.
fn may_change<K: RecordKind>(viewer: &Viewer, head: &Head) -> bool {
    match K::HOLDERS {
        Holders::Author => head.person_id == viewer.person_id(),
        Holders::GridLeaders => viewer.leads(head.grid_id),
        Holders::Assigned => true,
    }
}

/// The checks every withdrawal passes, then the kind's removal.
async fn withdraw<K: RecordKind>(
    tx: &DatabaseTransaction,
    viewer: &Viewer,
    record: &RecordEnvelope,
) -> Result<Removal, ServerError> {
    // A record held by assignment has one id per place, which a tombstone would close.
    let refused = || Removal::Refused(vec![Problem::new("not_allowed", None, words::NOT_ALLOWED)]);
    if K::HOLDERS == Holders::Assigned {
        return Ok(refused());
    }
    let Some(row) = rows::find::<K>(tx, record.id).await? else {
        return Ok(Removal::Absent);
    };
    let head = row.head();
    if !may_change::<K>(viewer, &head) {
        return Ok(refused());
    }
    if let Some(problems) = K::withdrawal_refused(tx, &row).await? {
        return Ok(Removal::Refused(problems));
    }
    if record.version <= head.version {
        let stored = K::stored_draft(tx, &row).await?;
        return Ok(Removal::Stale(conflict::<K>(head.version, &stored)?));
    }
    K::remove_beside(tx, &row).await?;
    K::Entity::delete_by_id(record.id)
        .exec(tx)
        .await
        .map_err(ServerError::db("deleting a record"))?;
    Ok(Removal::Removed(head.grid_id))
}

async fn pull<K: RecordKind>(
    db: &DatabaseConnection,
    viewer: &Viewer,
    span: Span,
) -> Result<Vec<serde_json::Value>, ServerError> {
    if span.is_empty() {
        return Ok(Vec::new());
    }
    let held = rows::held_in::<K>(db, viewer, span).await?;
    let records = K::pulled(db, held)
        .await?
        .iter()
        .map(serde_json::to_value)
        .collect::<Result<_, _>>()
        .map_err(ServerError::json("writing pulled records"))?;
    Ok(records)
}

/// The answer to a version made meanwhile elsewhere: the stored one goes back with it.
fn conflict<K: RecordKind>(
    stored_version: u32,
    stored: &K::Draft,
) -> Result<RecordOutcome, ServerError> {
    Ok(RecordOutcome::Conflict {
        problems: vec![Problem::new(
            "stale_version",
            None,
            words::stale(K::NOUN, stored_version),
        )],
        current: CurrentVersion {
            version: stored_version,
            payload: serde_json::to_value(stored)
                .map_err(ServerError::json("writing a conflict"))?,
        },
    })
}

pub fn rejected(code: &str, message: impl Into<String>) -> RecordOutcome {
    RecordOutcome::Rejected {
        problems: vec![Problem::new(code, None, message)],
    }
}

/// A version number as stored (the column is a signed integer).
pub fn stored_version(version: u32) -> i32 {
    i32::try_from(version).unwrap_or(i32::MAX)
}

/// A stored version number as the wire's.
pub fn wire_version(version: i32) -> u32 {
    u32::try_from(version).unwrap_or(0)
}
