//! The outbox and its photos in IndexedDB. Written by hand over web-sys because every write must use a
//! `strict` durability transaction, which neither web-sys's stable API nor the IndexedDB
//! crates expose; "已保存" is shown only after such a transaction completes.
use crate::sync::outbox::{OutboxRecord, OutboxStore, PhotoStore, StoreError, StoredPhoto};
use crate::sync::words;
use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB_NAME: &str = "statgrid";
/// 1: the outbox. 2: photos, kept apart so that reading the outbox does not read them.
const DB_VERSION: u32 = 2;
const OUTBOX: &str = "outbox";
const PHOTOS: &str = "photos";

pub struct IdbStore {
    db: IdbDatabase,
}

fn failed(err: JsValue) -> StoreError {
    let name = Reflect::get(&err, &"name".into())
        .ok()
        .and_then(|n| n.as_string());
    let message = Reflect::get(&err, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| format!("{err:?}"));
    match name.as_deref() {
        Some("QuotaExceededError") => StoreError::QuotaExceeded,
        _ => StoreError::Failed(message),
    }
}

/// Resolves when the request succeeds, with its result.
async fn request_done(request: &IdbRequest) -> Result<JsValue, StoreError> {
    let req = request.clone();
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let ok_req = req.clone();
        let on_ok = Closure::once_into_js(move || {
            let _ = resolve.call1(
                &JsValue::NULL,
                &ok_req.result().unwrap_or(JsValue::UNDEFINED),
            );
        });
        let err_req = req.clone();
        let on_err = Closure::once_into_js(move || {
            let err = err_req.error().ok().flatten().map(JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &err.unwrap_or(JsValue::UNDEFINED));
        });
        req.set_onsuccess(Some(on_ok.unchecked_ref()));
        req.set_onerror(Some(on_err.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(failed)
}

/// Commits the transaction, whose requests are all placed, and resolves once it has committed;
/// rejects when it aborts.
async fn transaction_done(tx: &IdbTransaction) -> Result<(), StoreError> {
    let t = tx.clone();
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let on_ok = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let err_tx = t.clone();
        let reject_abort = reject.clone();
        let abort_tx = t.clone();
        let on_err = Closure::once_into_js(move || {
            let err = err_tx.error().map(JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &err.unwrap_or(JsValue::UNDEFINED));
        });
        let on_abort = Closure::once_into_js(move || {
            let err = abort_tx.error().map(JsValue::from);
            let _ = reject_abort.call1(&JsValue::NULL, &err.unwrap_or(JsValue::UNDEFINED));
        });
        t.set_oncomplete(Some(on_ok.unchecked_ref()));
        t.set_onerror(Some(on_err.unchecked_ref()));
        t.set_onabort(Some(on_abort.unchecked_ref()));
    });
    // Committed now, not once the page has been told that each request succeeded: that news
    // waits behind whatever the page draws meanwhile (a frame after a tap, on a slow phone).
    // A browser without `commit` (Safari before 15) still commits the transaction by itself.
    // web-sys marks `commit` deprecated, though IndexedDB 3.0 has it and so do current browsers.
    #[allow(deprecated)]
    let _ = tx.commit();
    JsFuture::from(promise).await.map(|_| ()).map_err(failed)
}

impl IdbStore {
    pub async fn open() -> Result<Self, StoreError> {
        let factory = web_sys::window()
            .and_then(|w| w.indexed_db().ok().flatten())
            .ok_or_else(|| StoreError::Unavailable(words::NO_INDEXEDDB.into()))?;
        let request = factory
            .open_with_u32(DB_NAME, DB_VERSION)
            .map_err(|e| StoreError::Unavailable(format!("{e:?}")))?;
        let upgrading = request.clone();
        // Each version adds the stores it lacks and never touches those there: an upgrade
        // keeps every record of the outbox.
        let on_upgrade = Closure::once_into_js(move || {
            if let Ok(db) = upgrading.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
                for store in [OUTBOX, PHOTOS] {
                    if !db.object_store_names().contains(store) {
                        let _ = db.create_object_store(store);
                    }
                }
            }
        });
        request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
        let db = request_done(&request)
            .await?
            .dyn_into::<IdbDatabase>()
            .map_err(|e| StoreError::Unavailable(format!("{e:?}")))?;
        Ok(IdbStore { db })
    }

    fn transaction(
        &self,
        store: &str,
        mode: IdbTransactionMode,
    ) -> Result<IdbTransaction, StoreError> {
        let stores = Array::of1(&store.into());
        if mode == IdbTransactionMode::Readonly {
            return self
                .db
                .transaction_with_str_sequence(&stores)
                .map_err(failed);
        }
        let options = Object::new();
        Reflect::set(&options, &"durability".into(), &"strict".into()).map_err(failed)?;
        // `transaction(stores, mode, {durability})` through Reflect: web-sys has it only as an
        // unstable API.
        let transaction: Function = Reflect::get(&self.db, &"transaction".into())
            .and_then(|f| f.dyn_into())
            .map_err(failed)?;
        transaction
            .call3(&self.db, &stores, &"readwrite".into(), &options)
            .and_then(|tx| tx.dyn_into::<IdbTransaction>())
            .map_err(failed)
    }
}

