//! The contract a record kind keeps with the sync engine on the server. A kind says what its
//! payload is and who may write it, which table holds it and how a version becomes a row, and
//! what a pull sends back; the engine ([`super::store`]) finds, stores, replays, edits,
//! refuses, withdraws and pulls every kind the same way, so a kind writes only what differs.
use crate::auth::ssr::Viewer;
use crate::domain::draft::Draft;
use crate::error::ServerError;
use crate::sync::api::{Problem, RecordEnvelope};
use crate::sync::pulled::StoredRecord;
use sea_orm::{
    DatabaseConnection, DatabaseTransaction, EntityTrait, FromQueryResult, IntoActiveModel,
    ModelTrait, PrimaryKeyTrait,
};
use std::future::Future;
use uuid::Uuid;

/// Who holds a kind's records: who may change them, and whose phones pull them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holders {
    /// The person who recorded it.
    Author,
    /// Every leader (网格长 and deputy) of its grid: monthly reports and annual plans.
    GridLeaders,
    /// Everyone assigned to the unit its holder column names ([`RecordKind::assigned`]): an
    /// evaluation's score sheets, which any inspector of the unit may carry on. Such records
    /// are never withdrawn.
    Assigned,
}

/// What the engine reads of a stored row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Head {
    /// Its grid; for [`Holders::Assigned`] kinds, the key they are held by.
    pub grid_id: i32,
    /// Who stored its latest version.
    pub person_id: i32,
    pub version: u32,
    /// When the server stored its latest version.
    pub changed_at_ms: i64,
}

/// The active model of kind `K`'s table: a row to write.
pub type ActiveModelOf<K> = <<K as RecordKind>::Entity as EntityTrait>::ActiveModel;

/// A column of the table that holds `M`.
pub type ColumnOf<M> = <<M as ModelTrait>::Entity as EntityTrait>::Column;

/// A kind's stored row as the engine reads it, whatever its other columns; written by
/// [`stored_row!`](crate::sync::kind::stored_row).
pub trait StoredRow: ModelTrait {
    /// The columns the engine selects by: the record's id, its grid (or what a
    /// [`Holders::Assigned`] kind is held by) and author, when its
    /// latest version was stored, and the change number of the transaction that wrote it last
    /// (what a pull's cursor counts: [`crate::sync::sequence`]).
    const ID: ColumnOf<Self>;
    const GRID_ID: ColumnOf<Self>;
    const PERSON_ID: ColumnOf<Self>;
    const CHANGED_AT: ColumnOf<Self>;
    const CHANGE_SEQ: ColumnOf<Self>;
    fn id(&self) -> Uuid;
    fn head(&self) -> Head;
}

/// A row as a pull sends it back: its id and `draft`, with the version and when the latest
/// version was stored.
pub fn stored_record<R: StoredRow, D>(row: &R, draft: D) -> StoredRecord<D> {
    let head = row.head();
    StoredRecord {
        id: row.id(),
        draft,
        version: head.version,
        received_at_ms: head.changed_at_ms,
    }
}

/// Makes the sea-orm model of `$table` a [`StoredRow`]: its `id`, `grid_id`, `person_id`,
/// `version` and `change_seq` columns go by those names, and `$changed` (`$Changed` as a
/// column) says when its latest version was stored. The engine sets `change_seq` on every
/// write, so a kind's `row` leaves it `NotSet`.
macro_rules! stored_row {
    ($table:ident, $changed:ident, $Changed:ident) => {
        impl $crate::sync::kind::StoredRow for $table::Model {
            const ID: $table::Column = $table::Column::Id;
            const GRID_ID: $table::Column = $table::Column::GridId;
            const PERSON_ID: $table::Column = $table::Column::PersonId;
            const CHANGED_AT: $table::Column = $table::Column::$Changed;
            const CHANGE_SEQ: $table::Column = $table::Column::ChangeSeq;

            fn id(&self) -> uuid::Uuid {
                self.id
            }

            fn head(&self) -> $crate::sync::kind::Head {
                $crate::sync::kind::Head {
                    grid_id: self.grid_id,
                    person_id: self.person_id,
                    version: $crate::sync::store::wire_version(self.version),
                    changed_at_ms: self.$changed,
                }
            }
        }
    };
}
pub(crate) use stored_row;

