//! Browser actions: start-up, login and logout, saving a record into the outbox, and sync runs
//! (on start, on `online`, when the page becomes visible, on a timer and on demand).
use crate::activities::api::{self as activities, ActivityRecord};
use crate::auth::api::{Credentials, PasswordChange, Profile};
use crate::directory::api::Directory;
use crate::domain::period::shanghai_date;
use crate::duties::api::DutyList;
use crate::error::AppError;
use crate::major_events::api::{self as major_events, MajorEventRecord};
use crate::plans::api::{self as plans, PlanRecord};
use crate::reports::api::{self as reports, ReportRecord};
use crate::sync::engine::{AfterFailure, SyncError, failure_notice, push_outbox};
use crate::sync::http::{self, Http};
use crate::sync::idb::IdbStore;
use crate::sync::outbox::{
    Choice, OutboxRecord, OutboxStore, PhotoStore, RecordDraft, RecordState, StoreError,
    StoredPhoto, orphan_photos, pulled_to_store, resolve, withdraw, withdrawn_elsewhere,
};
use crate::sync::pwa;
use crate::sync::state::{ClientState, use_client};
use crate::trainings::api::{self as trainings, TrainingRecord};
use crate::visits::api::{self as visits, VisitRecord};
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;
use uuid::Uuid;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

const PROFILE_KEY: &str = "statgrid.profile";
const DIRECTORY_KEY: &str = "statgrid.directory";
const DIRECTORY_DIGEST_KEY: &str = "statgrid.directory.digest";
const SYNC_EVERY: Duration = Duration::from_secs(60);

thread_local! {
    static CLIENT: Cell<Option<ClientState>> = const { Cell::new(None) };
    static STORE: RefCell<Option<Rc<IdbStore>>> = const { RefCell::new(None) };
    /// A sync was asked for while one ran (the network came back mid-run, say): run again
    /// when it ends, so the request is not lost.
    static AGAIN: Cell<bool> = const { Cell::new(false) };
}

fn client() -> ClientState {
    CLIENT.with(|c| c.get()).unwrap_or_else(use_client)
}

/// The phone-side state, for the other browser actions.
pub(crate) fn state() -> ClientState {
    client()
}

/// The outbox, opened once.
pub(crate) async fn outbox() -> Result<Rc<IdbStore>, StoreError> {
    store().await
}

async fn store() -> Result<Rc<IdbStore>, StoreError> {
    if let Some(store) = STORE.with(|s| s.borrow().clone()) {
        return Ok(store);
    }
    let store = Rc::new(IdbStore::open().await?);
    STORE.with(|s| *s.borrow_mut() = Some(store.clone()));
    Ok(store)
}

fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Today's date in Beijing, by the phone's clock.
pub fn today() -> Option<time::Date> {
    shanghai_date(now_ms())
}

fn cursor_key(person_id: i32) -> String {
    format!("statgrid.cursor.{person_id}")
}

fn duties_key(person_id: i32) -> String {
    format!("statgrid.duties.{person_id}")
}

fn last_sync_key(person_id: i32) -> String {
    format!("statgrid.last_sync.{person_id}")
}

/// Loads what the phone holds, then keeps it in sync. Called once, by the app's root.
pub fn start() {
    let state = use_client();
    CLIENT.with(|c| c.set(Some(state)));
    spawn_local(async move {
        let profile = LocalStorage::get::<Profile>(PROFILE_KEY).ok();
        if let Some(p) = &profile {
            state
                .duties
                .set(LocalStorage::get::<DutyList>(duties_key(p.person_id)).ok());
            let last = LocalStorage::get::<i64>(last_sync_key(p.person_id)).ok();
            state.status.update(|s| s.last_sync_ms = last);
        }
        state.profile.set(profile);
        state
            .directory
            .set(LocalStorage::get::<Directory>(DIRECTORY_KEY).unwrap_or_default());
        let loaded = reload_records().await;
        state.ready.set(true);
        sync_by_itself();
        // Only against records actually read: an empty list would make every photo an orphan.
        if loaded {
            clear_orphan_photos().await;
        }
    });
    state.online.set(window().navigator().on_line());
    let online = window_event_listener_untyped("online", move |_| {
        state.online.set(true);
        sync_by_itself();
    });
    let offline = window_event_listener_untyped("offline", move |_| state.online.set(false));
    let visible = Closure::<dyn Fn()>::new(move || {
        if document().visibility_state() == web_sys::VisibilityState::Visible {
            sync_by_itself();
        }
    });
    let _ = document()
        .add_event_listener_with_callback("visibilitychange", visible.as_ref().unchecked_ref());
    // These live as long as the page does.
    visible.forget();
    std::mem::forget((online, offline));
    let _ = set_interval_with_handle(sync_by_itself, SYNC_EVERY);
    pwa::register(state.update_ready);
    pwa::watch_install(state.can_install, state.in_app_browser);
}

