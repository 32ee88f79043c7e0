//! The phone's small settings (who is logged in, the directory, the pull cursor, the cached
//! duties, the last sync) behind one key-value trait: LocalStorage in the browser, memory in
//! native tests.
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::cell::RefCell;
use std::collections::BTreeMap;

pub trait KeyValue {
    /// The value under `key`; `None` when absent or unreadable (an older shape).
    fn get<T: DeserializeOwned>(&self, key: &str) -> Option<T>;
    /// Whether it was kept (the browser may refuse: storage full, private mode).
    fn set<T: Serialize>(&self, key: &str, value: &T) -> bool;
    fn delete(&self, key: &str);
}

pub const PROFILE: &str = "statgrid.profile";
pub const DIRECTORY: &str = "statgrid.directory";
pub const DIRECTORY_DIGEST: &str = "statgrid.directory.digest";

/// Where the person's last pull ended: a change number. Not the key an older app kept its
/// millisecond cursor under, which must not be taken for one.
pub fn cursor(person_id: i32) -> String {
    format!("statgrid.after.{person_id}")
}

pub fn duties(person_id: i32) -> String {
    format!("statgrid.duties.{person_id}")
}

pub fn last_sync(person_id: i32) -> String {
    format!("statgrid.last_sync.{person_id}")
}

/// The browser's LocalStorage.
#[cfg(feature = "hydrate")]
pub struct Local;

#[cfg(feature = "hydrate")]
impl KeyValue for Local {
    fn get<T: DeserializeOwned>(&self, key: &str) -> Option<T> {
        use gloo_storage::Storage;
        gloo_storage::LocalStorage::get(key).ok()
    }

    fn set<T: Serialize>(&self, key: &str, value: &T) -> bool {
        use gloo_storage::Storage;
        gloo_storage::LocalStorage::set(key, value).is_ok()
    }

    fn delete(&self, key: &str) {
        use gloo_storage::Storage;
        gloo_storage::LocalStorage::delete(key);
    }
}

/// Settings in memory, as JSON like LocalStorage keeps them, for tests off the browser.
#[derive(Default)]
pub struct Memory {
    values: RefCell<BTreeMap<String, String>>,
}

impl KeyValue for Memory {
    fn get<T: DeserializeOwned>(&self, key: &str) -> Option<T> {
        let values = self.values.borrow();
        serde_json::from_str(values.get(key)?).ok()
    }

    fn set<T: Serialize>(&self, key: &str, value: &T) -> bool {
        let Ok(json) = serde_json::to_string(value) else {
            return false;
        };
        self.values.borrow_mut().insert(key.to_owned(), json);
        true
    }

    fn delete(&self, key: &str) {
        self.values.borrow_mut().remove(key);
    }
}
