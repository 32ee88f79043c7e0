#![allow(clippy::unwrap_used)]
use super::*;
use crate::sync::api::RecordOutcome;
use crate::sync::outbox::{MemoryStore, OutboxRecord, RecordDraft};
use futures::executor::block_on;
use serde_json::json;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use uuid::Uuid;

/// A server that stores by id, as the real one does, and can fail a given round trip.
#[derive(Default)]
struct FakeServer {
    stored: RefCell<HashMap<Uuid, usize>>,
    calls: Cell<usize>,
    fail_on_call: Option<usize>,
    answer_nothing: bool,
    /// Photo uploads, in order; one fails when `fail_uploads` is set.
    uploads: RefCell<Vec<Uuid>>,
    fail_uploads: bool,
    /// What a pull answers (an empty one when unset), and the (cursor, digest) each pull sent.
    pull_answer: Option<PullResponse>,
    fail_pull: bool,
    pulls: RefCell<Vec<(i64, Option<String>)>>,
}

impl Transport for FakeServer {
    async fn push(&self, records: Vec<RecordEnvelope>) -> Result<Vec<RecordResult>, AppError> {
        let call = self.calls.get() + 1;
        self.calls.set(call);
        assert!(records.len() <= MAX_BATCH);
        if self.fail_on_call == Some(call) {
            return Err(AppError::Network("连接中断".into()));
        }
        if self.answer_nothing {
            return Ok(Vec::new());
        }
        let mut stored = self.stored.borrow_mut();
        // The real server refuses a record whose photos it does not hold.
        for r in &records {
            let photos: Vec<Uuid> =
                serde_json::from_value(r.payload["photos"].clone()).unwrap_or_default();
            assert!(
                photos.iter().all(|p| self.uploads.borrow().contains(p)),
                "a record was sent before its photos"
            );
        }
        Ok(records
            .iter()
            .map(|r| {
                *stored.entry(r.id).or_default() += 1;
                RecordResult {
                    id: r.id,
                    outcome: RecordOutcome::Accepted { received_at_ms: 1 },
                }
            })
            .collect())
    }

    async fn pull(&self, after: i64, held: Option<String>) -> Result<PullResponse, AppError> {
        self.pulls.borrow_mut().push((after, held));
        if self.fail_pull {
            return Err(AppError::Network("连接中断".into()));
        }
        Ok(self
            .pull_answer
            .clone()
            .unwrap_or_else(|| pull_response(after, json!({}))))
    }

    async fn upload_photo(&self, photo: &StoredPhoto) -> Result<(), AppError> {
        if self.fail_uploads {
            return Err(AppError::Network("连接中断".into()));
        }
        self.uploads.borrow_mut().push(photo.id);
        Ok(())
    }
}

fn outbox(n: usize) -> MemoryStore {
    let store = MemoryStore::default();
    let records: Vec<OutboxRecord> = (0..n)
        .map(|i| crate::sync::outbox::tests::record(1, i as i64, RecordState::Pending))
        .collect();
    block_on(store.put_all(&records)).unwrap();
    store
}

fn pending(store: &MemoryStore) -> usize {
    block_on(store.all())
        .unwrap()
        .iter()
        .filter(|r| r.state == RecordState::Pending)
        .count()
}

#[test]
fn a_large_outbox_goes_in_batches_of_500() {
    let store = outbox(1200);
    let server = FakeServer::default();
    let report = block_on(push_outbox(&store, &server, 1, |_, _| ())).unwrap();
    assert_eq!(report.round_trips, 3, "⌈1200/500⌉ round trips");
    assert_eq!(report.accepted, 1200);
    assert_eq!(pending(&store), 0);
}

#[test]
fn a_sync_cut_off_midway_loses_nothing_and_doubles_nothing_when_resumed() {
    let store = outbox(1200);
    let flaky = FakeServer {
        fail_on_call: Some(2),
        ..Default::default()
    };
    let err = block_on(push_outbox(&store, &flaky, 1, |_, _| ())).unwrap_err();
    assert!(matches!(err, PhoneError::Server(AppError::Network(_))));
    assert_eq!(
        pending(&store),
        700,
        "the first batch is synced, the rest waits"
    );
    let resumed = FakeServer {
        stored: flaky.stored,
        ..Default::default()
    };
    block_on(push_outbox(&store, &resumed, 1, |_, _| ())).unwrap();
    assert_eq!(pending(&store), 0);
    let stored = resumed.stored.borrow();
    assert_eq!(stored.len(), 1200);
    assert!(
        stored.values().all(|n| *n == 1),
        "no record sent twice after its answer was kept"
    );
}