/// Deletes the photos no record lists any more, once they are a day old, judged on the records
/// just loaded; a failure here costs only space, so it is not reported.
async fn clear_orphan_photos() {
    let Ok(store) = store().await else { return };
    let Ok(photos) = store.photo_ids().await else {
        return;
    };
    let orphans = client()
        .records
        .with_untracked(|records| orphan_photos(records, &photos, now_ms()));
    let _ = store.remove_photos(&orphans).await;
}

/// Reads the outbox into the page's state; whether it could.
async fn reload_records() -> bool {
    let state = client();
    let read = match store().await {
        Ok(store) => store.all().await,
        Err(e) => Err(e),
    };
    match read {
        Ok(records) => {
            state.records.set(records);
            true
        }
        Err(e) => {
            state.status.update(|s| s.problem = Some(e.to_string()));
            false
        }
    }
}

/// A sync run the user asked for (a tap on 立即同步, a save, a login): it runs even after a
/// failure that stopped the phone from trying by itself.
pub fn sync_now() {
    client().status.update(|s| s.halted = false);
    sync_by_itself();
}

/// A sync run the phone starts by itself (on start, network back, page shown, timer), unless
/// nobody is logged in or the last failure needs the user; while one is under way, another
/// follows it.
fn sync_by_itself() {
    let state = client();
    if state.profile.with_untracked(Option::is_none) || state.status.with_untracked(|s| s.halted)
    {
        return;
    }
    if state.status.with_untracked(|s| s.syncing) {
        AGAIN.with(|a| a.set(true));
        return;
    }
    state.status.update(|s| {
        s.syncing = true;
        s.progress = None;
    });
    spawn_local(async move {
        let result = run_sync(&state).await;
        reload_records().await;
        let mut retry = None;
        state.status.update(|s| {
            s.syncing = false;
            s.progress = None;
            match result {
                Ok(()) => {
                    let now = now_ms();
                    if let Some(p) = state.profile.get_untracked() {
                        let _ = LocalStorage::set(last_sync_key(p.person_id), now);
                    }
                    s.last_sync_ms = Some(now);
                    s.problem = None;
                    s.needs_login = false;
                    s.failures = 0;
                }
                Err(e) => {
                    s.failures += 1;
                    let after = e.after(s.failures);
                    s.problem = Some(failure_notice(&e, &after));
                    s.needs_login = e == SyncError::Server(AppError::Unauthenticated);
                    match after {
                        AfterFailure::Retry(wait) => retry = Some(wait),
                        AfterFailure::Halt => s.halted = true,
                    }
                }
            }
        });
        if let Some(wait) = retry {
            let _ = set_timeout_with_handle(sync_by_itself, wait);
        }
        if AGAIN.with(|a| a.replace(false)) {
            sync_by_itself();
        }
    });
}

