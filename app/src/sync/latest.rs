//! Where every change a pull could carry stands, read in one query of index lookups, so that
//! a pull with nothing new reads nothing else and a pull skips the kinds that did not change
//! (`docs/sync.md`).
use crate::error::ServerError;
use crate::sync::sequence::Span;
use crate::sync::store::KindStore;
use sea_orm::{ConnectionTrait, Statement};

pub struct Latest {
    /// The last change number committed (the counter of [`super::sequence`]).
    pub committed: i64,
    /// Bumped by the database whenever a grid, an enterprise, a role or a person's name, phone
    /// or standing changes (migration 20): what a directory and a profile are made of.
    directory: i64,
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
        let mut sql = String::from(
            "SELECT (SELECT value FROM sync_sequence WHERE id = 1), \
             (SELECT value FROM directory_version WHERE id = 1)",
        );
        sql.push_str(&last("withdrawal"));
        for kind in kinds {
            sql.push_str(&last(kind.table()));
        }
        let doing = "reading the latest changes";
        let row = db
            .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
            .await
            .map_err(ServerError::db(doing))?
            .ok_or_else(|| ServerError::Corrupt("the latest changes read no row".into()))?;
        let at = |i: usize| {
            row.try_get_by_index::<i64>(i)
                .map_err(ServerError::db(doing))
        };
        Ok(Latest {
            committed: at(0)?,
            directory: at(1)?,
            withdrawal: at(2)?,
            kinds: (0..kinds.len())
                .map(|i| at(3 + i))
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

    /// Names the directory and profile `person_id` gets now: equal while nothing they are made
    /// of changed, since both are read from those tables for that person alone.
    pub fn digest(&self, person_id: i32) -> String {
        format!("v{}-{person_id}", self.directory)
    }
}

#[cfg(test)]
mod tests {
    use super::Latest;
    use crate::sync::sequence::Span;

    fn read(kinds: Vec<i64>) -> Latest {
        Latest {
            committed: 9,
            directory: 4,
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
        let latest = read(vec![]);
        assert_eq!(latest.digest(7), latest.digest(7));
        assert_ne!(latest.digest(7), latest.digest(8));
        let bumped = Latest {
            directory: 5,
            ..latest
        };
        assert_ne!(bumped.digest(7), read(vec![]).digest(7));
    }
}
