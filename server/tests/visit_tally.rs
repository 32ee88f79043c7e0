//! The month's visit tallies the dashboards read (`visit_tally` per enterprise, `visit_month`
//! per grid) stay equal to the visits themselves through every kind of write: rows inserted one
//! by one and many in a statement, a visit moved to another day, month, grid or enterprise,
//! edits that move nothing, and deletions, on SQLite and PostgreSQL.
use app::db::{visit, visit_month, visit_tally};
use app::domain::period::Month;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, QueryFilter, QuerySelect,
};
use std::collections::BTreeMap;
use time::{Date, macros::date};

type Tallies = BTreeMap<(Date, i32, i32), (Date, i64)>;

/// What the tallies must be: every stored visit counted by month, grid and enterprise.
async fn counted(db: &DatabaseConnection) -> Tallies {
    let visits: Vec<(i32, i32, Date)> = visit::Entity::find()
        .select_only()
        .columns([
            visit::Column::GridId,
            visit::Column::EnterpriseId,
            visit::Column::VisitDate,
        ])
        .into_tuple()
        .all(db)
        .await
        .unwrap();
    let mut tallies = Tallies::new();
    for (grid, enterprise, day) in visits {
        let key = (Month::of(day).first_day(), grid, enterprise);
        let (first, n) = tallies.entry(key).or_insert((day, 0));
        *first = (*first).min(day);
        *n += 1;
    }
    tallies
}

async fn kept(db: &DatabaseConnection) -> Tallies {
    visit_tally::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|t| {
            let key = (t.month_start, t.grid_id, t.enterprise_id);
            (key, (t.first_date, t.visits))
        })
        .collect()
}

/// Each grid's month: (visits, enterprises visited).
type Months = BTreeMap<(Date, i32), (i64, i64)>;

/// What a grid's months must be: the tallies of its enterprises added up.
fn months_of(tallies: &Tallies) -> Months {
    let mut months = Months::new();
    for ((month, grid, _), (_, visits)) in tallies {
        let (n, enterprises) = months.entry((*month, *grid)).or_default();
        *n += visits;
        *enterprises += 1;
    }
    months
}

async fn kept_months(db: &DatabaseConnection) -> Months {
    let rows = visit_month::Entity::find().all(db).await.unwrap();
    (rows.into_iter())
        .map(|m| ((m.month_start, m.grid_id), (m.visits, m.enterprises)))
        .collect()
}

async fn assert_kept(db: &DatabaseConnection, step: &str) {
    let counted = counted(db).await;
    assert_eq!(kept(db).await, counted, "after {step}");
    assert_eq!(
        kept_months(db).await,
        months_of(&counted),
        "grids' months after {step}"
    );
}

/// A visit of the demo's first member; `n` makes its id.
fn new_visit(person: i32, grid: i32, enterprise: i32, day: Date, n: u64) -> visit::ActiveModel {
    visit::ActiveModel {
        id: Set(uuid::Uuid::from_u64_pair(0x7a11, n)),
        person_id: Set(person),
        enterprise_id: Set(enterprise),
        grid_id: Set(grid),
        visit_date: Set(day),
        purpose: Set("guidance".into()),
        findings: Set("台账核对".into()),
        follow_up: Set(false),
        photos: Set("[]".into()),
        version: Set(1),
        device_time_ms: Set(0),
        received_at_ms: Set(0),
        change_seq: Set(1),
    }
}

/// Two enterprises of two grids, and a person to visit them.
async fn places(db: &DatabaseConnection) -> (i32, [(i32, i32); 2]) {
    let enterprises: Vec<(i32, i32)> = app::db::enterprise::Entity::find()
        .select_only()
        .columns([
            app::db::enterprise::Column::GridId,
            app::db::enterprise::Column::Id,
        ])
        .into_tuple()
        .all(db)
        .await
        .unwrap();
    let first = enterprises[0];
    let other = *enterprises.iter().find(|e| e.0 != first.0).unwrap();
    let person = app::db::person::Entity::find()
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .id;
    (person, [first, other])
}

db_test!(the_month_tallies_follow_every_write_of_a_visit, |app| {
    let db = &app.db;
    assert_kept(db, "the migrations").await;
    let (person, [(g1, e1), (g2, e2)]) = places(db).await;

    // One by one, then many in one statement, over several months and two grids.
    new_visit(person, g1, e1, date!(2026 - 04 - 20), 1)
        .insert(db)
        .await
        .unwrap();
    new_visit(person, g1, e1, date!(2026 - 04 - 02), 2)
        .insert(db)
        .await
        .unwrap();
    let many = [
        (g1, e1, date!(2026 - 06 - 30), 3),
        (g1, e1, date!(2026 - 04 - 01), 4),
        (g1, e1, date!(2026 - 07 - 01), 5),
        (g2, e2, date!(2026 - 07 - 15), 6),
        (g2, e2, date!(2026 - 07 - 15), 7),
    ];
    visit::Entity::insert_many(many.map(|(g, e, day, n)| new_visit(person, g, e, day, n)))
        .exec(db)
        .await
        .unwrap();
    assert_kept(db, "inserts").await;
    let tallies = kept(db).await;
    assert_eq!(
        tallies[&(date!(2026 - 04 - 01), g1, e1)],
        (date!(2026 - 04 - 01), 3),
        "{tallies:?}"
    );

    // The month's first visit moves to August.
    let id = |n| uuid::Uuid::from_u64_pair(0x7a11, n);
    let mut moved = visit::Entity::find_by_id(id(4))
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    moved.visit_date = Set(date!(2026 - 08 - 08));
    moved.update(db).await.unwrap();
    assert_kept(db, "a visit moved to another month").await;
    assert_eq!(
        kept(db).await[&(date!(2026 - 04 - 01), g1, e1)],
        (date!(2026 - 04 - 02), 2)
    );

    // To the other grid's enterprise, and an edit of every visit that moves nothing.
    let mut regrid = visit::Entity::find_by_id(id(5))
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    regrid.grid_id = Set(g2);
    regrid.enterprise_id = Set(e2);
    regrid.update(db).await.unwrap();
    visit::Entity::update_many()
        .col_expr(visit::Column::Findings, Expr::value("已复核"))
        .filter(visit::Column::PersonId.eq(person))
        .exec(db)
        .await
        .unwrap();
    assert_kept(db, "a visit moved to another grid, and edits").await;

    // Deleted: one of a tally, then the last of one, whose row goes.
    visit::Entity::delete_by_id(id(6)).exec(db).await.unwrap();
    assert_kept(db, "a deletion").await;
    visit::Entity::delete_many()
        .filter(visit::Column::EnterpriseId.eq(e2))
        .exec(db)
        .await
        .unwrap();
    assert_kept(db, "the last visits of an enterprise deleted").await;
    assert!(
        !kept(db)
            .await
            .keys()
            .any(|(_, _, enterprise)| *enterprise == e2),
        "no tally is left for an enterprise without visits"
    );
});
