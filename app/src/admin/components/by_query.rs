//! An office page of one thing named in its query (`?id=`, `?grid=`): loading, then the thing,
//! the page's "no such" line, or the error, written once for every such page.
use super::alert;
use crate::error::AppError;
use crate::layout::words as shared;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;
use serde::{Serialize, de::DeserializeOwned};
use std::future::Future;

/// Loads what `load` answers for the key `key` reads from the query, and shows it by `show`;
/// `missing` when there is no key or nothing under it.
pub(crate) fn by_query<K, T, F, V>(
    key: fn(&ParamsMap) -> Option<K>,
    load: fn(K) -> F,
    missing: &'static str,
    show: fn(T) -> V,
) -> impl IntoView
where
    K: Clone + PartialEq + Send + Sync + 'static,
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
    F: Future<Output = Result<Option<T>, AppError>> + Send + 'static,
    V: IntoView + 'static,
{
    let query = use_query_map();
    let loaded = Resource::new(
        move || query.with(key),
        move |key| async move {
            match key {
                Some(key) => load(key).await,
                None => Ok(None),
            }
        },
    );
    view! {
        <Suspense fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
            {move || loaded.get().map(|answer| match answer {
                Err(e) => alert(e.to_string()).into_any(),
                Ok(None) => view! { <p class="empty">{missing}</p> }.into_any(),
                Ok(Some(found)) => show(found).into_any(),
            })}
        </Suspense>
    }
}

/// The query's `name`, as a number.
pub(crate) fn number(query: &ParamsMap, name: &str) -> Option<i32> {
    query.get(name)?.parse().ok()
}
