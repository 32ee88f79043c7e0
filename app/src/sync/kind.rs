//! The contract a record kind keeps with the sync engine on the server. A kind says what its
//! payload is and who may write it, how its stored row reads and is written, and what a pull
//! sends back; the engine ([`super::store`]) stores, replays, edits, refuses, withdraws and
//! pulls every kind the same way.
use crate::auth::ssr::Viewer;
use crate::domain::draft::Draft;
use crate::error::ServerError;
use crate::sync::api::{Problem, RecordEnvelope};
use sea_orm::{DatabaseConnection, DatabaseTransaction};
use std::future::Future;
use uuid::Uuid;

/// Who holds a kind's records: who may change them, and whose phones pull them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holders {
    /// The person who recorded it.
    Author,
    /// Every leader (网格长 and deputy) of its grid: monthly reports and annual plans.
    GridLeaders,
}

/// What the engine reads of a stored row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Head {
    pub grid_id: i32,
    /// Who stored its latest version.
    pub person_id: i32,
    pub version: u32,
    /// When the server stored its latest version.
    pub changed_at_ms: i64,
}

/// A pushed version admitted for storing, with what its envelope says.
pub struct Incoming<'a, A> {
    pub id: Uuid,
    pub version: i32,
    pub device_time_ms: i64,
    pub person_id: i32,
    /// When the server took it.
    pub at_ms: i64,
    pub admitted: &'a A,
}

/// One record kind, as stored by the server.
pub trait RecordKind: Send + Sync + 'static {
    type Draft: Draft + Send + Sync;
    /// What checking a batch needs (the writer's grids, locked months, uploaded photos),
    /// loaded once per batch.
    type Scope: Send + Sync;
    /// A valid draft inside the writer's scope, with what storing it needs.
    type Admitted: Send + Sync;
    type Row: Send + Sync;
    /// A stored record as a pull sends it.
    type Pulled: serde::Serialize + Send;

    /// The record in words, as answers name it (活动记录).
    const NOUN: &'static str;
    /// The name its records go under in a pull.
    const PULLED_AS: &'static str;
    const HOLDERS: Holders;

    fn scope(
        tx: &DatabaseTransaction,
        viewer: &Viewer,
        records: &[RecordEnvelope],
    ) -> impl Future<Output = Result<Self::Scope, ServerError>> + Send;

    /// Whether the valid draft is the writer's to make: their grid, their members, an open
    /// month.
    fn admit(
        scope: &Self::Scope,
        draft: &Self::Draft,
        valid: <Self::Draft as Draft>::Valid,
    ) -> Result<Self::Admitted, Vec<Problem>>;

    /// The admitted version as the phone's draft, compared with the stored one: equal drafts
    /// are the same content.
    fn as_draft(admitted: &Self::Admitted) -> Self::Draft;

    fn find(
        tx: &DatabaseTransaction,
        id: Uuid,
    ) -> impl Future<Output = Result<Option<Self::Row>, ServerError>> + Send;

    fn head(row: &Self::Row) -> Head;

    /// The stored version as the phone's draft.
    fn stored_draft(
        tx: &DatabaseTransaction,
        row: &Self::Row,
    ) -> impl Future<Output = Result<Self::Draft, ServerError>> + Send;

    /// Why the stored record cannot become this version at all (a report moved to another
    /// month), whatever its number.
    fn refuse_change(_row: &Self::Row, _admitted: &Self::Admitted) -> Option<Vec<Problem>> {
        None
    }

    /// Why the stored record may no longer change (its month locked, its report approved).
    fn locked(
        tx: &DatabaseTransaction,
        row: &Self::Row,
    ) -> impl Future<Output = Result<Option<Vec<Problem>>, ServerError>> + Send;

    /// Why it may no longer be withdrawn: as for an edit, unless the kind says otherwise.
    fn withdrawal_refused(
        tx: &DatabaseTransaction,
        row: &Self::Row,
    ) -> impl Future<Output = Result<Option<Vec<Problem>>, ServerError>> + Send {
        Self::locked(tx, row)
    }

    /// Why a new record cannot be stored although its id is free: another record already
    /// holds its place (one report per grid and month).
    fn taken(
        _tx: &DatabaseTransaction,
        _admitted: &Self::Admitted,
    ) -> impl Future<Output = Result<Option<Vec<Problem>>, ServerError>> + Send {
        async { Ok(None) }
    }

    /// Inserts a new record with `ON CONFLICT DO NOTHING`, and what hangs on it when it was
    /// inserted; whether it was.
    fn insert(
        tx: &DatabaseTransaction,
        new: Incoming<'_, Self::Admitted>,
    ) -> impl Future<Output = Result<bool, ServerError>> + Send;

    fn update(
        tx: &DatabaseTransaction,
        row: Self::Row,
        new: Incoming<'_, Self::Admitted>,
    ) -> impl Future<Output = Result<(), ServerError>> + Send;

    /// Removes the record and what hangs on it.
    fn delete(
        tx: &DatabaseTransaction,
        row: Self::Row,
    ) -> impl Future<Output = Result<(), ServerError>> + Send;

    /// The records the viewer's phone holds that changed at or after `since`, oldest first.
    fn since(
        db: &DatabaseConnection,
        viewer: &Viewer,
        since: i64,
    ) -> impl Future<Output = Result<Vec<Self::Pulled>, ServerError>> + Send;

    fn pulled_at(record: &Self::Pulled) -> i64;
}
