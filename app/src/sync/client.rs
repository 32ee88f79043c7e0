//! Browser actions: start-up, login and logout, saving a record into the outbox, and sync runs
//! (on start, on `online`, when the page becomes visible, on a timer and on demand).
use crate::auth::api::{Credentials, PasswordChange, Profile};
use crate::directory::api::Directory;
use crate::domain::period::shanghai_date;
use crate::duties::api::DutyList;
use crate::error::AppError;
use crate::kinds::PULLED;
use crate::layout::words::SIGN_IN_FIRST;
use crate::sync::engine::{AfterFailure, failure_notice, sync_once};
use crate::sync::error::PhoneError;
use crate::sync::http::{self, Http};
use crate::sync::idb::IdbStore;
use crate::sync::kv::{self, KeyValue, Local};
use crate::sync::outbox::{
    Choice, OutboxRecord, OutboxStore, PhotoStore, RecordDraft, RecordState, StoreError,
    StoredPhoto, orphan_photos, resolve, withdraw,
};
use crate::sync::outbox_handle::Outbox;
use crate::sync::pwa;
use crate::sync::state::{ClientState, use_client};
use crate::sync::words;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::{Cell, RefCell};
use std::time::Duration;
use uuid::Uuid;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

const SYNC_EVERY: Duration = Duration::from_secs(60);

