//! The office pages of a unit's own people (整改事项, 评价材料): what they load, a message kept
//! above the list (which each change draws again), and the list, written once for both.
use crate::admin::components::alert;
use crate::error::AppError;
use crate::layout::words as shared;
use leptos::prelude::*;
use serde::{Serialize, de::DeserializeOwned};
use std::future::Future;

/// What a change said: saved, or why not.
pub(crate) type Message = RwSignal<Option<Result<String, String>>>;

pub(crate) fn own_page<T, F, V>(
    title: &'static str,
    how: &'static str,
    load: fn() -> F,
    show: fn(T, Message) -> V,
) -> impl IntoView
where
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
    F: Future<Output = Result<T, AppError>> + Send + 'static,
    V: IntoView + 'static,
{
    let loaded = Resource::new(|| (), move |()| load());
    let message: Message = RwSignal::new(None);
    view! {
        <section class="card wide">
            <h1>{title}</h1>
            <p class="muted">{how}</p>
            {move || message.get().map(|m| match m {
                Ok(saved) => view! { <p class="notice info" role="status">{saved}</p> }.into_any(),
                Err(e) => alert(e).into_any(),
            })}
            <Suspense fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
                {move || loaded.get().map(|answer| match answer {
                    Err(e) => alert(e.to_string()).into_any(),
                    Ok(found) => show(found, message).into_any(),
                })}
            </Suspense>
        </section>
    }
}

/// Once `action` answers: the list it answers shown and `saved` said, or its error.
pub(crate) fn on_answer<I, T>(
    action: Action<I, Result<T, AppError>>,
    shown: RwSignal<T>,
    message: Message,
    saved: &'static str,
) where
    I: Send + Sync + 'static,
    T: Clone + Send + Sync + 'static,
{
    Effect::new(move |_| match action.value().get() {
        Some(Ok(found)) => {
            message.set(Some(Ok(saved.into())));
            shown.set(found);
        }
        Some(Err(e)) => message.set(Some(Err(e.to_string()))),
        None => {}
    });
}
