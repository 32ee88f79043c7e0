//! Withdrawing records (撤回): a newer version marked `withdrawn` removes the record until the
//! township has reviewed it; the id stays withdrawn, so no resend brings the record back.
use crate::common::*;
use serde_json::{Value, json};

const GRID: &str = "东湖工业一网格";
const GRID_LEADER: &str = "13800000004";

fn withdrawn(mut record: Value, version: u32) -> Value {
    record["version"] = json!(version);
    record["withdrawn"] = json!(true);
    record
}

fn outcome(answer: &Value) -> (String, String) {
    let result = &answer["results"][0];
    (
        result["status"].as_str().unwrap().to_owned(),
        result["problems"][0]["code"]
            .as_str()
            .unwrap_or("")
            .to_owned(),
    )
}

fn accepted() -> (String, String) {
    ("accepted".into(), String::new())
}

fn report(app: &TestApp, id: &str, grid: i64) -> Value {
    json!({
        "id": id, "kind": "monthly_report", "version": 1, "device_time_ms": 1,
        "payload": { "grid_id": grid, "month": &app.today()[..7], "work_done": "走访全覆盖",
                     "problems": "", "next_steps": "年报布置" }
    })
}

fn grid_id(pull: &Value) -> i64 {
    pull["directory"]["grids"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == GRID)
        .unwrap()["id"]
        .as_i64()
        .unwrap()
}

db_test!(a_withdrawn_visit_is_gone_and_stays_gone, |app| {
    let member = app.login(DONGHU_MEMBER).await;
    let firm = enterprise_in(&app.pull(&member).await, GRID);
    let id = new_id();
    let sent = visit(&id, firm, &app.today(), "走错了企业");
    assert_eq!(
        outcome(&app.push(&member, json!([sent.clone()])).await.1),
        accepted()
    );
    assert_eq!(app.visit_count().await, 1);

    // Someone else cannot withdraw it.
    let other = app.login(GRID_LEADER).await;
    let (_, refused) = app.push(&other, json!([withdrawn(sent.clone(), 2)])).await;
    assert_eq!(outcome(&refused).1, "not_allowed");

    let (_, first) = app.push(&member, json!([withdrawn(sent.clone(), 2)])).await;
    assert_eq!(outcome(&first), accepted(), "{first}");
    assert_eq!(app.visit_count().await, 0);
    // Sent again (a lost answer): the same answer. The old version resent: refused in words.
    let (_, again) = app.push(&member, json!([withdrawn(sent.clone(), 2)])).await;
    assert_eq!(again["results"][0], first["results"][0]);
    let (_, late) = app.push(&member, json!([sent])).await;
    assert_eq!(outcome(&late).1, "record_withdrawn");
    assert_eq!(app.visit_count().await, 0);
    let pulled = app.pull(&member).await;
    assert!(
        pulled["visits"]
            .as_array()
            .unwrap()
            .iter()
            .all(|v| v["id"] != id)
    );
});

db_test!(
    a_withdrawal_that_arrives_first_keeps_the_record_out,
    |app| {
        let member = app.login(DONGHU_MEMBER).await;
        let firm = enterprise_in(&app.pull(&member).await, GRID);
        let id = new_id();
        let sent = visit(&id, firm, &app.today(), "从未送达");
        let (_, answer) = app.push(&member, json!([withdrawn(sent.clone(), 2)])).await;
        assert_eq!(outcome(&answer), accepted());
        let (_, late) = app.push(&member, json!([sent])).await;
        assert_eq!(outcome(&late).1, "record_withdrawn");
        assert_eq!(app.visit_count().await, 0);
    }
);