thread_local! {
    static CLIENT: Cell<Option<ClientState>> = const { Cell::new(None) };
    static OUTBOX: RefCell<Option<Outbox<IdbStore>>> = const { RefCell::new(None) };
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

/// The outbox, opened once: every write goes to IndexedDB, then to the page.
pub(crate) async fn outbox() -> Result<Outbox<IdbStore>, StoreError> {
    if let Some(outbox) = OUTBOX.with(|s| s.borrow().clone()) {
        return Ok(outbox);
    }
    let outbox = Outbox::new(IdbStore::open().await?, client().records);
    OUTBOX.with(|s| *s.borrow_mut() = Some(outbox.clone()));
    Ok(outbox)
}

fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Today's date in Beijing, by the phone's clock.
pub fn today() -> Option<time::Date> {
    shanghai_date(now_ms())
}

/// Loads what the phone holds, then keeps it in sync. Called once, by the app's root.
pub fn start() {
    let state = use_client();
    CLIENT.with(|c| c.set(Some(state)));
    spawn_local(async move {
        let profile = Local.get::<Profile>(kv::PROFILE);
        if let Some(p) = &profile {
            let person_id = p.person_id;
            spawn_local(async move {
                let Ok(kept) = kept_duties(person_id).await else {
                    return;
                };
                // Unless the person logged out meanwhile; a sync that finished first has put a
                // newer list.
                let same = state
                    .profile
                    .with_untracked(|p| p.as_ref().is_some_and(|p| p.person_id == person_id));
                if same {
                    state.duties.update(|d| *d = d.take().or(kept));
                }
            });
            let last = Local.get::<i64>(&kv::last_sync(p.person_id));
            state.status.update(|s| s.last_sync_ms = last);
        }
        state.profile.set(profile);
        state
            .directory
            .set(Local.get::<Directory>(kv::DIRECTORY).unwrap_or_default());
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
    let _ = set_interval(sync_by_itself, SYNC_EVERY);
    pwa::register(state.update_ready);
    pwa::watch_install(state.can_install, state.in_app_browser);
}

/// The duty list kept from the last sync. Only the home page and the report form show it, both
/// splits, so with `split-sync` reading it is one too: the capture screen starts without it.
#[cfg_attr(feature = "split-sync", lazy(fallible))]
async fn kept_duties(person_id: i32) -> Result<Option<DutyList>, PhoneError> {
    Ok(Local.get::<DutyList>(&kv::duties(person_id)))
}

/// Deletes the photos no record lists any more, once they are a day old, judged on the records
/// just loaded; a failure here costs only space, so it is not reported.
async fn clear_orphan_photos() {
    let Ok(store) = outbox().await else { return };
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
    let read = match outbox().await {
        Ok(outbox) => outbox.reload().await,
        Err(e) => Err(e),
    };
    if let Err(e) = &read {
        client().status.update(|s| s.problem = Some(e.to_string()));
    }
    read.is_ok()
}

/// A sync run the user asked for (a tap on 立即同步, a login, a new password): it runs even
/// after a failure that stopped the phone from trying by itself, and even when the phone
/// believes it has no network (it may be wrong, and the user then sees why the run failed).
pub fn sync_now() {
    rearm();
    start_run();
}

/// A sync run after the user changed what the phone holds (a save, a withdrawal, an import):
/// as [`sync_now`], except that nothing is tried while the phone has no network at all. Such a
/// run could only fail, and on a cheap phone it would slow the user's next save; the `online`
/// event starts one when the network is back.
pub fn sync_after_change() {
    rearm();
    sync_by_itself();
}

/// Lets the phone try by itself again after a failure that stopped it.
fn rearm() {
    let status = client().status;
    if status.with_untracked(|s| s.halted) {
        status.update(|s| s.halted = false);
    }
}

/// A sync run the phone starts by itself (on start, network back, page shown, timer), unless
/// it has no network at all.
fn sync_by_itself() {
    if window().navigator().on_line() {
        start_run();
    }
}

/// A sync run, unless nobody is logged in or the last failure needs the user; while one is
/// under way, another follows it.
fn start_run() {
    let state = client();
    if state.profile.with_untracked(Option::is_none) || state.status.with_untracked(|s| s.halted) {
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
        let result = run_sync(state).await;
        // Another tab may have written meanwhile: show what is on disk.
        reload_records().await;
        let mut retry = None;
        state.status.update(|s| {
            s.syncing = false;
            s.progress = None;
            match result {
                Ok(()) => {
                    let now = now_ms();
                    if let Some(p) = state.profile.get_untracked() {
                        Local.set(&kv::last_sync(p.person_id), &now);
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
                    s.needs_login = e == PhoneError::Server(AppError::Unauthenticated);
                    match after {
                        AfterFailure::Retry(wait) => retry = Some(wait),
                        AfterFailure::Halt => s.halted = true,
                    }
                }
            }
        });
        if let Some(wait) = retry {
            let _ = set_timeout(sync_by_itself, wait);
        }
        if AGAIN.with(|a| a.replace(false)) {
            sync_by_itself();
        }
    });
}

/// With `split-sync`, the sync engine and what only it uses (the push and pull, the answers'
/// readers) are a split of their own, cut out by `scripts/wasm-bundle.sh`: the capture screen
/// shows without them, and they are fetched on the first run, from the service worker's cache
/// once it is installed. A fetch that fails is a network failure: the run is tried again later.
#[cfg_attr(feature = "split-sync", lazy(fallible))]
async fn run_sync(state: ClientState) -> Result<(), PhoneError> {
    let Some(person_id) = state
        .profile
        .with_untracked(|p| p.as_ref().map(|p| p.person_id))
    else {
        return Ok(());
    };
    let outbox = outbox().await?;
    let synced = sync_once(&outbox, &Http, &Local, person_id, PULLED, |done, total| {
        state.status.update(|s| s.progress = Some((done, total)))
    })
    .await?;
    if let Some(directory) = synced.directory {
        state.directory.set(directory);
    }
    if let Some(profile) = synced.profile {
        state.profile.set(Some(profile));
    }
    // The duty list is a convenience: without it sync still succeeded.
    if let Ok(duties) = http::duties().await {
        Local.set(&kv::duties(person_id), &duties);
        state.duties.set(Some(duties));
    }
    Ok(())
}

pub async fn login(creds: Credentials) -> Result<Profile, AppError> {
    let answer = http::login(&creds).await?;
    let state = client();
    Local.set(kv::PROFILE, &answer.profile);
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
        return Err(AppError::Invalid(words::unsynced_at_logout(waiting)));
    }
    http::logout().await?;
    if let Some(p) = state.profile.get_untracked() {
        Local.delete(&kv::duties(p.person_id));
        Local.delete(&kv::last_sync(p.person_id));
    }
    state.duties.set(None);
    Local.delete(kv::PROFILE);
    Local.delete(kv::DIRECTORY);
    Local.delete(kv::DIRECTORY_DIGEST);
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
        .ok_or_else(|| StoreError::Unavailable(SIGN_IN_FIRST.into()))?;
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
    outbox()
        .await?
        .put_all(std::slice::from_ref(&record))
        .await?;
    pwa::ask_persistence();
    sync_after_change();
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
    outbox()
        .await?
        .put_all(std::slice::from_ref(&changed))
        .await?;
    sync_after_change();
    Ok(())
}

/// Keeps a shrunk photo on the phone for the logged-in person; returns its new id once it is
/// durably written.
pub async fn keep_photo(data_url: String) -> Result<Uuid, StoreError> {
    let person_id = client()
        .profile
        .with_untracked(|p| p.as_ref().map(|p| p.person_id))
        .ok_or_else(|| StoreError::Unavailable(SIGN_IN_FIRST.into()))?;
    let photo = StoredPhoto {
        id: Uuid::now_v7(),
        person_id,
        data_url,
        uploaded: false,
    };
    outbox().await?.put_photo(&photo).await?;
    Ok(photo.id)
}

/// The phone's copy of a photo, as a data URL.
pub async fn photo_data(id: Uuid) -> Option<String> {
    let photo = outbox().await.ok()?.photo(id).await.ok()??;
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
        Local.set(kv::PROFILE, &profile);
    }
    sync_now();
    Ok(())
}
