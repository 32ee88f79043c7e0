//! Each enterprise's visits of a month, counted as they are written: `visit_tally` holds, per
//! month, grid and enterprise, the number of visits and the first one's date. The dashboards
//! count a month's visits per grid, and judge a quarter's visit duties, from these ready rows
//! instead of grouping the visits on every view (a city's month is 100,000 rows, not 420,000
//! visits found by a scan of the whole table).
//!
//! Triggers keep it, not the code that writes visits, so no write (a sync, the demo's history, a
//! bulk load, an administrator's repair) can leave the dashboard counting what is not stored.
//! An insert adds to its row; a visit moved to another day, grid or enterprise, or deleted, has
//! its old and new rows counted again from the visits. SQLite has only row triggers;
//! PostgreSQL's run once per statement over its transition tables, so a bulk load of millions
//! of visits adds to each tally once.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The first day of the month of the `YYYY-MM-DD` text `d` (SQLite).
fn sqlite_month(d: &str) -> String {
    format!("substr({d}, 1, 7) || '-01'")
}

/// Counts again the visits of the row of `r`'s month, grid and enterprise (SQLite).
fn sqlite_recount(r: &str) -> String {
    let month = sqlite_month(&format!("{r}.visit_date"));
    format!(
        "DELETE FROM visit_tally WHERE month_start = {month} AND grid_id = {r}.grid_id \
         AND enterprise_id = {r}.enterprise_id; \
         INSERT INTO visit_tally (month_start, grid_id, enterprise_id, first_date, visits) \
         SELECT {month}, grid_id, enterprise_id, MIN(visit_date), COUNT(*) FROM visit \
         WHERE grid_id = {r}.grid_id AND enterprise_id = {r}.enterprise_id \
         AND visit_date BETWEEN {month} AND date({month}, '+1 month', '-1 day') \
         GROUP BY grid_id, enterprise_id;"
    )
}

fn sqlite() -> Vec<String> {
    let month = sqlite_month("NEW.visit_date");
    vec![
        "CREATE TABLE visit_tally (month_start TEXT NOT NULL, grid_id INTEGER NOT NULL, \
         enterprise_id INTEGER NOT NULL, first_date TEXT NOT NULL, visits INTEGER NOT NULL, \
         PRIMARY KEY (month_start, grid_id, enterprise_id)) WITHOUT ROWID"
            .to_owned(),
        format!(
            "CREATE TRIGGER visit_tally_insert AFTER INSERT ON visit BEGIN \
             INSERT INTO visit_tally (month_start, grid_id, enterprise_id, first_date, visits) \
             VALUES ({month}, NEW.grid_id, NEW.enterprise_id, NEW.visit_date, 1) \
             ON CONFLICT (month_start, grid_id, enterprise_id) DO UPDATE SET \
             visits = visits + 1, first_date = MIN(first_date, excluded.first_date); END"
        ),
        format!(
            "CREATE TRIGGER visit_tally_update AFTER UPDATE OF grid_id, enterprise_id, visit_date \
             ON visit WHEN OLD.grid_id <> NEW.grid_id OR OLD.enterprise_id <> NEW.enterprise_id \
             OR OLD.visit_date <> NEW.visit_date BEGIN {} {} END",
            sqlite_recount("OLD"),
            sqlite_recount("NEW")
        ),
        format!(
            "CREATE TRIGGER visit_tally_delete AFTER DELETE ON visit BEGIN {} END",
            sqlite_recount("OLD")
        ),
        format!(
            "INSERT INTO visit_tally (month_start, grid_id, enterprise_id, first_date, visits) \
             SELECT {}, grid_id, enterprise_id, MIN(visit_date), COUNT(*) FROM visit \
             GROUP BY 1, 2, 3",
            sqlite_month("visit_date")
        ),
    ]
}

/// The distinct `(month_start, grid_id, enterprise_id)` keys of the visits in `rows`
/// (PostgreSQL).
fn postgres_keys(rows: &str) -> String {
    format!(
        "SELECT DISTINCT date_trunc('month', visit_date::timestamp)::date AS month_start, grid_id, \
         enterprise_id FROM {rows}"
    )
}

/// Counts again the tallies of `keys` from the visits (PostgreSQL).
fn postgres_recount(keys: &str) -> String {
    format!(
        "DELETE FROM visit_tally t USING ({keys}) k WHERE t.month_start = k.month_start \
         AND t.grid_id = k.grid_id AND t.enterprise_id = k.enterprise_id; \
         INSERT INTO visit_tally (month_start, grid_id, enterprise_id, first_date, visits) \
         SELECT k.month_start, k.grid_id, k.enterprise_id, MIN(v.visit_date), COUNT(*) \
         FROM ({keys}) k JOIN visit v ON v.grid_id = k.grid_id \
         AND v.enterprise_id = k.enterprise_id AND v.visit_date BETWEEN k.month_start \
         AND (k.month_start + interval '1 month' - interval '1 day')::date GROUP BY 1, 2, 3;"
    )
}

