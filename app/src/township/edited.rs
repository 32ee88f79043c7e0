//! A card of the township view read once from the server, then replaced by the answer to each
//! change made on it; a refused change leaves the card (and its form, as typed) and says why.
use crate::error::AppError;
use leptos::prelude::*;

pub struct Edited<T: Send + Sync + 'static> {
    /// The card as the last change left it; `None` until a change is answered.
    pub latest: RwSignal<Option<T>>,
    /// Why the last change was refused.
    pub refusal: RwSignal<Option<String>>,
}

impl<T: Send + Sync + 'static> Clone for Edited<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Edited<T> {}

impl<T: Send + Sync + 'static> Default for Edited<T> {
    fn default() -> Self {
        Edited {
            latest: RwSignal::new(None),
            refusal: RwSignal::new(None),
        }
    }
}

impl<T: Clone + Send + Sync + 'static> Edited<T> {
    /// Takes each answer of `action`: the card it returns, or why it was refused.
    pub fn follow<I: Send + Sync + 'static>(self, action: Action<I, Result<T, AppError>>) {
        Effect::new(move |_| match action.value().get() {
            Some(Ok(card)) => {
                self.latest.set(Some(card));
                self.refusal.set(None);
            }
            Some(Err(e)) => self.refusal.set(Some(e.to_string())),
            None => {}
        });
    }

    /// What the card shows: the last change's answer, else `first` as it was loaded (`None`
    /// when the scope has no such card).
    pub fn shown(
        self,
        first: Result<Option<T>, AppError>,
    ) -> impl Fn() -> Result<Option<T>, String> + Send + Sync + 'static {
        move || match self.latest.get() {
            Some(card) => Ok(Some(card)),
            None => first.clone().map_err(|e| e.to_string()),
        }
    }
}