db_test!(a_report_may_be_withdrawn_until_approved, |app| {
    let leader = app.login(GRID_LEADER).await;
    let grid = grid_id(&app.pull(&leader).await);
    let township = app.login(DONGHU_LEADER).await;

    let first = new_id();
    assert_eq!(
        outcome(
            &app.push(&leader, json!([report(app, &first, grid)]))
                .await
                .1
        ),
        accepted()
    );
    // The deputy's phone holds it too, by pull.
    let deputy = app.login("13800000007").await;
    let cursor = app.pull(&deputy).await["cursor"].as_i64().unwrap();
    let (_, answer) = app
        .push(&leader, json!([withdrawn(report(app, &first, grid), 2)]))
        .await;
    assert_eq!(outcome(&answer), accepted(), "{answer}");
    // Its next pull names the withdrawal, so it drops its copy; another grid's leader hears
    // nothing of it.
    let pull_since = |client: &reqwest::Client, cursor: i64| {
        client
            .get(app.url(&format!("/api/v1/sync/pull?after={cursor}")))
            .send()
    };
    let pulled: Value = pull_since(&deputy, cursor)
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(pulled["withdrawn"], json!([first]), "{pulled}");
    assert!(pulled["cursor"].as_i64().unwrap() > cursor);
    let xiling = app.login(XILING_LEADER).await;
    let pulled: Value = pull_since(&xiling, 0).await.unwrap().json().await.unwrap();
    assert_eq!(pulled["withdrawn"], json!([]));
    // The month is open again: a new report is taken.
    let second = new_id();
    assert_eq!(
        outcome(
            &app.push(&leader, json!([report(app, &second, grid)]))
                .await
                .1
        ),
        accepted()
    );
    let (status, _) = app
        .call(
            &township,
            "report_review",
            json!({"id": second, "version": 1, "action": "approve", "comment": ""}),
        )
        .await;
    assert_eq!(status, 200);
    let (_, refused) = app
        .push(&leader, json!([withdrawn(report(app, &second, grid), 2)]))
        .await;
    assert_eq!(outcome(&refused).1, "month_locked");
});

db_test!(
    a_read_major_event_cannot_be_withdrawn_and_a_stale_withdrawal_is_a_conflict,
    |app| {
        let member = app.login(DONGHU_MEMBER).await;
        let grid = grid_id(&app.pull(&member).await);
        let event = |id: &str, version: u32, title: &str| {
            json!({
                "id": id, "kind": "major_event", "version": version, "device_time_ms": 1,
                "payload": { "grid_id": grid, "enterprise_id": null, "occurred_on": app.today(),
                             "title": title, "details": "停产", "impact": "产值下降" }
            })
        };
        let (read, stale) = (new_id(), new_id());
        app.push(
            &member,
            json!([event(&read, 1, "已阅的事项"), event(&stale, 1, "将被修改")]),
        )
        .await;
        let township = app.login(DONGHU_LEADER).await;
        let (status, _) = app
            .call(
                &township,
                "major_event_read",
                json!({"id": read, "version": 1}),
            )
            .await;
        assert_eq!(status, 200);
        let (_, refused) = app
            .push(&member, json!([withdrawn(event(&read, 1, "x"), 2)]))
            .await;
        assert_eq!(outcome(&refused).1, "already_read");

        // Edited to version 2 elsewhere; a withdrawal made from version 1 shows that version.
        app.push(&member, json!([event(&stale, 2, "已在别处修改")]))
            .await;
        let (_, answer) = app
            .push(&member, json!([withdrawn(event(&stale, 1, "x"), 2)]))
            .await;
        assert_eq!(
            outcome(&answer),
            ("conflict".into(), "stale_version".into())
        );
        assert_eq!(
            answer["results"][0]["current"]["payload"]["title"],
            "已在别处修改"
        );
        let (_, kept) = app
            .push(&member, json!([withdrawn(event(&stale, 1, "x"), 3)]))
            .await;
        assert_eq!(outcome(&kept), accepted());
        let (_, rows) = app.call(&township, "major_events", json!({})).await;
        assert_eq!(rows.as_array().unwrap().len(), 1, "{rows}");
    }
);