fn postgres() -> Vec<String> {
    let added = "CREATE FUNCTION visit_tally_add() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
         INSERT INTO visit_tally (month_start, grid_id, enterprise_id, first_date, visits) \
         SELECT date_trunc('month', visit_date::timestamp)::date, grid_id, enterprise_id, \
         MIN(visit_date), COUNT(*) FROM added GROUP BY 1, 2, 3 \
         ON CONFLICT (month_start, grid_id, enterprise_id) DO UPDATE SET \
         visits = visit_tally.visits + excluded.visits, \
         first_date = LEAST(visit_tally.first_date, excluded.first_date); \
         RETURN NULL; END $$";
    // An update counts again the tallies of the visits whose day, grid or enterprise changed,
    // before and after: the rows in one transition table and not the other (a trigger with
    // transition tables cannot name the columns it watches).
    let columns = "id, visit_date, grid_id, enterprise_id";
    let moved = format!(
        "((SELECT {columns} FROM gone EXCEPT SELECT {columns} FROM came) \
         UNION ALL (SELECT {columns} FROM came EXCEPT SELECT {columns} FROM gone)) m"
    );
    let recount = format!(
        "CREATE FUNCTION visit_tally_recount() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
         IF TG_OP = 'DELETE' THEN {} ELSE {} END IF; RETURN NULL; END $$",
        postgres_recount(&postgres_keys("gone")),
        postgres_recount(&postgres_keys(&moved)),
    );
    vec![
        "CREATE TABLE visit_tally (month_start date NOT NULL, grid_id integer NOT NULL, \
         enterprise_id integer NOT NULL, first_date date NOT NULL, visits bigint NOT NULL, \
         PRIMARY KEY (month_start, grid_id, enterprise_id))"
            .to_owned(),
        added.to_owned(),
        recount,
        "CREATE FUNCTION visit_tally_clear() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
         DELETE FROM visit_tally; RETURN NULL; END $$"
            .to_owned(),
        "CREATE TRIGGER visit_tally_insert AFTER INSERT ON visit REFERENCING NEW TABLE AS added \
         FOR EACH STATEMENT EXECUTE FUNCTION visit_tally_add()"
            .to_owned(),
        "CREATE TRIGGER visit_tally_update AFTER UPDATE ON visit REFERENCING OLD TABLE AS gone \
         NEW TABLE AS came FOR EACH STATEMENT EXECUTE FUNCTION visit_tally_recount()"
            .to_owned(),
        "CREATE TRIGGER visit_tally_delete AFTER DELETE ON visit REFERENCING OLD TABLE AS gone \
         FOR EACH STATEMENT EXECUTE FUNCTION visit_tally_recount()"
            .to_owned(),
        "CREATE TRIGGER visit_tally_truncate AFTER TRUNCATE ON visit \
         FOR EACH STATEMENT EXECUTE FUNCTION visit_tally_clear()"
            .to_owned(),
        "INSERT INTO visit_tally (month_start, grid_id, enterprise_id, first_date, visits) \
         SELECT date_trunc('month', visit_date::timestamp)::date, grid_id, enterprise_id, \
         MIN(visit_date), COUNT(*) FROM visit GROUP BY 1, 2, 3"
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
        let db = manager.get_connection();
        for statement in statements {
            db.execute_unprepared(&statement).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let sqlite = manager.get_database_backend() == DatabaseBackend::Sqlite;
        let db = manager.get_connection();
        for event in ["insert", "update", "delete", "truncate"] {
            match (sqlite, event) {
                (true, "truncate") => {}
                (true, _) => {
                    db.execute_unprepared(&format!("DROP TRIGGER visit_tally_{event}"))
                        .await?;
                }
                (false, _) => {
                    db.execute_unprepared(&format!("DROP TRIGGER visit_tally_{event} ON visit"))
                        .await?;
                }
            }
        }
        if !sqlite {
            for function in [
                "visit_tally_add",
                "visit_tally_recount",
                "visit_tally_clear",
            ] {
                db.execute_unprepared(&format!("DROP FUNCTION {function}()"))
                    .await?;
            }
        }
        db.execute_unprepared("DROP TABLE visit_tally").await?;
        Ok(())
    }
}
