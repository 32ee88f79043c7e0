#![allow(clippy::unwrap_used)]
use super::*;
use crate::sync::api::RecordOutcome;
use proptest::prelude::*;

pub(crate) fn record(person_id: i32, device_time_ms: i64, state: RecordState) -> OutboxRecord {
    OutboxRecord {
        id: Uuid::now_v7(),
        person_id,
        version: 1,
        device_time_ms,
        draft: VisitDraft {
            enterprise_id: 1,
            visit_date: "2026-11-20".into(),
            purpose: "guidance".into(),
            findings: "走访".into(),
            follow_up: false,
        },
        state,
    }
}

fn accepted(id: Uuid) -> RecordResult {
    RecordResult {
        id,
        outcome: RecordOutcome::Accepted { received_at_ms: 7 },
    }
}

#[test]
fn next_batch_takes_only_the_persons_pending_records_oldest_first() {
    let newer = record(1, 20, RecordState::Pending);
    let older = record(1, 10, RecordState::Pending);
    let synced = record(1, 5, RecordState::Synced { received_at_ms: 6 });
    let someone_else = record(2, 1, RecordState::Pending);
    let all = [newer.clone(), synced, someone_else, older.clone()];
    let batch = next_batch(&all, 1, 10);
    assert_eq!(batch, vec![older.clone(), newer]);
    assert_eq!(next_batch(&all, 1, 1), vec![older]);
}

#[test]
fn answers_mark_records_synced_or_rejected_and_unanswered_ones_stay_pending() {
    let a = record(1, 1, RecordState::Pending);
    let b = record(1, 2, RecordState::Pending);
    let c = record(1, 3, RecordState::Pending);
    let problems = vec![Problem::new(
        "date_in_future",
        Some("visit_date"),
        "走访日期不能晚于今天",
    )];
    let results = [
        accepted(a.id),
        RecordResult {
            id: b.id,
            outcome: RecordOutcome::Rejected {
                problems: problems.clone(),
            },
        },
    ];
    let updated = apply_results(&[a.clone(), b.clone(), c], &results);
    assert_eq!(updated.len(), 2, "c was not answered, so it is not touched");
    assert_eq!(updated[0].state, RecordState::Synced { received_at_ms: 7 });
    assert_eq!(updated[1].state, RecordState::Rejected { problems });
    assert_eq!(
        updated[1].draft, b.draft,
        "the user's text is kept for correction"
    );
}

#[test]
fn a_pull_never_overwrites_a_record_waiting_on_the_phone() {
    let pending = record(1, 1, RecordState::Pending);
    let mut from_server = pending.clone();
    from_server.state = RecordState::Synced { received_at_ms: 9 };
    from_server.draft.findings = "服务器上的旧版本".into();
    let fresh = record(1, 2, RecordState::Synced { received_at_ms: 3 });
    let to_store = pulled_to_store(&[pending], vec![from_server, fresh.clone()]);
    assert_eq!(to_store, vec![fresh]);
}

#[test]
fn the_memory_store_keeps_records_by_id() {
    let store = MemoryStore::default();
    let mut r = record(1, 1, RecordState::Pending);
    futures::executor::block_on(store.put_all(std::slice::from_ref(&r))).unwrap();
    r.state = RecordState::Synced { received_at_ms: 2 };
    futures::executor::block_on(store.put_all(std::slice::from_ref(&r))).unwrap();
    assert_eq!(futures::executor::block_on(store.all()).unwrap(), vec![r]);
}

proptest! {
    #[test]
    fn answers_never_add_or_lose_records(count in 0usize..30, answered in proptest::collection::vec(any::<bool>(), 30)) {
        let sent: Vec<OutboxRecord> = (0..count).map(|i| record(1, i as i64, RecordState::Pending)).collect();
        let results: Vec<RecordResult> = sent.iter().zip(&answered).filter(|(_, a)| **a).map(|(r, _)| accepted(r.id)).collect();
        let updated = apply_results(&sent, &results);
        prop_assert_eq!(updated.len(), results.len());
        prop_assert!(updated.iter().all(|u| sent.iter().any(|s| s.id == u.id && s.draft == u.draft)));
    }
}
