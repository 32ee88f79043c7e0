//! The outbox as the page uses it: the durable store and the records signal the page shows,
//! held together, so every write lands on disk first and then on screen, with no copy by hand.
use crate::sync::outbox::{OutboxRecord, OutboxStore, PhotoStore, StoreError, StoredPhoto};
use leptos::prelude::*;
use std::rc::Rc;
use uuid::Uuid;

pub struct Outbox<S> {
    store: Rc<S>,
    records: RwSignal<Vec<OutboxRecord>>,
}

impl<S> Clone for Outbox<S> {
    fn clone(&self) -> Self {
        Outbox {
            store: self.store.clone(),
            records: self.records,
        }
    }
}

impl<S: OutboxStore> Outbox<S> {
    pub fn new(store: S, records: RwSignal<Vec<OutboxRecord>>) -> Self {
        Outbox {
            store: Rc::new(store),
            records,
        }
    }

    /// Shows what the store holds (on start, and after a sync that failed midway).
    pub async fn reload(&self) -> Result<(), StoreError> {
        self.records.set(self.store.all().await?);
        Ok(())
    }
}

impl<S: OutboxStore> OutboxStore for Outbox<S> {
    async fn put_all(&self, records: &[OutboxRecord]) -> Result<(), StoreError> {
        self.store.put_all(records).await?;
        self.records.update(|all| {
            all.retain(|r| !records.iter().any(|n| n.id == r.id));
            all.extend_from_slice(records);
        });
        Ok(())
    }

    async fn all(&self) -> Result<Vec<OutboxRecord>, StoreError> {
        self.store.all().await
    }

    async fn remove(&self, ids: &[Uuid]) -> Result<(), StoreError> {
        self.store.remove(ids).await?;
        self.records
            .update(|all| all.retain(|r| !ids.contains(&r.id)));
        Ok(())
    }
}

impl<S: PhotoStore> PhotoStore for Outbox<S> {
    async fn put_photo(&self, photo: &StoredPhoto) -> Result<(), StoreError> {
        self.store.put_photo(photo).await
    }

    async fn photo(&self, id: Uuid) -> Result<Option<StoredPhoto>, StoreError> {
        self.store.photo(id).await
    }

    async fn photo_ids(&self) -> Result<Vec<Uuid>, StoreError> {
        self.store.photo_ids().await
    }

    async fn remove_photos(&self, ids: &[Uuid]) -> Result<(), StoreError> {
        self.store.remove_photos(ids).await
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::sync::outbox::tests::record;
    use crate::sync::outbox::{MemoryStore, RecordState};
    use futures::executor::block_on;

    #[test]
    fn what_is_written_is_on_disk_and_on_screen_alike() {
        // Signals live in an owner, as on a page.
        let owner = Owner::new();
        owner.set();
        let shown = RwSignal::new(Vec::new());
        let outbox = Outbox::new(MemoryStore::default(), shown);
        let (a, b) = (
            record(1, 1, RecordState::Pending),
            record(1, 2, RecordState::Pending),
        );
        block_on(outbox.put_all(&[a.clone(), b.clone()])).unwrap();
        let mut synced = a.clone();
        synced.state = RecordState::Synced { received_at_ms: 5 };
        block_on(outbox.put_all(std::slice::from_ref(&synced))).unwrap();
        block_on(outbox.remove(&[b.id])).unwrap();
        assert_eq!(shown.get_untracked(), vec![synced.clone()]);
        assert_eq!(block_on(outbox.all()).unwrap(), vec![synced]);
    }
}