/// What checking a batch of one kind needs (the writer's grids, locked months, uploaded
/// photos), loaded once per batch.
pub trait BatchScope: Sized + Send + Sync {
    fn load(
        tx: &DatabaseTransaction,
        viewer: &Viewer,
        records: &[RecordEnvelope],
    ) -> impl Future<Output = Result<Self, ServerError>> + Send;
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

/// How a version was stored: as a new record, or over the one before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Write {
    Insert,
    Update,
}

/// One record kind, as stored by the server.
pub trait RecordKind: Send + Sync + 'static {
    type Draft: Draft + Send + Sync;
    type Scope: BatchScope;
    /// A valid draft inside the writer's scope, with what storing it needs.
    type Admitted: Send + Sync;
    type Row: StoredRow + FromQueryResult + IntoActiveModel<ActiveModelOf<Self>> + Send + Sync;
    /// The table of its records, keyed by the id the phone made.
    type Entity: EntityTrait<
            Model = Self::Row,
            ActiveModel: Send,
            PrimaryKey: PrimaryKeyTrait<ValueType = Uuid>,
        >;
    /// A stored record as a pull sends it.
    type Pulled: serde::Serialize + Send;

    /// The record in words, as answers name it (活动记录).
    const NOUN: &'static str;
    /// The name its records go under in a pull.
    const PULLED_AS: &'static str;
    const HOLDERS: Holders;

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

    /// Why the stored record may no longer change (its month locked, its report approved);
    /// never, unless the kind says.
    fn locked(
        _tx: &DatabaseTransaction,
        _row: &Self::Row,
    ) -> impl Future<Output = Result<Option<Vec<Problem>>, ServerError>> + Send {
        async { Ok(None) }
    }

    /// Why it may no longer be withdrawn: as for an edit, unless the kind says otherwise.
    fn withdrawal_refused(
        tx: &DatabaseTransaction,
        row: &Self::Row,
    ) -> impl Future<Output = Result<Option<Vec<Problem>>, ServerError>> + Send {
        Self::locked(tx, row)
    }

    /// Why a new record `id` cannot be stored although its id is free: another record
    /// already holds its place (one report per grid and month).
    fn taken(
        _tx: &DatabaseTransaction,
        _id: Uuid,
        _admitted: &Self::Admitted,
    ) -> impl Future<Output = Result<Option<Vec<Problem>>, ServerError>> + Send {
        async { Ok(None) }
    }

    /// The row `new` is stored as: a new record's, or the next version of `before`.
    fn row(new: &Incoming<'_, Self::Admitted>, before: Option<&Self::Row>) -> ActiveModelOf<Self>;

    /// Writes what hangs on the record (photos, attendees, history) once a version of it is
    /// stored, in the same transaction, so the record's change number covers it; nothing,
    /// unless the kind says.
    fn write_beside(
        _tx: &DatabaseTransaction,
        _new: &Incoming<'_, Self::Admitted>,
        _write: Write,
    ) -> impl Future<Output = Result<(), ServerError>> + Send {
        async { Ok(()) }
    }

    /// Removes what hangs on the record (attendees, history) before the record goes;
    /// nothing, unless the kind says.
    fn remove_beside(
        _tx: &DatabaseTransaction,
        _row: &Self::Row,
    ) -> impl Future<Output = Result<(), ServerError>> + Send {
        async { Ok(()) }
    }

    /// For [`Holders::Assigned`] kinds: the keys of the holder column whose records the
    /// viewer holds (the units they are assigned to).
    fn assigned(
        _db: &DatabaseConnection,
        _viewer: &Viewer,
    ) -> impl Future<Output = Result<Vec<i32>, ServerError>> + Send {
        async { Ok(Vec::new()) }
    }

    /// Stored rows as a pull sends them, in their order.
    fn pulled(
        db: &DatabaseConnection,
        rows: Vec<Self::Row>,
    ) -> impl Future<Output = Result<Vec<Self::Pulled>, ServerError>> + Send;
}
