#![allow(clippy::unwrap_used)]
use super::*;
use crate::sync::api::RecordOutcome;
use crate::sync::outbox::{MemoryStore, OutboxRecord, RecordDraft};
use futures::executor::block_on;
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
    assert!(matches!(err, SyncError::Server(AppError::Network(_))));
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
    let network = SyncError::Server(AppError::Network("offline".into()));
    assert_eq!(network.after(1), AfterFailure::Retry(retry_after(1)));
    assert_eq!(
        SyncError::Server(AppError::Internal).after(3),
        AfterFailure::Retry(retry_after(3))
    );
    let storage = SyncError::Store(crate::sync::outbox::StoreError::Failed("busy".into()));
    assert_eq!(storage.after(2), AfterFailure::Retry(retry_after(2)));
    // A refusal (403), a request the server cannot read (422) and a lost session are the same
    // on every try: sending them again by themselves would only drain the battery.
    for refused in [
        AppError::Forbidden,
        AppError::Invalid("协议版本不符".into()),
        AppError::Unauthenticated,
        AppError::PasswordChangeRequired,
    ] {
        assert_eq!(SyncError::Server(refused).after(1), AfterFailure::Halt);
    }
}

#[test]
fn a_halted_sync_says_the_records_are_kept_and_nothing_is_retried() {
    use crate::sync::engine::{AfterFailure, failure_notice};
    let forbidden = SyncError::Server(AppError::Forbidden);
    let notice = failure_notice(&forbidden, &forbidden.after(1));
    assert!(notice.starts_with("您无权查看或修改这些数据"), "{notice}");
    assert!(notice.contains("记录仍保存在手机上") && notice.contains("不再自动重试"), "{notice}");
    let offline = SyncError::Server(AppError::Network("x".into()));
    assert_eq!(
        failure_notice(&offline, &AfterFailure::Retry(retry_after(2))),
        "无法连接服务器，10 秒后自动重试；联网后也会自动同步"
    );
}
