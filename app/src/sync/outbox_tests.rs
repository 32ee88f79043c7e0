#![allow(clippy::unwrap_used)]
use super::*;
use crate::domain::annual_plan::AnnualPlanDraft;
use crate::domain::major_event::MajorEventDraft;
use crate::domain::report::ReviewStatus;
use crate::domain::visit::VisitDraft;
use crate::reports::api::ReportRecord;
use crate::sync::api::RecordOutcome;
use crate::sync::pulled::PulledRecord;
use proptest::prelude::*;

pub(crate) fn record(person_id: i32, device_time_ms: i64, state: RecordState) -> OutboxRecord {
    OutboxRecord {
        id: Uuid::now_v7(),
        person_id,
        version: 1,
        device_time_ms,
        draft: RecordDraft::Visit(VisitDraft {
            enterprise_id: 1,
            visit_date: "2026-11-20".into(),
            purpose: "guidance".into(),
            findings: "走访".into(),
            follow_up: false,
            photos: Vec::new(),
        }),
        state,
        withdrawn: false,
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

fn major_event(device_time_ms: i64) -> OutboxRecord {
    OutboxRecord {
        draft: RecordDraft::MajorEvent(MajorEventDraft {
            grid_id: 4,
            enterprise_id: None,
            occurred_on: "2026-11-20".into(),
            title: "某企业停产".into(),
            details: "停产".into(),
            impact: "产值下降".into(),
        }),
        ..record(1, device_time_ms, RecordState::Pending)
    }
}

#[test]
fn a_major_event_goes_before_older_records_even_in_a_full_batch() {
    let old_visits: Vec<OutboxRecord> =
        (0..5).map(|t| record(1, t, RecordState::Pending)).collect();
    let urgent = major_event(100);
    let mut all = old_visits.clone();
    all.push(urgent.clone());
    let batch = next_batch(&all, 1, 3);
    assert_eq!(batch[0], urgent);
    assert_eq!(batch[1..], old_visits[..2]);
}

#[test]
fn new_kinds_read_back_as_themselves() {
    let event = major_event(1);
    let plan = RecordDraft::AnnualPlan(AnnualPlanDraft {
        grid_id: 4,
        year: 2027,
        goals: "目标".into(),
        measures: "措施".into(),
        schedule: "安排".into(),
    });
    for draft in [record(1, 1, RecordState::Pending).draft, event.draft, plan] {
        let json = serde_json::to_value(&draft).unwrap();
        // On disk the draft names its kind; the server gets the fields alone.
        assert_eq!(json["kind"], draft.kind());
        assert!(draft.payload().get("kind").is_none());
        assert_eq!(serde_json::from_value::<RecordDraft>(json).unwrap(), draft);
    }
}

/// Records kept before drafts carried their kind read back as the kind they are, whichever
/// it is, so an update of the app loses none of them.
#[test]
fn untagged_drafts_kept_by_an_older_app_read_back_as_their_kind() {
    let event = major_event(1).draft;
    let untagged = event.payload();
    assert!(untagged.get("kind").is_none());
    assert_eq!(
        serde_json::from_value::<RecordDraft>(untagged).unwrap(),
        event
    );
    let nonsense = serde_json::json!({"unexpected": true});
    assert!(serde_json::from_value::<RecordDraft>(nonsense).is_err());
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

fn conflict(record: &OutboxRecord, their_findings: &str, their_version: u32) -> RecordResult {
    let mut theirs = record.draft.clone();
    if let RecordDraft::Visit(v) = &mut theirs {
        v.findings = their_findings.into();
    }
    RecordResult {
        id: record.id,
        outcome: RecordOutcome::Conflict {
            current: crate::sync::api::CurrentVersion {
                version: their_version,
                payload: serde_json::to_value(&theirs).unwrap(),
            },
            problems: vec![Problem::new("stale_version", None, "已在别处修改")],
        },
    }
}

#[test]
fn a_conflict_keeps_both_versions_until_the_user_chooses() {
    let mine = record(1, 1, RecordState::Pending);
    let updated = apply_results(
        std::slice::from_ref(&mine),
        &[conflict(&mine, "别处的版本", 2)],
    );
    let held = &updated[0];
    assert_eq!(held.draft, mine.draft, "the phone's own text stays");
    assert_eq!(held.state.label(), "有冲突");
    assert!(held.is_unsynced() && !held.editable());
    let RecordState::Conflict {
        theirs,
        their_version,
        ..
    } = &held.state
    else {
        panic!("{:?}", held.state);
    };
    assert_eq!(*their_version, 2);
    assert_eq!(theirs.describe()[2], ("走访情况", "别处的版本".to_owned()));
    assert!(
        next_batch(&updated, 1, 10).is_empty(),
        "not resent until the user chooses"
    );

    // Keeping mine sends it as the version after the server's.
    let kept = resolve(held, Choice::Mine, 50).unwrap();
    assert_eq!(
        (kept.version, kept.state.clone()),
        (3, RecordState::Pending)
    );
    assert_eq!(kept.draft, mine.draft);
    // Taking theirs keeps the server's text as synced.
    let taken = resolve(held, Choice::Theirs, 50).unwrap();
    assert_eq!(taken.version, 2);
    assert_eq!(taken.draft, *theirs);
    assert!(!taken.is_unsynced());
    assert_eq!(
        resolve(&mine, Choice::Mine, 50),
        None,
        "only a conflict is resolved"
    );
}

#[test]
fn a_conflict_with_an_unreadable_server_version_is_a_refusal_and_keeps_the_text() {
    let mine = record(1, 1, RecordState::Pending);
    let mut answer = conflict(&mine, "x", 2);
    if let RecordOutcome::Conflict { current, .. } = &mut answer.outcome {
        current.payload = serde_json::json!({"unexpected": true});
    }
    let updated = apply_results(std::slice::from_ref(&mine), &[answer]);
    assert!(matches!(updated[0].state, RecordState::Rejected { .. }));
    assert_eq!(updated[0].draft, mine.draft);
}

#[test]
fn a_pull_never_overwrites_a_record_waiting_on_the_phone() {
    let pending = record(1, 1, RecordState::Pending);
    let mut from_server = pending.clone();
    from_server.state = RecordState::Synced { received_at_ms: 9 };
    if let RecordDraft::Visit(v) = &mut from_server.draft {
        v.findings = "服务器上的旧版本".into();
    }
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

/// A visit saved by the app before reports existed (a bare visit draft, as IndexedDB holds it)
/// still reads back as a visit after the update.
#[test]
fn records_saved_before_the_update_still_read_as_visits() {
    let stored = serde_json::json!({
        "id": "0196f3a0-0000-7000-8000-000000000001", "person_id": 5, "version": 1,
        "device_time_ms": 1, "state": {"state": "pending"},
        "draft": {"enterprise_id": 7, "visit_date": "2026-11-20", "purpose": "guidance",
                  "findings": "走访", "follow_up": false}
    });
    let record: OutboxRecord = serde_json::from_value(stored).unwrap();
    assert_eq!(
        record.draft_of::<VisitDraft>().map(|v| v.enterprise_id),
        Some(7)
    );
    assert_eq!(record.envelope().kind, "visit");
}

fn report(status: ReviewStatus, version: u32, comment: Option<&str>) -> ReportRecord {
    ReportRecord {
        id: Uuid::from_u128(77),
        grid_id: 5,
        month: "2026-11".into(),
        work_done: "走访12家".into(),
        problems: String::new(),
        next_steps: "年报布置".into(),
        version,
        status,
        review_comment: comment.map(str::to_owned),
        updated_at_ms: 10,
    }
}

#[test]
fn a_returned_report_reaches_the_phone_with_the_comment_and_can_be_edited() {
    let synced = report(ReviewStatus::Submitted, 1, None).into_outbox(4);
    assert!(!synced.is_unsynced() && synced.editable());
    assert_eq!(synced.envelope().kind, "monthly_report");
    let returned = report(ReviewStatus::Returned, 1, Some("补充走访数")).into_outbox(4);
    let to_store = pulled_to_store(std::slice::from_ref(&synced), vec![returned.clone()]);
    assert_eq!(to_store, vec![returned.clone()]);
    assert_eq!(
        returned.state,
        RecordState::Returned {
            comment: Some("补充走访数".into())
        }
    );
    assert!(returned.editable() && !returned.is_unsynced());
    let approved = report(ReviewStatus::Approved, 2, None).into_outbox(4);
    assert!(
        !approved.editable(),
        "an approved month is locked on the phone too"
    );
}

#[test]
fn a_report_edited_on_the_phone_is_not_replaced_by_the_pulled_return() {
    let mut edited = report(ReviewStatus::Returned, 1, Some("改")).into_outbox(4);
    edited.version = 2;
    edited.state = RecordState::Pending;
    let pulled = report(ReviewStatus::Returned, 1, Some("改")).into_outbox(4);
    assert!(pulled_to_store(&[edited], vec![pulled]).is_empty());
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

#[test]
fn a_withdrawal_is_the_next_version_and_nothing_is_editable_meanwhile() {
    let synced = record(1, 1, RecordState::Synced { received_at_ms: 2 });
    let withdrawal = withdraw(&synced, 50);
    assert_eq!(withdrawal.version, 2);
    assert!(withdrawal.withdrawn && withdrawal.is_unsynced());
    assert_eq!(withdrawal.label(), "撤回待同步");
    assert!(!withdrawal.editable() && !withdrawal.withdrawable());
    assert!(withdrawal.envelope().withdrawn);
    assert_eq!(
        next_batch(std::slice::from_ref(&withdrawal), 1, 10),
        vec![withdrawal]
    );
    // An approved report cannot be withdrawn on the phone.
    let approved = record(1, 1, RecordState::Approved);
    assert!(!approved.withdrawable());
}

#[test]
fn only_old_photos_listed_by_no_record_are_cleared() {
    let at = |ms: u64| Uuid::new_v7(uuid::Timestamp::from_unix(uuid::NoContext, ms / 1000, 0));
    let now = 10 * ORPHAN_PHOTO_MS;
    let now_u = u64::try_from(now).unwrap();
    let (listed, old, fresh) = (at(1000), at(2000), at(now_u - 60_000));
    let mut with_photo = record(1, 1, RecordState::Pending);
    if let RecordDraft::Visit(v) = &mut with_photo.draft {
        v.photos = vec![listed];
    }
    assert_eq!(
        orphan_photos(&[with_photo], &[listed, old, fresh], now),
        vec![old]
    );
}

#[test]
fn a_withdrawal_made_elsewhere_removes_only_synced_copies() {
    let synced = record(1, 1, RecordState::Synced { received_at_ms: 2 });
    let edited = record(1, 2, RecordState::Pending);
    let other = record(1, 3, RecordState::Synced { received_at_ms: 2 });
    let local = [synced.clone(), edited.clone(), other];
    assert_eq!(
        withdrawn_elsewhere(&local, &[synced.id, edited.id]),
        vec![synced.id]
    );
}

/// Every state a record can be kept in reads back from IndexedDB's JSON as it was written, as
/// does every answer a push can get.
#[test]
fn every_state_and_push_answer_reads_back_as_written() {
    let problem = Problem::new("bad_date", Some("visit_date"), "日期不对");
    let theirs = record(5, 1, RecordState::Pending).draft;
    let states = [
        RecordState::Pending,
        RecordState::Synced { received_at_ms: 3 },
        RecordState::Rejected {
            problems: vec![problem.clone()],
        },
        RecordState::Conflict {
            theirs,
            their_version: 2,
            problems: vec![problem.clone()],
        },
        RecordState::Returned {
            comment: Some("补充走访情况".into()),
        },
        RecordState::Returned { comment: None },
        RecordState::Approved,
    ];
    for state in states {
        let kept = record(5, 1, state);
        let text = serde_json::to_string(&kept).unwrap();
        assert_eq!(
            serde_json::from_str::<OutboxRecord>(&text).unwrap(),
            kept,
            "{text}"
        );
    }
    let refused = serde_json::from_str::<RecordState>(r#"{"state":"synced"}"#).unwrap_err();
    assert!(refused.to_string().contains("received_at_ms"), "{refused}");

    let outcomes = [
        RecordOutcome::Accepted { received_at_ms: 9 },
        RecordOutcome::Rejected {
            problems: vec![problem.clone()],
        },
        RecordOutcome::Conflict {
            current: crate::sync::api::CurrentVersion {
                version: 4,
                payload: serde_json::json!({"findings": "走访"}),
            },
            problems: vec![problem],
        },
    ];
    for outcome in outcomes {
        let answer = RecordResult {
            id: Uuid::from_u128(8),
            outcome,
        };
        let text = serde_json::to_string(&answer).unwrap();
        assert_eq!(
            serde_json::from_str::<RecordResult>(&text).unwrap(),
            answer,
            "{text}"
        );
    }
}