async fn run_sync(state: &ClientState) -> Result<(), SyncError> {
    let Some(person_id) = state
        .profile
        .with_untracked(|p| p.as_ref().map(|p| p.person_id))
    else {
        return Ok(());
    };
    let store = store().await?;
    push_outbox(store.as_ref(), &Http, person_id, |done, total| {
        state.status.update(|s| s.progress = Some((done, total)))
    })
    .await?;
    let since = LocalStorage::get::<i64>(cursor_key(person_id)).unwrap_or(0);
    let held = LocalStorage::get::<String>(DIRECTORY_DIGEST_KEY).ok();
    let pulled = http::pull(since, held).await?;
    let malformed = |_| AppError::Internal;
    let visits: Vec<VisitRecord> = pulled.records_of(visits::PULLED_AS).map_err(malformed)?;
    let reports: Vec<ReportRecord> = pulled.records_of(reports::PULLED_AS).map_err(malformed)?;
    let activities: Vec<ActivityRecord> = pulled
        .records_of(activities::PULLED_AS)
        .map_err(malformed)?;
    let trainings: Vec<TrainingRecord> =
        pulled.records_of(trainings::PULLED_AS).map_err(malformed)?;
    let major_events: Vec<MajorEventRecord> = pulled
        .records_of(major_events::PULLED_AS)
        .map_err(malformed)?;
    let plans: Vec<PlanRecord> = pulled.records_of(plans::PULLED_AS).map_err(malformed)?;
    let fresh: Vec<OutboxRecord> = visits
        .iter()
        .map(|v| OutboxRecord::from_server(person_id, v))
        .chain(
            reports
                .iter()
                .map(|r| OutboxRecord::from_report(person_id, r)),
        )
        .chain(activities.into_iter().map(|a| {
            let draft = RecordDraft::Activity(a.draft);
            OutboxRecord::synced(person_id, a.id, a.version, a.received_at_ms, draft)
        }))
        .chain(trainings.into_iter().map(|t| {
            let draft = RecordDraft::Training(t.draft);
            OutboxRecord::synced(person_id, t.id, t.version, t.received_at_ms, draft)
        }))
        .chain(major_events.into_iter().map(|e| {
            let draft = RecordDraft::MajorEvent(e.draft);
            OutboxRecord::synced(person_id, e.id, e.version, e.received_at_ms, draft)
        }))
        .chain(plans.into_iter().map(|p| {
            let draft = RecordDraft::AnnualPlan(p.draft);
            OutboxRecord::synced(person_id, p.id, p.version, p.received_at_ms, draft)
        }))
        .collect();
    let local = store.all().await?;
    store
        .remove(&withdrawn_elsewhere(&local, &pulled.withdrawn))
        .await?;
    store.put_all(&pulled_to_store(&local, fresh)).await?;
    let _ = LocalStorage::set(cursor_key(person_id), pulled.cursor);
    let _ = LocalStorage::set(PROFILE_KEY, &pulled.profile);
    if let Some(directory) = pulled.directory {
        // The digest only once the directory it names is kept.
        if LocalStorage::set(DIRECTORY_KEY, &directory).is_ok() {
            let _ = LocalStorage::set(DIRECTORY_DIGEST_KEY, &pulled.directory_digest);
        }
        state.directory.set(directory);
    }
    state.profile.set(Some(pulled.profile));
    // The duty list is a convenience: without it sync still succeeded.
    if let Ok(duties) = http::duties().await {
        let _ = LocalStorage::set(duties_key(person_id), &duties);
        state.duties.set(Some(duties));
    }
    Ok(())
}

pub async fn login(creds: Credentials) -> Result<Profile, AppError> {
    let answer = http::login(&creds).await?;
    let state = client();
    let _ = LocalStorage::set(PROFILE_KEY, &answer.profile);
    state.profile.set(Some(answer.profile.clone()));
    state.status.update(|s| {
        s.needs_login = false;
        s.problem = None;
    });
    sync_now();
    Ok(answer.profile)
}

/// Refused while records wait to be synced: logging out must never strand them.
pub async fn logout() -> Result<(), AppError> {
    let state = client();
    let waiting = state.unsynced_count();
    if waiting > 0 {
        return Err(AppError::Invalid(format!(
            "还有 {waiting} 条记录未同步，请联网同步后再退出，以免记录丢失"
        )));
    }
    http::logout().await?;
    if let Some(p) = state.profile.get_untracked() {
        LocalStorage::delete(duties_key(p.person_id));
        LocalStorage::delete(last_sync_key(p.person_id));
    }
    state.duties.set(None);
    LocalStorage::delete(PROFILE_KEY);
    LocalStorage::delete(DIRECTORY_KEY);
    LocalStorage::delete(DIRECTORY_DIGEST_KEY);
    state.profile.set(None);
    state.directory.set(Directory::default());
    Ok(())
}