impl OutboxStore for IdbStore {
    async fn put_all(&self, records: &[OutboxRecord]) -> Result<(), StoreError> {
        let tx = self.transaction(OUTBOX, IdbTransactionMode::Readwrite)?;
        let store = tx.object_store(OUTBOX).map_err(failed)?;
        for record in records {
            let json =
                serde_json::to_string(record).map_err(|e| StoreError::Failed(e.to_string()))?;
            store
                .put_with_key(&json.into(), &record.id.to_string().into())
                .map_err(failed)?;
        }
        transaction_done(&tx).await
    }

    async fn all(&self) -> Result<Vec<OutboxRecord>, StoreError> {
        let tx = self.transaction(OUTBOX, IdbTransactionMode::Readonly)?;
        let store = tx.object_store(OUTBOX).map_err(failed)?;
        let values = request_done(&store.get_all().map_err(failed)?).await?;
        // A record this version cannot read is kept in storage and reported, never dropped.
        let mut records = Vec::new();
        for value in Array::from(&values).iter() {
            let text = value.as_string().unwrap_or_default();
            match serde_json::from_str::<OutboxRecord>(&text) {
                Ok(record) => records.push(record),
                Err(e) => web_sys::console::warn_1(&words::unreadable_record(&e).into()),
            }
        }
        Ok(records)
    }

    async fn remove(&self, ids: &[uuid::Uuid]) -> Result<(), StoreError> {
        if ids.is_empty() {
            return Ok(());
        }
        self.delete_all(OUTBOX, ids).await
    }
}

impl IdbStore {
    async fn delete_all(&self, name: &str, ids: &[uuid::Uuid]) -> Result<(), StoreError> {
        let tx = self.transaction(name, IdbTransactionMode::Readwrite)?;
        let store = tx.object_store(name).map_err(failed)?;
        for id in ids {
            store.delete(&id.to_string().into()).map_err(failed)?;
        }
        transaction_done(&tx).await
    }
}

impl PhotoStore for IdbStore {
    async fn put_photo(&self, photo: &StoredPhoto) -> Result<(), StoreError> {
        let tx = self.transaction(PHOTOS, IdbTransactionMode::Readwrite)?;
        let store = tx.object_store(PHOTOS).map_err(failed)?;
        let json = serde_json::to_string(photo).map_err(|e| StoreError::Failed(e.to_string()))?;
        store
            .put_with_key(&json.into(), &photo.id.to_string().into())
            .map_err(failed)?;
        transaction_done(&tx).await
    }

    async fn photo_ids(&self) -> Result<Vec<uuid::Uuid>, StoreError> {
        let tx = self.transaction(PHOTOS, IdbTransactionMode::Readonly)?;
        let store = tx.object_store(PHOTOS).map_err(failed)?;
        let keys = request_done(&store.get_all_keys().map_err(failed)?).await?;
        Ok(Array::from(&keys)
            .iter()
            .filter_map(|k| k.as_string()?.parse().ok())
            .collect())
    }

    async fn remove_photos(&self, ids: &[uuid::Uuid]) -> Result<(), StoreError> {
        if ids.is_empty() {
            return Ok(());
        }
        self.delete_all(PHOTOS, ids).await
    }

    async fn photo(&self, id: uuid::Uuid) -> Result<Option<StoredPhoto>, StoreError> {
        let tx = self.transaction(PHOTOS, IdbTransactionMode::Readonly)?;
        let store = tx.object_store(PHOTOS).map_err(failed)?;
        let value = request_done(&store.get(&id.to_string().into()).map_err(failed)?).await?;
        Ok(value
            .as_string()
            .and_then(|text| serde_json::from_str(&text).ok()))
    }
}
