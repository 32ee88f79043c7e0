//! The queries the engine ([`super::store`]) runs on any kind's table: find a record by the id
//! the phone made, insert it once, write its next version, number what a transaction wrote,
//! and read what a phone holds among a span of change numbers. Written once over
//! [`RecordKind`]'s entity and [`StoredRow`]'s columns.
use crate::auth::ssr::Viewer;
use crate::error::ServerError;
use crate::sync::kind::{Holders, Incoming, RecordKind, StoredRow, Write};
use crate::sync::sequence::{self, Span};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait,
};
use std::collections::HashSet;
use uuid::Uuid;

pub(super) async fn find<K: RecordKind>(
    tx: &DatabaseTransaction,
    id: Uuid,
) -> Result<Option<K::Row>, ServerError> {
    K::Entity::find_by_id(id)
        .one(tx)
        .await
        .map_err(ServerError::db("reading a record"))
}

/// Which of `ids` are stored as records of `K`: one read for a push's batch, so that new
/// records, most of a batch, are not looked up one by one.
pub(super) async fn stored_among<K: RecordKind>(
    tx: &DatabaseTransaction,
    ids: Vec<Uuid>,
) -> Result<HashSet<Uuid>, ServerError> {
    let found: Vec<Uuid> = K::Entity::find()
        .select_only()
        .column(K::Row::ID)
        .filter(K::Row::ID.is_in(ids))
        .into_tuple()
        .all(tx)
        .await
        .map_err(ServerError::db("reading which records are stored"))?;
    Ok(found.into_iter().collect())
}

/// Most rows one insert statement carries: a visit's 13 values each stay far below SQLite's
/// limit of 32,766 bound values.
const INSERT_ROWS: usize = 500;

/// Inserts new records with `ON CONFLICT DO NOTHING` and returns the ids of those this
/// statement inserted (`RETURNING`): a batch of new records costs one query, not one each.
/// What hangs on each record is the caller's to write.
pub(super) async fn insert_all<K: RecordKind>(
    tx: &DatabaseTransaction,
    new: &[Incoming<'_, K::Admitted>],
) -> Result<HashSet<Uuid>, ServerError> {
    let mut inserted = HashSet::new();
    for chunk in new.chunks(INSERT_ROWS) {
        let mut insert =
            K::Entity::insert_many(chunk.iter().map(|new| K::row(new, None))).into_query();
        // No conflict target, as in [`insert`].
        insert
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .returning_col(K::Row::ID);
        let rows = tx
            .query_all(&insert)
            .await
            .map_err(ServerError::db("inserting records"))?;
        for row in rows {
            let id: Uuid = row
                .try_get_by_index(0)
                .map_err(ServerError::db("reading an inserted record's id"))?;
            inserted.insert(id);
        }
    }
    Ok(inserted)
}

/// Whether a record of `K` other than `id` stands in `grid` for the period `period` picks (its
/// month, its year), for the kinds that keep one record per grid and period. Record `id`
/// itself may be there: a concurrent push of it has just stored it.
pub async fn place_taken<K: RecordKind>(
    tx: &DatabaseTransaction,
    id: Uuid,
    grid: i32,
    period: Expr,
) -> Result<bool, ServerError> {
    let holder = K::Entity::find()
        .filter(K::Row::ID.ne(id))
        .filter(K::Row::GRID_ID.eq(grid))
        .filter(period)
        .one(tx)
        .await
        .map_err(ServerError::db("reading the record of the grid's period"))?;
    Ok(holder.is_some())
}

/// Inserts a new record with `ON CONFLICT DO NOTHING`, and what hangs on it when this push
/// is the one that inserted it; says whether it was.
pub(super) async fn insert<K: RecordKind>(
    tx: &DatabaseTransaction,
    new: &Incoming<'_, K::Admitted>,
) -> Result<bool, ServerError> {
    // No conflict target: two pushes of one new record at once may collide on any of the
    // kind's unique keys (an annual plan's grid and year as well as its id); the second must
    // then insert nothing, not fail its push (PostgreSQL raises on a key that is not the
    // target).
    let result = K::Entity::insert(K::row(new, None))
        .on_conflict(OnConflict::new().do_nothing().to_owned())
        .try_insert()
        .exec_without_returning(tx)
        .await
        .map_err(ServerError::db("inserting a record"))?;
    let inserted = inserted(result);
    if inserted {
        K::write_beside(tx, new, Write::Insert).await?;
    }
    Ok(inserted)
}

pub(super) async fn update<K: RecordKind>(
    tx: &DatabaseTransaction,
    before: &K::Row,
    new: &Incoming<'_, K::Admitted>,
) -> Result<(), ServerError> {
    K::Entity::update(K::row(new, Some(before)))
        .exec(tx)
        .await
        .map_err(ServerError::db("updating a record"))?;
    K::write_beside(tx, new, Write::Update).await
}

/// Gives the records `written` in `tx` the transaction's change number, taken here, so the
/// counter stays locked only from here to the commit that should follow.
pub(super) async fn number<K: RecordKind>(
    tx: &DatabaseTransaction,
    written: Vec<Uuid>,
) -> Result<(), ServerError> {
    if written.is_empty() {
        return Ok(());
    }
    let seq = sequence::next(tx).await?;
    K::Entity::update_many()
        .col_expr(K::Row::CHANGE_SEQ, Expr::value(seq))
        .filter(K::Row::ID.is_in(written))
        .exec(tx)
        .await
        .map_err(ServerError::db("numbering written records"))?;
    Ok(())
}

/// The records the viewer's phone holds whose change number lies in `span`, in the order they
/// changed: their own, for records a grid's leaders hold those of every grid they lead, and
/// for records held by assignment those of the units they are assigned to.
pub(super) async fn held_in<K: RecordKind>(
    db: &DatabaseConnection,
    viewer: &Viewer,
    span: Span,
) -> Result<Vec<K::Row>, ServerError> {
    let held = match K::HOLDERS {
        Holders::Author => K::Row::PERSON_ID.eq(viewer.person_id()),
        Holders::GridLeaders => {
            let grids = viewer.led_grids();
            if grids.is_empty() {
                return Ok(Vec::new());
            }
            K::Row::GRID_ID.is_in(grids)
        }
        Holders::Assigned => {
            let units = K::assigned(db, viewer).await?;
            if units.is_empty() {
                return Ok(Vec::new());
            }
            K::Row::GRID_ID.is_in(units)
        }
    };
    K::Entity::find()
        .filter(held)
        .filter(K::Row::CHANGE_SEQ.gt(span.after))
        .filter(K::Row::CHANGE_SEQ.lte(span.upto))
        .order_by_asc(K::Row::CHANGE_SEQ)
        .order_by_asc(K::Row::CHANGED_AT)
        .all(db)
        .await
        .map_err(ServerError::db("reading records after the cursor"))
}

/// How many records of `K` were stored or changed at or after `since_ms`, in every grid.
pub(super) async fn changed_since<K: RecordKind>(
    db: &DatabaseConnection,
    since_ms: i64,
) -> Result<u64, ServerError> {
    K::Entity::find()
        .filter(K::Row::CHANGED_AT.gte(since_ms))
        .count(db)
        .await
        .map_err(ServerError::db("counting records stored today"))
}

/// Whether an `ON CONFLICT DO NOTHING` insert wrote its row.
pub(super) fn inserted(result: sea_orm::TryInsertResult<u64>) -> bool {
    matches!(result, sea_orm::TryInsertResult::Inserted(n) if n > 0)
}
