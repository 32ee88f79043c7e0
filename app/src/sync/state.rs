//! The phone-side state every page reads: who is logged in, the cached directory, the outbox
//! and how sync stands. Filled in the browser after hydration; empty on the server, so the
//! server-rendered shell carries no user data and can be cached for offline use.
use crate::auth::api::Profile;
use crate::directory::api::Directory;
use crate::duties::api::DutyList;
use crate::sync::outbox::OutboxRecord;
use leptos::prelude::*;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyncStatus {
    pub syncing: bool,
    pub last_sync_ms: Option<i64>,
    /// The last sync's trouble, in words for the user.
    pub problem: Option<String>,
    /// The server asked for a new login; records stay until then.
    pub needs_login: bool,
    /// Records answered so far in this run, of how many.
    pub progress: Option<(usize, usize)>,
    /// Failed runs in a row, which set the wait before the next try.
    pub failures: u32,
    /// The last failure cannot pass by trying again (a refusal, a lost session): the phone
    /// sends nothing by itself until the user acts.
    pub halted: bool,
}

/// What the browser says of this site's storage.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StorageReport {
    /// `navigator.storage.persisted()`; `None` when the browser cannot say.
    pub persisted: Option<bool>,
    /// Used and available bytes, when the browser tells.
    pub usage: Option<(f64, f64)>,
}

#[derive(Clone, Copy)]
pub struct ClientState {
    /// Set once the browser has loaded the local data (never on the server).
    pub ready: RwSignal<bool>,
    pub profile: RwSignal<Option<Profile>>,
    pub directory: RwSignal<Directory>,
    pub records: RwSignal<Vec<OutboxRecord>>,
    /// The open duties as of the last sync.
    pub duties: RwSignal<Option<DutyList>>,
    pub status: RwSignal<SyncStatus>,
    pub online: RwSignal<bool>,
    /// A new version of the app is installed and waiting.
    pub update_ready: RwSignal<bool>,
    /// The browser offers to install the app (添加到主屏幕).
    pub can_install: RwSignal<bool>,
    /// Opened inside a messaging app's browser (WeChat), where offline storage is unreliable.
    pub in_app_browser: RwSignal<bool>,
}

impl ClientState {
    pub fn new() -> Self {
        ClientState {
            ready: RwSignal::new(false),
            profile: RwSignal::new(None),
            directory: RwSignal::new(Directory::default()),
            records: RwSignal::new(Vec::new()),
            duties: RwSignal::new(None),
            status: RwSignal::new(SyncStatus::default()),
            online: RwSignal::new(true),
            update_ready: RwSignal::new(false),
            can_install: RwSignal::new(false),
            in_app_browser: RwSignal::new(false),
        }
    }

    /// The logged-in person's records, newest visit first.
    pub fn own_records(&self) -> Vec<OutboxRecord> {
        let Some(person_id) = self.profile.with(|p| p.as_ref().map(|p| p.person_id)) else {
            return Vec::new();
        };
        let mut own: Vec<OutboxRecord> = self
            .records
            .get()
            .into_iter()
            .filter(|r| r.person_id == person_id)
            .collect();
        own.sort_by(|a, b| {
            (b.draft.date(), b.device_time_ms).cmp(&(a.draft.date(), a.device_time_ms))
        });
        own
    }

    /// The person's records that count (for duties, hours and figures): those not withdrawn.
    pub fn own_counted_records(&self) -> Vec<OutboxRecord> {
        let mut own = self.own_records();
        own.retain(|r| !r.withdrawn);
        own
    }

    /// How many of the person's records still wait for the server. Counted in place: it runs on
    /// every save, with a year of records on the phone.
    pub fn unsynced_count(&self) -> usize {
        let Some(person_id) = self.profile.with(|p| p.as_ref().map(|p| p.person_id)) else {
            return 0;
        };
        self.records.with(|all| {
            all.iter()
                .filter(|r| r.person_id == person_id && r.is_unsynced())
                .count()
        })
    }
}

impl Default for ClientState {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_client() -> ClientState {
    use_context::<ClientState>().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::outbox::RecordState;
    use crate::sync::outbox::tests::record;

    fn profile(person_id: i32) -> Profile {
        Profile {
            person_id,
            name: "王芳".into(),
            phone: "13800000005".into(),
            roles: Vec::new(),
            must_change_password: false,
        }
    }

    #[test]
    fn the_bar_counts_only_the_person_s_records_still_waiting_for_the_server() {
        let owner = Owner::new();
        owner.set();
        let client = ClientState::new();
        client.records.set(vec![
            record(1, 1, RecordState::Pending),
            record(
                1,
                2,
                RecordState::Rejected {
                    problems: Vec::new(),
                },
            ),
            record(1, 3, RecordState::Synced { received_at_ms: 5 }),
            record(1, 4, RecordState::Approved),
            // Another person's, left on a shared phone: not this person's to send.
            record(2, 5, RecordState::Pending),
        ]);
        assert_eq!(client.unsynced_count(), 0, "nobody logged in");
        client.profile.set(Some(profile(1)));
        assert_eq!(client.unsynced_count(), 2);
        client.profile.set(Some(profile(2)));
        assert_eq!(client.unsynced_count(), 1);
    }
}