fn codes(answer: &Value) -> Vec<(String, String)> {
    answer["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["status"].as_str().unwrap().to_owned(),
                r["problems"][0]["code"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

fn withdrawn_ids(pull: &Value) -> Vec<&str> {
    pull["withdrawn"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| id.as_str().unwrap())
        .collect()
}

db_test!(
    another_persons_withdrawal_of_a_visit_id_neither_removes_nor_blocks_it,
    |app| {
        let member = app.login(DONGHU_MEMBER).await;
        let firm = enterprise_in(&app.pull(&member).await, GRID);
        let id = new_id();
        let sent = visit(&id, firm, &app.today(), "本人的走访");
        app.push(&member, json!([sent.clone()])).await;

        // The grid's leader knows the id: as a visit it is not his to withdraw; naming another
        // kind only leaves a tombstone of his own, for a training of his that never came.
        let other = app.login(GRID_LEADER).await;
        let mut as_training = withdrawn(sent.clone(), 2);
        as_training["kind"] = json!("training");
        let (_, answer) = app.push(&other, json!([withdrawn(sent.clone(), 2)])).await;
        assert_eq!(outcome(&answer).1, "not_allowed");
        let (_, answer) = app.push(&other, json!([as_training])).await;
        assert_eq!(codes(&answer), vec![accepted()]);
        assert_eq!(app.visit_count().await, 1);

        // The member's record lives on: pulled, not named withdrawn, edited, withdrawn by her.
        let pulled = app.pull(&member).await;
        assert!(withdrawn_ids(&pulled).is_empty(), "{pulled}");
        assert_eq!(pulled["visits"][0]["id"], id.as_str());
        let mut edit = visit(&id, firm, &app.today(), "补充了情况");
        edit["version"] = json!(2);
        let (_, answer) = app.push(&member, json!([edit])).await;
        assert_eq!(codes(&answer), vec![accepted()]);
        let (_, answer) = app.push(&member, json!([withdrawn(sent.clone(), 3)])).await;
        assert_eq!(codes(&answer), vec![accepted()]);
        assert_eq!(app.visit_count().await, 0);
        let (_, late) = app.push(&member, json!([sent])).await;
        assert_eq!(outcome(&late).1, "record_withdrawn");
    }
);

db_test!(
    a_withdrawal_sent_before_any_record_speaks_only_for_its_sender_and_kind,
    |app| {
        let member = app.login(DONGHU_MEMBER).await;
        let firm = enterprise_in(&app.pull(&member).await, GRID);
        let id = new_id();
        let sent = visit(&id, firm, &app.today(), "还没送达的走访");

        // Someone else withdraws the id first: it keeps out only his own later visit.
        let other = app.login(GRID_LEADER).await;
        let (_, answer) = app.push(&other, json!([withdrawn(sent.clone(), 2)])).await;
        assert_eq!(codes(&answer), vec![accepted()]);
        let (_, answer) = app.push(&member, json!([sent.clone()])).await;
        assert_eq!(
            codes(&answer),
            vec![accepted()],
            "the member's visit is stored"
        );
        assert_eq!(app.visit_count().await, 1);
        assert!(withdrawn_ids(&app.pull(&member).await).is_empty());
        let (_, answer) = app.push(&other, json!([sent.clone()])).await;
        assert_eq!(outcome(&answer).1, "record_withdrawn");

        // Her own withdrawal still takes, with a tombstone of her own beside his.
        let (_, answer) = app.push(&member, json!([withdrawn(sent.clone(), 2)])).await;
        assert_eq!(codes(&answer), vec![accepted()]);
        assert_eq!(app.visit_count().await, 0);
        assert_eq!(withdrawn_ids(&app.pull(&member).await), vec![id.as_str()]);
        let (_, late) = app.push(&member, json!([sent])).await;
        assert_eq!(outcome(&late).1, "record_withdrawn");

        // Her withdrawal of an id as a visit does not keep out a training under it.
        let reused = new_id();
        let as_visit = visit(&reused, firm, &app.today(), "x");
        app.push(&member, json!([withdrawn(as_visit, 2)])).await;
        let grid = grid_id(&app.pull(&member).await);
        let training = json!({
            "id": reused, "kind": "training", "version": 1, "device_time_ms": 1,
            "payload": { "grid_id": grid, "title": "统计法律知识培训", "training_date": app.today(),
                         "organiser": "市统计局", "topic": "law", "hours": 2,
                         "attendees": [app.pull(&member).await["profile"]["person_id"]] }
        });
        let (_, answer) = app.push(&member, json!([training])).await;
        assert_eq!(codes(&answer), vec![accepted()], "{answer}");
    }
);
