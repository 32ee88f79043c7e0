//! Arbitrary bodies against the push and pull decoders, through the real server: valid
//! envelopes of every kind with fields swapped for arbitrary JSON, arbitrary JSON, and raw
//! bytes. Never a 5xx, every record of an answered push answered, and the server goes on
//! serving. Runs `STATGRID_FUZZ_SECS` seconds per database (default 10); `make fuzz` runs
//! longer. The seed is printed, and `STATGRID_FUZZ_SEED` replays a run.
use crate::common::*;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

const GRID_LEADER: &str = "13800000004";
const KINDS: [&str; 7] = [
    "visit",
    "activity",
    "training",
    "major_event",
    "monthly_report",
    "annual_plan",
    "meeting",
];

/// Any JSON value: odd strings (control characters, NUL, long ones), extreme numbers, nesting.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        Just(json!(u64::MAX)),
        ".{0,40}".prop_map(Value::from),
        "[\\x00-\\x1f\\u{7f}\\u{202e}=+@-]{0,8}".prop_map(Value::from),
        (0usize..20_000).prop_map(|n| Value::from("统".repeat(n))),
        "-?[0-9]{1,6}-[0-9]{1,3}(-[0-9]{1,3})?".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map(".{0,12}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// The ids a valid record of each kind names, from the leader's first pull.
struct Place {
    grid: i64,
    enterprise: i64,
    people: Vec<i64>,
    today: String,
}

fn valid_payload(kind: &str, at: &Place) -> Value {
    match kind {
        "visit" => json!({"enterprise_id": at.enterprise, "visit_date": at.today,
            "purpose": "data_quality", "findings": "核对报表", "follow_up": false}),
        "activity" => json!({"grid_id": at.grid, "activity_type": "study",
            "activity_date": at.today, "place": "统计之家", "participants": at.people,
            "summary": "学习统计法", "spend_yuan": "86.5"}),
        "training" => json!({"grid_id": at.grid, "title": "统计法律知识培训",
            "training_date": at.today, "organiser": "市统计局", "topic": "law", "hours": 2,
            "attendees": at.people}),
        "major_event" => json!({"grid_id": at.grid, "enterprise_id": at.enterprise,
            "occurred_on": at.today, "title": "停产", "details": "订单不足", "impact": "产值减少"}),
        "monthly_report" => json!({"grid_id": at.grid, "month": &at.today[..7],
            "work_done": "走访", "problems": "", "next_steps": "年报"}),
        "annual_plan" => json!({"grid_id": at.grid, "year": 2026, "goals": "全覆盖",
            "measures": "例会", "schedule": "每季度"}),
        _ => json!({}),
    }
}

/// A push body: mostly well-formed envelopes whose fields are swapped for arbitrary values.
fn push_body(at: &'static Place) -> impl Strategy<Value = Value> {
    let envelope = (
        prop::sample::select(&KINDS[..]),
        prop::collection::vec((any::<prop::sample::Index>(), any_json()), 0..3),
        prop::option::weighted(0.2, (".{0,10}", any_json())),
        any::<u8>(),
        any::<bool>(),
    )
        .prop_map(move |(kind, swaps, top, version, withdrawn)| {
            let mut payload = valid_payload(kind, at);
            if let Value::Object(fields) = &mut payload {
                let keys: Vec<String> = fields.keys().cloned().collect();
                for (index, value) in swaps {
                    if !keys.is_empty() {
                        fields.insert(index.get(&keys).clone(), value);
                    }
                }
            }
            let mut envelope = json!({"id": uuid::Uuid::now_v7(), "kind": kind,
                "version": u32::from(version % 4), "device_time_ms": 1_763_000_000_000i64,
                "payload": payload, "withdrawn": withdrawn && version % 7 == 0});
            if let Some((field, value)) = top {
                envelope[field] = value;
            }
            envelope
        });
    prop_oneof![
        6 => prop::collection::vec(envelope, 1..8)
            .prop_map(|records| json!({"protocol": 1, "records": records})),
        1 => any_json(),
        1 => any_json().prop_map(|records| json!({"protocol": 1, "records": records})),
    ]
}

/// Raw bytes: a truncated valid body, or noise.
fn raw_body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..300),
        (0usize..120).prop_map(|cut| {
            let body = br#"{"protocol":1,"records":[{"id":"0190a1b2-0000-7000-8000-000000000001","kind":"visit","version":1,"device_time_ms":1,"payload":{"findings":"x"}}]}"#;
            body[..cut.min(body.len())].to_vec()
        }),
    ]
}

