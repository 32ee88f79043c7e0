//! Where every change a pull could carry stands (`docs/sync.md`): the [`Head`] alone, two
//! counter rows read with the session, answers a pull with nothing new; [`Latest`] adds each
//! kind's last change, in one query of index lookups, so a pull skips the kinds that did not
//! change.
use crate::auth::session::{Along, KeptStatement};
use crate::error::ServerError;
use crate::sync::sequence::Span;
use crate::sync::store::KindStore;
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{ConnectionTrait, DbErr, QueryResult, Statement};

const COMMITTED: &str = "(SELECT value FROM sync_sequence WHERE id = 1)";
/// The directory's version, as a subquery: read with the session here, and on its own by the
/// grid tree a server keeps (`auth::grids`).
pub(crate) const DIRECTORY: &str = "(SELECT value FROM directory_version WHERE id = 1)";

/// The last change committed and the directory's version.
pub struct Head {
    /// The last change number committed (the counter of [`super::sequence`]).
    pub committed: i64,
    /// Bumped by the database whenever a grid, an enterprise, a role or a person's name, phone
    /// or standing changes (migration 20): what a directory and a profile are made of.
    directory: i64,
}

/// Two rows by key, read with the session: a cursor at `committed` has every change already,
/// whatever its kind, so a phone polling with nothing new costs the database one statement.
impl Along for Head {
    fn selected() -> Vec<(SimpleExpr, &'static str)> {
        vec![
            (Expr::cust(COMMITTED), "head_committed"),
            (Expr::cust(DIRECTORY), "head_directory"),
        ]
    }

    fn read(row: &QueryResult) -> Result<Self, DbErr> {
        Ok(Head {
            committed: row.try_get("", "head_committed")?,
            directory: row.try_get("", "head_directory")?,
        })
    }

    fn kept() -> &'static KeptStatement {
        static KEPT: KeptStatement = KeptStatement::new();
        &KEPT
    }
}

impl Head {
    fn from_row(row: &QueryResult, doing: &'static str) -> Result<Head, ServerError> {
        Ok(Head {
            committed: column(row, 0, doing)?,
            directory: column(row, 1, doing)?,
        })
    }

    /// Names the directory and profile `person_id` gets now: equal while nothing they are made
    /// of changed, since both are read from those tables for that person alone.
    pub fn digest(&self, person_id: i32) -> String {
        format!("v{}-{person_id}", self.directory)
    }
}

pub struct Latest {
    pub head: Head,
    /// The highest change number of a withdrawal.
    withdrawal: i64,
    /// Each kind's highest change number, in the order the kinds were given.
    kinds: Vec<i64>,
}

impl Latest {
    /// One statement, so all of it comes from one snapshot: no kind's highest number is above
    /// `committed`, and every record numbered up to it is counted.
    pub async fn read(
        db: &impl ConnectionTrait,
        kinds: &[&dyn KindStore],
    ) -> Result<Latest, ServerError> {
        let last = |table: &str| format!(", (SELECT COALESCE(MAX(change_seq), 0) FROM {table})");
        let mut sql = format!("SELECT {COMMITTED}, {DIRECTORY}");
        sql.push_str(&last("withdrawal"));
        for kind in kinds {
            sql.push_str(&last(kind.table()));
        }
        let doing = "reading the latest changes";
        let row = one_row(db, sql, doing).await?;
        Ok(Latest {
            head: Head::from_row(&row, doing)?,
            withdrawal: column(&row, 2, doing)?,
            kinds: (0..kinds.len())
                .map(|i| column(&row, 3 + i, doing))
                .collect::<Result<_, _>>()?,
        })
    }

    /// Whether the kind at `index` among those read has a record numbered in `span`.
    pub fn kind_changed(&self, index: usize, span: Span) -> bool {
        self.kinds.get(index).is_none_or(|&last| last > span.after)
    }

    pub fn withdrawn_in(&self, span: Span) -> bool {
        self.withdrawal > span.after
    }
}

async fn one_row(
    db: &impl ConnectionTrait,
    sql: String,
    doing: &'static str,
) -> Result<QueryResult, ServerError> {
    db.query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .map_err(ServerError::db(doing))?
        .ok_or_else(|| ServerError::Corrupt(format!("{doing}: no row")))
}

fn column(row: &QueryResult, index: usize, doing: &'static str) -> Result<i64, ServerError> {
    row.try_get_by_index::<i64>(index)
        .map_err(ServerError::db(doing))
}

#[cfg(test)]
mod tests {
    use super::{Head, Latest};
    use crate::sync::sequence::Span;

    fn read(kinds: Vec<i64>) -> Latest {
        Latest {
            head: Head {
                committed: 9,
                directory: 4,
            },
            withdrawal: 3,
            kinds,
        }
    }

    #[test]
    fn a_kind_changed_when_its_last_change_is_after_the_cursor() {
        let latest = read(vec![5, 9]);
        let span = Span::asked(5, 9);
        assert!(
            !latest.kind_changed(0, span),
            "its last change is the cursor"
        );
        assert!(latest.kind_changed(1, span));
        assert!(!latest.withdrawn_in(span));
        assert!(latest.withdrawn_in(Span::asked(2, 9)));
        assert!(
            latest.kind_changed(2, span),
            "a kind not read is read in full rather than skipped"
        );
    }

    #[test]
    fn the_digest_names_the_version_and_the_person() {
        let head = Head {
            committed: 9,
            directory: 4,
        };
        assert_eq!(head.digest(7), head.digest(7));
        assert_ne!(head.digest(7), head.digest(8));
        let bumped = Head {
            directory: 5,
            ..head
        };
        assert_ne!(bumped.digest(7), head.digest(7));
    }
}
