//! The change sequence a pull's cursor counts (`docs/sync.md`): one counter row, bumped by
//! every transaction that writes something a phone pulls, as the last thing before it commits.
//!
//! The counter's row lock is held from the bump until commit, so writers take numbers in the
//! order they commit: a reader that sees number N committed sees every number below it
//! committed too, on SQLite and on PostgreSQL alike, however many servers share the database.
//! A clock (what the cursor was before) or a PostgreSQL sequence gives numbers when asked, not
//! when committed: a transaction that took a smaller one and committed after a pull was missed.
use crate::error::ServerError;
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ConnectionTrait, DatabaseTransaction, DeriveIden};

#[derive(DeriveIden)]
enum SyncSequence {
    Table,
    Id,
    Value,
}

/// Takes the next change number inside `tx`, locking the counter until `tx` ends: call it as
/// late as the transaction allows.
pub async fn next(tx: &DatabaseTransaction) -> Result<i64, ServerError> {
    let bump = Query::update()
        .table(SyncSequence::Table)
        .value(
            SyncSequence::Value,
            Expr::col(SyncSequence::Value).add(1i64),
        )
        .and_where(Expr::col(SyncSequence::Id).eq(1))
        .returning_col(SyncSequence::Value)
        .to_owned();
    read_value(tx, &bump, "taking a change number").await
}

async fn read_value(
    db: &impl ConnectionTrait,
    statement: &impl sea_orm::StatementBuilder,
    doing: &'static str,
) -> Result<i64, ServerError> {
    db.query_one(statement)
        .await
        .map_err(ServerError::db(doing))?
        .ok_or_else(|| ServerError::Corrupt("the change sequence has no row".into()))?
        .try_get::<i64>("", "value")
        .map_err(ServerError::db(doing))
}

/// The change numbers a pull covers: above the phone's cursor, up to the last one committed
/// when the pull began (so each change comes exactly once over a run of pulls).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub after: i64,
    pub upto: i64,
}

impl Span {
    /// The span after the cursor a phone sent. A cursor this database never gave out (ahead
    /// of it: a restored backup, a test server's) cannot be trusted to skip anything, so the
    /// phone gets everything again and merges it by id.
    pub fn asked(after: i64, committed: i64) -> Span {
        Span {
            after: if (0..=committed).contains(&after) {
                after
            } else {
                0
            },
            upto: committed,
        }
    }

    /// No change is numbered in it: a pull with nothing new reads no records at all.
    pub fn is_empty(self) -> bool {
        self.after >= self.upto
    }
}

#[cfg(test)]
mod tests {
    use super::Span;

    #[test]
    fn a_span_is_empty_when_the_cursor_is_the_last_change() {
        assert!(Span::asked(9, 9).is_empty());
        assert!(Span::asked(0, 0).is_empty());
        assert!(!Span::asked(8, 9).is_empty());
        assert!(
            !Span::asked(10, 9).is_empty(),
            "an unknown cursor asks for everything"
        );
    }

    #[test]
    fn a_cursor_the_database_never_gave_out_asks_for_everything() {
        assert_eq!(Span::asked(7, 9), Span { after: 7, upto: 9 });
        assert_eq!(Span::asked(9, 9), Span { after: 9, upto: 9 });
        assert_eq!(
            Span::asked(1_763_780_001_234, 9),
            Span { after: 0, upto: 9 }
        );
        assert_eq!(Span::asked(-3, 9), Span { after: 0, upto: 9 });
    }
}
