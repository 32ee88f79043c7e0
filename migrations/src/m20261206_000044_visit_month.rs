//! Each grid's visits of a month, counted as the tallies change: `visit_month` holds, per
//! month and grid, the visits and the enterprises visited. A city's comparison and its review
//! board read 5,000 ready rows for a month instead of summing the month's 100,000 tallies
//! (`visit_tally`) on every view.
//!
//! Triggers on the tallies keep it, so whatever keeps the tallies keeps it too. Each change of
//! a tally adds its difference: a new tally adds its visits and one enterprise, a changed one
//! the change of its visits, a deleted one takes both away; a grid's month with no enterprise
//! left is deleted. SQLite has only row triggers; PostgreSQL's run once per statement over its
//! transition tables.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Adds `visits` and `enterprises` to the month of `r` (SQLite).
fn sqlite_add(r: &str, visits: &str, enterprises: &str) -> String {
    format!(
        "INSERT INTO visit_month (month_start, grid_id, visits, enterprises) \
         VALUES ({r}.month_start, {r}.grid_id, {visits}, {enterprises}) \
         ON CONFLICT (month_start, grid_id) DO UPDATE SET \
         visits = visits + excluded.visits, enterprises = enterprises + excluded.enterprises;"
    )
}

/// Takes the tally `r` away from its month, and the month when no enterprise is left (SQLite).
fn sqlite_take(r: &str) -> String {
    format!(
        "{} DELETE FROM visit_month WHERE month_start = {r}.month_start \
         AND grid_id = {r}.grid_id AND enterprises = 0;",
        sqlite_add(r, &format!("-{r}.visits"), "-1")
    )
}

fn sqlite() -> Vec<String> {
    vec![
        "CREATE TABLE visit_month (month_start TEXT NOT NULL, grid_id INTEGER NOT NULL, \
         visits INTEGER NOT NULL, enterprises INTEGER NOT NULL, \
         PRIMARY KEY (month_start, grid_id)) WITHOUT ROWID"
            .to_owned(),
        format!(
            "CREATE TRIGGER visit_month_insert AFTER INSERT ON visit_tally BEGIN {} END",
            sqlite_add("NEW", "NEW.visits", "1")
        ),
        // A tally counting one more visit. Its keys never change: `visit_tally`'s triggers
        // move a visit by deleting and inserting tallies.
        "CREATE TRIGGER visit_month_update AFTER UPDATE OF visits ON visit_tally \
         BEGIN UPDATE visit_month SET visits = visits + NEW.visits - OLD.visits \
         WHERE month_start = NEW.month_start AND grid_id = NEW.grid_id; END"
            .to_owned(),
        format!(
            "CREATE TRIGGER visit_month_delete AFTER DELETE ON visit_tally BEGIN {} END",
            sqlite_take("OLD")
        ),
        "INSERT INTO visit_month (month_start, grid_id, visits, enterprises) \
         SELECT month_start, grid_id, SUM(visits), COUNT(*) FROM visit_tally GROUP BY 1, 2"
            .to_owned(),
    ]
}

/// Adds the rows of `changes` (month_start, grid_id, visits, enterprises) to the months
/// (PostgreSQL).
fn postgres_add(changes: &str) -> String {
    format!(
        "INSERT INTO visit_month (month_start, grid_id, visits, enterprises) \
         SELECT month_start, grid_id, SUM(visits)::bigint, SUM(enterprises)::bigint \
         FROM ({changes}) c GROUP BY 1, 2 \
         ON CONFLICT (month_start, grid_id) DO UPDATE SET \
         visits = visit_month.visits + excluded.visits, \
         enterprises = visit_month.enterprises + excluded.enterprises;"
    )
}

/// Adds `changes` as [`postgres_add`], then deletes the months they left without an
/// enterprise.
fn postgres_add_and_prune(changes: &str) -> String {
    format!(
        "{} DELETE FROM visit_month m \
         USING (SELECT DISTINCT month_start, grid_id FROM ({changes}) c) k \
         WHERE m.month_start = k.month_start AND m.grid_id = k.grid_id AND m.enterprises = 0;",
        postgres_add(changes)
    )
}

fn postgres() -> Vec<String> {
    let added = "SELECT month_start, grid_id, visits, 1 AS enterprises FROM came";
    let taken = "SELECT month_start, grid_id, -visits AS visits, -1 AS enterprises FROM gone";
    let apply = format!(
        "CREATE FUNCTION visit_month_apply() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
         IF TG_OP = 'INSERT' THEN {} ELSIF TG_OP = 'UPDATE' THEN {} ELSE {} END IF; \
         RETURN NULL; END $$",
        postgres_add(added),
        postgres_add_and_prune(&format!("{added} UNION ALL {taken}")),
        postgres_add_and_prune(taken),
    );
    vec![
        "CREATE TABLE visit_month (month_start date NOT NULL, grid_id integer NOT NULL, \
         visits bigint NOT NULL, enterprises bigint NOT NULL, \
         PRIMARY KEY (month_start, grid_id))"
            .to_owned(),
        apply,
        "CREATE FUNCTION visit_month_clear() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
         DELETE FROM visit_month; RETURN NULL; END $$"
            .to_owned(),
        "CREATE TRIGGER visit_month_insert AFTER INSERT ON visit_tally \
         REFERENCING NEW TABLE AS came FOR EACH STATEMENT EXECUTE FUNCTION visit_month_apply()"
            .to_owned(),
        "CREATE TRIGGER visit_month_update AFTER UPDATE ON visit_tally REFERENCING OLD TABLE AS \
         gone NEW TABLE AS came FOR EACH STATEMENT EXECUTE FUNCTION visit_month_apply()"
            .to_owned(),
        "CREATE TRIGGER visit_month_delete AFTER DELETE ON visit_tally \
         REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION visit_month_apply()"
            .to_owned(),
        "CREATE TRIGGER visit_month_truncate AFTER TRUNCATE ON visit_tally \
         FOR EACH STATEMENT EXECUTE FUNCTION visit_month_clear()"
            .to_owned(),
        "INSERT INTO visit_month (month_start, grid_id, visits, enterprises) \
         SELECT month_start, grid_id, SUM(visits)::bigint, COUNT(*) FROM visit_tally GROUP BY 1, 2"
            .to_owned(),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let statements = match manager.get_database_backend() {
            DatabaseBackend::Sqlite => sqlite(),
            _ => postgres(),
        };
        crate::execute_all(manager, statements).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let drops = match manager.get_database_backend() {
            DatabaseBackend::Sqlite => ["insert", "update", "delete"]
                .map(|event| format!("DROP TRIGGER visit_month_{event}"))
                .to_vec(),
            _ => ["insert", "update", "delete", "truncate"]
                .map(|event| format!("DROP TRIGGER visit_month_{event} ON visit_tally"))
                .into_iter()
                .chain(
                    ["visit_month_apply", "visit_month_clear"]
                        .map(|function| format!("DROP FUNCTION {function}()")),
                )
                .collect(),
        };
        let table = "DROP TABLE visit_month".to_owned();
        crate::execute_all(manager, [drops, vec![table]].concat()).await
    }
}