fn runner() -> TestRunner {
    let seed: u64 = std::env::var("STATGRID_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(rand_seed);
    eprintln!("push fuzz: seed {seed} (STATGRID_FUZZ_SEED replays it)");
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &bytes),
    )
}

fn rand_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
}

async fn send(app: &TestApp, client: &reqwest::Client, body: Vec<u8>) -> (u16, Value) {
    let response = client
        .post(app.url("/api/v1/sync/push"))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .expect("the server answers");
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

db_test!(arbitrary_pushes_and_pulls_never_break_the_server, |app| {
    let seconds: u64 = std::env::var("STATGRID_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let leader = app.login(GRID_LEADER).await;
    let pulled = app.pull(&leader).await;
    let grid = pulled["directory"]["grids"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "东湖工业一网格")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let people = pulled["directory"]["members"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["grid_id"] == grid)
        .map(|m| m["person_id"].as_i64().unwrap())
        .collect();
    let place: &'static Place = Box::leak(Box::new(Place {
        grid,
        enterprise: enterprise_in(&pulled, "东湖工业一网格"),
        people,
        today: app.today(),
    }));
    let (bodies, raws, since) = (push_body(place), raw_body(), any::<String>());
    let mut runner = runner();
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut statuses: BTreeMap<u16, usize> = BTreeMap::new();
    let mut outcomes: BTreeMap<String, usize> = BTreeMap::new();
    let mut cases = 0usize;
    while Instant::now() < deadline {
        cases += 1;
        let (label, body) = if cases.is_multiple_of(5) {
            ("bytes", raws.new_tree(&mut runner).unwrap().current())
        } else {
            let value = bodies.new_tree(&mut runner).unwrap().current();
            ("json", serde_json::to_vec(&value).unwrap())
        };
        let (status, answer) = send(app, &leader, body.clone()).await;
        *statuses.entry(status).or_default() += 1;
        assert!(
            status < 500,
            "a {label} push answered {status}: {}",
            String::from_utf8_lossy(&body[..body.len().min(2000)])
        );
        if status == 200 {
            let sent: Value = serde_json::from_slice(&body).unwrap();
            let results = answer["results"].as_array().unwrap();
            assert_eq!(results.len(), sent["records"].as_array().unwrap().len());
            for r in results {
                let outcome = r["status"].as_str().unwrap().to_owned();
                assert!(
                    ["accepted", "rejected", "conflict"].contains(&outcome.as_str()),
                    "{r}"
                );
                *outcomes.entry(outcome).or_default() += 1;
            }
        }
        if cases.is_multiple_of(7) {
            let cursor = since.new_tree(&mut runner).unwrap().current();
            let response = leader
                .get(app.url("/api/v1/sync/pull"))
                .query(&[("since", cursor.as_str())])
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            assert!(
                status < 500,
                "a pull with since={cursor:?} answered {status}"
            );
        }
    }
    let health = reqwest::get(app.url("/healthz")).await.unwrap();
    assert_eq!(health.status(), 200, "the server goes on serving");
    eprintln!(
        "push fuzz: {cases} bodies in {seconds} s; statuses {statuses:?}; records {outcomes:?}"
    );
    assert!(
        outcomes.get("accepted").copied().unwrap_or(0) > 0
            && outcomes.get("rejected").copied().unwrap_or(0) > 0,
        "the generator reaches both stored and refused records: {outcomes:?}"
    );
});
