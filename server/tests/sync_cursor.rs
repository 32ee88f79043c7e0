//! The pull's cursor is a change number the database gives out in commit order (`docs/sync.md`):
//! a record committed after a pull comes with the next one, whatever its clock said and however
//! long its transaction took; each change comes exactly once over a run of pulls; a cursor from
//! an older app (a millisecond) brings everything once.
use crate::common::*;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseTransaction, TransactionTrait};
use serde_json::{Value, json};
use std::collections::HashMap;

const GRID: &str = "东湖工业一网格";
const GRID_LEADER: &str = "13800000004";

async fn pull_after(app: &TestApp, client: &reqwest::Client, query: &str) -> Value {
    let response = client
        .get(app.url(&format!("/api/v1/sync/pull?{query}")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

fn cursor(pull: &Value) -> i64 {
    pull["cursor"].as_i64().unwrap()
}

fn ids(pull: &Value, list: &str) -> Vec<String> {
    pull[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect()
}

/// What writing a visit as the member needs: who, which enterprise, in which grid.
struct Writer {
    person: i32,
    firm: i32,
    grid: i32,
}

fn writer(pull: &Value) -> Writer {
    let firm = enterprise_in(pull, GRID);
    let grid = pull["directory"]["enterprises"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == firm)
        .unwrap()["grid_id"]
        .as_i64()
        .unwrap();
    Writer {
        person: pull["profile"]["person_id"].as_i64().unwrap() as i32,
        firm: firm as i32,
        grid: grid as i32,
    }
}

/// Another server's slow transaction: it takes its change number and writes a visit stamped
/// `received_at_ms`, and commits only when the caller says.
async fn open_late_visit(
    app: &TestApp,
    who: &Writer,
    received_at_ms: i64,
) -> (DatabaseTransaction, uuid::Uuid) {
    let tx = app.db.begin().await.unwrap();
    let id = uuid::Uuid::now_v7();
    app::db::visit::ActiveModel {
        id: Set(id),
        person_id: Set(who.person),
        enterprise_id: Set(who.firm),
        grid_id: Set(who.grid),
        visit_date: Set(time::OffsetDateTime::now_utc().date()),
        purpose: Set("guidance".into()),
        findings: Set("另一台服务器上迟迟提交的走访".into()),
        follow_up: Set(false),
        photos: Set("[]".into()),
        version: Set(1),
        device_time_ms: Set(received_at_ms),
        received_at_ms: Set(received_at_ms),
        change_seq: Set(app::sync::sequence::next(&tx).await.unwrap()),
    }
    .insert(&tx)
    .await
    .unwrap();
    (tx, id)
}

db_test!(
    a_visit_committed_after_a_pull_comes_with_the_next_one_though_stamped_before_it,
    |app| {
        let member = app.login(DONGHU_MEMBER).await;
        let who = writer(&app.pull(&member).await);
        let (_, sent) = app
            .push(
                &member,
                json!([visit(
                    &new_id(),
                    who.firm as i64,
                    &app.today(),
                    "先到的走访"
                )]),
            )
            .await;
        let first_at = sent["results"][0]["received_at_ms"].as_i64().unwrap();
        let before = pull_after(app, &member, "after=0").await;
        assert_eq!(ids(&before, "visits").len(), 1);

        // Stamped a minute before the visit already pulled, committed after that pull: a
        // millisecond cursor would have passed it for good.
        let (tx, late) = open_late_visit(app, &who, first_at - 60_000).await;
        // On SQLite the server's one connection is the one the transaction holds: the pull
        // waits for it there, so only PostgreSQL pulls while it is open.
        if app.db.get_database_backend() == sea_orm::DbBackend::Postgres {
            let meanwhile = pull_after(app, &member, &format!("after={}", cursor(&before))).await;
            assert!(ids(&meanwhile, "visits").is_empty(), "{meanwhile}");
            assert_eq!(cursor(&meanwhile), cursor(&before));
        }
        tx.commit().await.unwrap();

        let next = pull_after(app, &member, &format!("after={}", cursor(&before))).await;
        assert_eq!(ids(&next, "visits"), vec![late.to_string()]);
        assert!(next["visits"][0]["received_at_ms"].as_i64().unwrap() < first_at);
        let after_that = pull_after(app, &member, &format!("after={}", cursor(&next))).await;
        assert!(ids(&after_that, "visits").is_empty(), "{after_that}");
    }
);

/// On PostgreSQL several servers write at once: a push that starts while another transaction
/// holds a change number waits for it, so numbers follow commits. (On SQLite the one writer
/// already orders them, and the test above covers it.)
#[tokio::test]
async fn a_push_waits_for_a_change_another_server_holds_open_and_both_reach_the_next_pull() {
    if std::env::var("TEST_DATABASE_URL").is_err() {
        eprintln!("TEST_DATABASE_URL not set: PostgreSQL case not run");
        return;
    }
    let app = TestApp::spawn(Backend::Postgres).await;
    let member = app.login(DONGHU_MEMBER).await;
    let start = pull_after(&app, &member, "after=0").await;
    let who = writer(&start);
    let (tx, late) = open_late_visit(&app, &who, 1).await;

    let pushed = new_id();
    let push = {
        let (member, body) = (
            member.clone(),
            json!({"protocol": 1, "records": [visit(&pushed, who.firm as i64, &app.today(), "同时提交")]}),
        );
        let url = app.url("/api/v1/sync/push");
        tokio::spawn(async move {
            let answer: Value = member
                .post(url)
                .json(&body)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            answer
        })
    };
    tokio::time::sleep(std::time::Duration::from_millis(700)).await;
    assert!(
        !push.is_finished(),
        "the push waits for the change held open"
    );
    let meanwhile = pull_after(&app, &member, &format!("after={}", cursor(&start))).await;
    assert!(ids(&meanwhile, "visits").is_empty(), "{meanwhile}");

    tx.commit().await.unwrap();
    let answer = push.await.unwrap();
    assert_eq!(answer["results"][0]["status"], "accepted", "{answer}");
    let next = pull_after(&app, &member, &format!("after={}", cursor(&meanwhile))).await;
    assert_eq!(ids(&next, "visits"), vec![late.to_string(), pushed]);
    let after_that = pull_after(&app, &member, &format!("after={}", cursor(&next))).await;
    assert!(ids(&after_that, "visits").is_empty(), "{after_that}");
    app.finish().await;
}

db_test!(every_change_comes_exactly_once_over_a_run_of_pulls, |app| {
    let member = app.login(DONGHU_MEMBER).await;
    let firm = enterprise_in(&app.pull(&member).await, GRID);
    let mut after = 0;
    let mut seen: HashMap<(String, u64), usize> = HashMap::new();
    let mut withdrawn: Vec<String> = Vec::new();
    let mut first_round: Vec<String> = Vec::new();
    for round in 0..4 {
        let mut batch: Vec<Value> = (0..3)
            .map(|i| {
                visit(
                    &new_id(),
                    firm,
                    &app.today(),
                    &format!("第{round}轮第{i}条"),
                )
            })
            .collect();
        if round == 1 {
            // An edit of a record pulled before comes again, as its new version.
            let mut edit = visit(&first_round[0], firm, &app.today(), "改过的第一条");
            edit["version"] = json!(2);
            batch.push(edit);
        }
        if round == 2 {
            let mut gone = visit(&first_round[1], firm, &app.today(), "第0轮第1条");
            gone["version"] = json!(2);
            gone["withdrawn"] = json!(true);
            batch.push(gone);
        }
        if round == 0 {
            first_round = batch
                .iter()
                .map(|r| r["id"].as_str().unwrap().to_owned())
                .collect();
        }
        let (_, answer) = app.push(&member, Value::Array(batch)).await;
        assert!(
            answer["results"]
                .as_array()
                .unwrap()
                .iter()
                .all(|r| r["status"] == "accepted"),
            "{answer}"
        );
        let pulled = pull_after(app, &member, &format!("after={after}")).await;
        for v in pulled["visits"].as_array().unwrap() {
            let key = (
                v["id"].as_str().unwrap().to_owned(),
                v["version"].as_u64().unwrap(),
            );
            *seen.entry(key).or_default() += 1;
        }
        withdrawn.extend(ids_of(&pulled["withdrawn"]));
        assert!(cursor(&pulled) > after, "round {round}");
        after = cursor(&pulled);
    }
    assert!(
        seen.values().all(|n| *n == 1),
        "each version once: {seen:?}"
    );
    assert_eq!(
        seen.len(),
        12 + 1,
        "every visit, and the edit as its second version"
    );
    assert!(seen.contains_key(&(first_round[0].clone(), 2)));
    assert_eq!(withdrawn, vec![first_round[1].clone()]);
    let last = pull_after(app, &member, &format!("after={after}")).await;
    assert!(ids(&last, "visits").is_empty() && ids_of(&last["withdrawn"]).is_empty());
    assert_eq!(cursor(&last), after, "nothing changed, the cursor stays");
});

fn ids_of(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|id| id.as_str().unwrap().to_owned())
        .collect()
}

db_test!(
    a_millisecond_cursor_from_an_older_app_brings_everything_once,
    |app| {
        let member = app.login(DONGHU_MEMBER).await;
        let firm = enterprise_in(&app.pull(&member).await, GRID);
        let batch: Vec<Value> = (0..2)
            .map(|i| {
                visit(
                    &new_id(),
                    firm,
                    &app.today(),
                    &format!("旧版本之前的记录{i}"),
                )
            })
            .collect();
        app.push(&member, Value::Array(batch)).await;
        let now_ms = app.clock.now_ms();
        // The older app's cursor, under its old name, is ignored: a full pull, merged by id.
        let old = pull_after(app, &member, &format!("since={now_ms}")).await;
        assert_eq!(ids(&old, "visits").len(), 2, "{old}");
        assert!(
            cursor(&old) < 1_000_000,
            "a change number, not a time: {}",
            cursor(&old)
        );
        // A cursor this database never gave out cannot skip anything either.
        let ahead = pull_after(app, &member, &format!("after={now_ms}")).await;
        assert_eq!(ids(&ahead, "visits").len(), 2, "{ahead}");
        let next = pull_after(app, &member, &format!("after={}", cursor(&old))).await;
        assert!(ids(&next, "visits").is_empty(), "{next}");
    }
);

db_test!(a_review_reaches_the_leaders_next_pull, |app| {
    let leader = app.login(GRID_LEADER).await;
    let pulled = app.pull(&leader).await;
    let grid = pulled["directory"]["grids"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == GRID)
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let id = new_id();
    app.push(
        &leader,
        json!([{ "id": id, "kind": "monthly_report", "version": 1, "device_time_ms": 1,
                 "payload": { "grid_id": grid, "month": app.this_month(), "work_done": "走访全覆盖",
                              "problems": "", "next_steps": "年报布置" } }]),
    )
    .await;
    let before = pull_after(app, &leader, "after=0").await;
    assert_eq!(before["reports"][0]["status"], "submitted");
    let township = app.login(DONGHU_LEADER).await;
    let (status, _) = app
        .call(
            &township,
            "report_review",
            json!({"id": id, "version": 1, "action": "return", "comment": "请补充问题"}),
        )
        .await;
    assert_eq!(status, 200);
    let next = pull_after(app, &leader, &format!("after={}", cursor(&before))).await;
    assert_eq!(ids(&next, "reports"), vec![id]);
    assert_eq!(next["reports"][0]["status"], "returned");
    assert_eq!(next["reports"][0]["review_comment"], "请补充问题");
});

db_test!(
    the_change_sequence_migration_goes_down_and_up_keeping_records_and_tombstones,
    |app| {
        use migration::MigratorTrait;
        let member = app.login(DONGHU_MEMBER).await;
        let firm = enterprise_in(&app.pull(&member).await, GRID);
        let (kept, gone) = (new_id(), new_id());
        let mut withdrawal = visit(&gone, firm, &app.today(), "撤回的");
        withdrawal["version"] = json!(2);
        withdrawal["withdrawn"] = json!(true);
        app.push(
            &member,
            json!([visit(&kept, firm, &app.today(), "留下的"), withdrawal]),
        )
        .await;
        let names: Vec<String> = migration::Migrator::migrations()
            .iter()
            .map(|m| m.name().to_owned())
            .collect();
        let mine = names
            .iter()
            .position(|n| n == "m20261202_000015_change_sequence")
            .unwrap();
        let steps = (names.len() - mine) as u32;
        migration::Migrator::down(&app.db, Some(steps))
            .await
            .unwrap();
        migration::Migrator::up(&app.db, None).await.unwrap();

        let pulled = pull_after(app, &member, "after=0").await;
        assert_eq!(ids(&pulled, "visits"), vec![kept]);
        assert_eq!(ids_of(&pulled["withdrawn"]), vec![gone.clone()]);
        let mut resent = visit(&gone, firm, &app.today(), "撤回的");
        resent["version"] = json!(1);
        let (_, answer) = app.push(&member, json!([resent])).await;
        assert_eq!(
            answer["results"][0]["problems"][0]["code"],
            "record_withdrawn"
        );
    }
);