/// Keeps the record on the phone; returns only once it is durably written. `id` names a
/// record being changed (keeping its id, so the server stores it once); its version goes up,
/// so the server tells an edit from a replay. Otherwise a new record is made.
pub async fn save_record(id: Option<Uuid>, draft: RecordDraft) -> Result<(), StoreError> {
    let state = client();
    let person_id = state
        .profile
        .with_untracked(|p| p.as_ref().map(|p| p.person_id))
        .ok_or_else(|| StoreError::Unavailable("请先登录".into()))?;
    let previous = id.and_then(|id| {
        state
            .records
            .with_untracked(|all| all.iter().find(|r| r.id == id).map(|r| r.version))
    });
    let record = OutboxRecord {
        id: id.unwrap_or_else(Uuid::now_v7),
        person_id,
        version: previous.map_or(1, |v| v + 1),
        device_time_ms: now_ms(),
        draft,
        state: RecordState::Pending,
        withdrawn: false,
    };
    store()
        .await?
        .put_all(std::slice::from_ref(&record))
        .await?;
    state.records.update(|all| {
        all.retain(|r| r.id != record.id);
        all.push(record);
    });
    pwa::ask_persistence();
    sync_now();
    Ok(())
}

/// Withdraws a record (撤回): kept as a pending withdrawal until the server has taken it, then
/// gone from the phone. Returns once the withdrawal is durably written.
pub async fn withdraw_record(id: Uuid) -> Result<(), StoreError> {
    change_record(id, |record| Some(withdraw(record, now_ms()))).await
}

/// Replaces the phone's record `id` by what `change` makes of it (nothing when it makes
/// nothing), durably, then syncs.
async fn change_record(
    id: Uuid,
    change: impl FnOnce(&OutboxRecord) -> Option<OutboxRecord>,
) -> Result<(), StoreError> {
    let state = client();
    let Some(changed) = state
        .records
        .with_untracked(|all| all.iter().find(|r| r.id == id).and_then(change))
    else {
        return Ok(());
    };
    store()
        .await?
        .put_all(std::slice::from_ref(&changed))
        .await?;
    state.records.update(|all| {
        all.retain(|r| r.id != id);
        all.push(changed);
    });
    sync_now();
    Ok(())
}

/// Keeps a shrunk photo on the phone for the logged-in person; returns its new id once it is
/// durably written.
pub async fn keep_photo(data_url: String) -> Result<Uuid, StoreError> {
    let person_id = client()
        .profile
        .with_untracked(|p| p.as_ref().map(|p| p.person_id))
        .ok_or_else(|| StoreError::Unavailable("请先登录".into()))?;
    let photo = StoredPhoto {
        id: Uuid::now_v7(),
        person_id,
        data_url,
        uploaded: false,
    };
    store().await?.put_photo(&photo).await?;
    Ok(photo.id)
}

/// The phone's copy of a photo, as a data URL.
pub async fn photo_data(id: Uuid) -> Option<String> {
    let photo = store().await.ok()?.photo(id).await.ok()??;
    Some(photo.data_url)
}

/// Settles a conflict with the version the user chose; returns once it is durably written.
pub async fn resolve_conflict(id: Uuid, choice: Choice) -> Result<(), StoreError> {
    change_record(id, |record| resolve(record, choice, now_ms())).await
}

pub fn install() {
    pwa::install(client().can_install);
}

pub fn activate_update() {
    pwa::activate_update();
}

/// Replaces the password; afterwards the person may work and sync again.
pub async fn change_password(change: PasswordChange) -> Result<(), AppError> {
    http::change_password(&change).await?;
    let state = client();
    state.profile.update(|p| {
        if let Some(p) = p {
            p.must_change_password = false;
        }
    });
    if let Some(profile) = state.profile.get_untracked() {
        let _ = LocalStorage::set(PROFILE_KEY, &profile);
    }
    sync_now();
    Ok(())
}