#[test]
fn a_server_that_answers_nothing_cannot_make_the_client_loop() {
    let store = outbox(3);
    let mute = FakeServer {
        answer_nothing: true,
        ..Default::default()
    };
    let report = block_on(push_outbox(&store, &mute, 1, |_, _| ())).unwrap();
    assert_eq!(report.round_trips, 1);
    assert_eq!(pending(&store), 3, "records stay pending");
}

#[test]
fn progress_is_told_after_every_batch() {
    let store = outbox(1200);
    let seen = RefCell::new(Vec::new());
    block_on(push_outbox(
        &store,
        &FakeServer::default(),
        1,
        |done, total| seen.borrow_mut().push((done, total)),
    ))
    .unwrap();
    assert_eq!(
        *seen.borrow(),
        vec![(500, 1200), (1000, 1200), (1200, 1200)]
    );
}

/// One pending visit with two photos kept on the phone, not yet uploaded.
fn visit_with_photos() -> (MemoryStore, [Uuid; 2]) {
    let store = outbox(0);
    let ids = [Uuid::now_v7(), Uuid::now_v7()];
    let mut record = crate::sync::outbox::tests::record(1, 1, RecordState::Pending);
    if let RecordDraft::Visit(v) = &mut record.draft {
        v.photos = ids.to_vec();
    }
    block_on(store.put_all(&[record])).unwrap();
    for id in ids {
        let photo = StoredPhoto {
            id,
            person_id: 1,
            data_url: "data:image/jpeg;base64,/9j/".into(),
            uploaded: false,
        };
        block_on(store.put_photo(&photo)).unwrap();
    }
    (store, ids)
}

#[test]
fn photos_go_up_before_their_record_and_only_once() {
    let (store, ids) = visit_with_photos();
    let cut = FakeServer {
        fail_uploads: true,
        ..Default::default()
    };
    assert!(block_on(push_outbox(&store, &cut, 1, |_, _| ())).is_err());
    assert_eq!(cut.calls.get(), 0, "no record goes before its photos");
    assert_eq!(pending(&store), 1);

    let server = FakeServer::default();
    block_on(push_outbox(&store, &server, 1, |_, _| ())).unwrap();
    assert_eq!(*server.uploads.borrow(), ids.to_vec());
    assert_eq!(pending(&store), 0);
    assert!(block_on(store.photo(ids[0])).unwrap().unwrap().uploaded);
    // An edit sent later does not upload them again.
    let mut again = block_on(store.all()).unwrap().remove(0);
    again.version = 2;
    again.state = RecordState::Pending;
    block_on(store.put_all(&[again])).unwrap();
    block_on(push_outbox(&store, &server, 1, |_, _| ())).unwrap();
    assert_eq!(server.uploads.borrow().len(), 2);
}

#[test]
fn retries_back_off_from_five_seconds_to_five_minutes() {
    let waits: Vec<u64> = (1..=9).map(|n| retry_after(n).as_secs()).collect();
    assert_eq!(waits, vec![5, 10, 20, 40, 80, 160, 300, 300, 300]);
    assert_eq!(retry_after(0).as_secs(), 5);
    assert_eq!(retry_after(u32::MAX).as_secs(), 300);
}

#[test]
fn a_withdrawal_the_server_took_leaves_the_phone() {
    let store = outbox(2);
    let all = block_on(store.all()).unwrap();
    let withdrawal = crate::sync::outbox::withdraw(&all[0], 9);
    block_on(store.put_all(std::slice::from_ref(&withdrawal))).unwrap();
    block_on(push_outbox(&store, &FakeServer::default(), 1, |_, _| ())).unwrap();
    let left = block_on(store.all()).unwrap();
    assert_eq!(left.len(), 1);
    assert_ne!(left[0].id, withdrawal.id);
}

#[test]
fn only_failures_that_can_pass_later_are_retried() {
    use crate::sync::engine::AfterFailure;
    let network = PhoneError::Server(AppError::Network("offline".into()));
    assert_eq!(network.after(1), AfterFailure::Retry(retry_after(1)));
    assert_eq!(
        PhoneError::Server(AppError::internal()).after(3),
        AfterFailure::Retry(retry_after(3))
    );
    let storage = PhoneError::Store(crate::sync::outbox::StoreError::Failed("busy".into()));
    assert_eq!(storage.after(2), AfterFailure::Retry(retry_after(2)));
    // A refusal (403), a request the server cannot read (422) and a lost session are the same
    // on every try: sending them again by themselves would only drain the battery.
    for refused in [
        AppError::Forbidden,
        AppError::Invalid("协议版本不符".into()),
        AppError::Unauthenticated,
        AppError::PasswordChangeRequired,
    ] {
        assert_eq!(PhoneError::Server(refused).after(1), AfterFailure::Halt);
    }
}

#[test]
fn a_halted_sync_says_the_records_are_kept_and_nothing_is_retried() {
    use crate::sync::engine::{AfterFailure, failure_notice};
    let forbidden = PhoneError::Server(AppError::Forbidden);
    let notice = failure_notice(&forbidden, &forbidden.after(1));
    assert!(notice.starts_with("您无权查看或修改这些数据"), "{notice}");
    assert!(
        notice.contains("记录仍保存在手机上") && notice.contains("不再自动重试"),
        "{notice}"
    );
    let offline = PhoneError::Server(AppError::Network("x".into()));
    assert_eq!(
        failure_notice(&offline, &AfterFailure::Retry(retry_after(2))),
        "无法连接服务器，10 秒后自动重试；联网后也会自动同步"
    );
}

/// A pull answer for person 1 with `extra` fields (record lists, withdrawn, directory).
fn pull_response(cursor: i64, extra: serde_json::Value) -> PullResponse {
    let mut body = json!({
        "protocol": 1, "cursor": cursor,
        "profile": {"person_id": 1, "name": "陈晓岚", "phone": "13800000001", "roles": []},
        "directory": null,
    });
    body.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    serde_json::from_value(body).unwrap()
}

fn sync(
    store: &MemoryStore,
    server: &FakeServer,
    settings: &kv::Memory,
) -> Result<Synced, PhoneError> {
    block_on(sync_once(
        store,
        server,
        settings,
        1,
        crate::kinds::PULLED,
        |_, _| (),
    ))
}

#[test]
fn a_pull_brings_every_kind_as_synced_and_the_next_one_starts_at_its_cursor() {
    use crate::domain::activity::ActivityDraft;
    use crate::domain::report::ReportDraft;
    use crate::domain::visit::VisitDraft;
    let (visit, report, activity) = (Uuid::from_u128(1), Uuid::from_u128(2), Uuid::from_u128(3));
    let server = FakeServer {
        pull_answer: Some(pull_response(
            500,
            json!({
                "visits": [{"id": visit, "enterprise_id": 7, "visit_date": "2026-11-20",
                            "purpose": "guidance", "findings": "核对台账", "follow_up": false,
                            "version": 1, "received_at_ms": 400}],
                "reports": [{"id": report, "grid_id": 5, "month": "2026-11", "work_done": "走访",
                             "problems": "", "next_steps": "", "version": 2, "status": "approved",
                             "review_comment": null, "updated_at_ms": 450}],
                "activities": [{"id": activity, "version": 1, "received_at_ms": 300, "draft": {
                    "grid_id": 5, "activity_type": "study", "activity_date": "2026-11-02",
                    "place": "统计之家", "participants": [1], "summary": "学习", "spend_yuan": ""}}],
                // A kind this phone does not know yet (a newer server) is left alone.
                "inspections": [{"id": Uuid::from_u128(4)}],
            }),
        )),
        ..FakeServer::default()
    };
    let (store, settings) = (MemoryStore::default(), kv::Memory::default());
    let synced = sync(&store, &server, &settings).unwrap();
    assert_eq!(synced.profile.unwrap().name, "陈晓岚");
    let held = block_on(store.all()).unwrap();
    let kept = |id| held.iter().find(|r| r.id == id).unwrap();
    assert_eq!(
        kept(visit).draft_of::<VisitDraft>().unwrap().findings,
        "核对台账"
    );
    assert_eq!(
        kept(visit).state,
        RecordState::Synced {
            received_at_ms: 400
        }
    );
    assert_eq!(kept(report).state, RecordState::Approved);
    assert!(kept(report).draft_of::<ReportDraft>().is_some() && !kept(report).editable());
    assert_eq!(
        kept(activity).draft_of::<ActivityDraft>().unwrap().place,
        "统计之家"
    );
    assert_eq!(held.len(), 3);
    sync(&store, &server, &settings).unwrap();
    let asked: Vec<i64> = server
        .pulls
        .borrow()
        .iter()
        .map(|(after, _)| *after)
        .collect();
    assert_eq!(asked, vec![0, 500]);
}

#[test]
fn a_pull_keeps_what_the_phone_has_not_sent_and_drops_what_was_withdrawn_elsewhere() {
    let store = outbox(1);
    let mine = block_on(store.all()).unwrap()[0].clone();
    let gone = OutboxRecord::synced(1, Uuid::from_u128(9), 1, 5, mine.draft.clone());
    block_on(store.put_all(std::slice::from_ref(&gone))).unwrap();
    let server = FakeServer {
        // The push failed on the first call: the phone's record is still unsent.
        fail_on_call: Some(1),
        ..FakeServer::default()
    };
    assert!(sync(&store, &server, &kv::Memory::default()).is_err());
    assert!(
        server.pulls.borrow().is_empty(),
        "no pull after a failed push"
    );
    let settings = kv::Memory::default();
    let server = FakeServer {
        answer_nothing: true,
        pull_answer: Some(pull_response(9, json!({ "withdrawn": [gone.id, mine.id] }))),
        ..FakeServer::default()
    };
    sync(&store, &server, &settings).unwrap();
    let ids: Vec<Uuid> = block_on(store.all())
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(
        ids,
        vec![mine.id],
        "the unsent record stays; the synced one withdrawn elsewhere goes"
    );
}

#[test]
fn an_interrupted_pull_moves_no_cursor_and_the_digest_stays_with_its_directory() {
    let settings = kv::Memory::default();
    let store = MemoryStore::default();
    let failing = FakeServer {
        fail_pull: true,
        ..FakeServer::default()
    };
    assert!(sync(&store, &failing, &settings).is_err());
    assert_eq!(settings.get::<i64>(&kv::cursor(1)), None);
    let with_directory = FakeServer {
        pull_answer: Some(pull_response(
            70,
            json!({
                "directory": {"grids": [], "enterprises": []}, "directory_digest": "d1"
            }),
        )),
        ..FakeServer::default()
    };
    let synced = sync(&store, &with_directory, &settings).unwrap();
    assert!(synced.directory.is_some());
    assert_eq!(settings.get::<i64>(&kv::cursor(1)), Some(70));
    sync(&store, &with_directory, &settings).unwrap();
    assert_eq!(
        with_directory.pulls.borrow().last(),
        Some(&(70, Some("d1".to_owned()))),
        "the phone names the directory it holds, so an unchanged one is not sent again"
    );
}

#[test]
fn an_answer_for_a_phone_holding_the_current_directory_leaves_its_profile_and_digest() {
    let settings = kv::Memory::default();
    let store = MemoryStore::default();
    let full = FakeServer {
        pull_answer: Some(pull_response(
            70,
            json!({"directory": {"grids": [], "enterprises": []}, "directory_digest": "v3-1"}),
        )),
        ..FakeServer::default()
    };
    sync(&store, &full, &settings).unwrap();
    let mut unchanged = pull_response(70, json!({"directory_digest": "v3-1"}));
    unchanged.profile = None;
    let lean = FakeServer {
        pull_answer: Some(unchanged),
        ..FakeServer::default()
    };
    let synced = sync(&store, &lean, &settings).unwrap();
    assert_eq!((synced.profile, synced.directory), (None, None));
    let kept: crate::auth::api::Profile = settings.get(kv::PROFILE).unwrap();
    assert_eq!(kept.name, "陈晓岚", "the profile the phone held stays");
    assert_eq!(
        settings.get::<String>(kv::DIRECTORY_DIGEST).as_deref(),
        Some("v3-1")
    );
}

#[test]
fn a_millisecond_cursor_kept_by_an_older_app_is_not_taken_for_a_change_number() {
    let settings = kv::Memory::default();
    settings.set("statgrid.cursor.1", &1_763_780_001_234i64);
    let server = FakeServer {
        pull_answer: Some(pull_response(42, json!({}))),
        ..FakeServer::default()
    };
    sync(&MemoryStore::default(), &server, &settings).unwrap();
    sync(&MemoryStore::default(), &server, &settings).unwrap();
    let asked: Vec<i64> = server
        .pulls
        .borrow()
        .iter()
        .map(|(after, _)| *after)
        .collect();
    assert_eq!(
        asked,
        vec![0, 42],
        "everything once, then from the change number"
    );
}
