//! A list a filing page reads from the server and keeps on the phone (LocalStorage), so that
//! it reads offline: 在线课堂, 我的年度考核.
use leptos::prelude::*;

/// What such a page shows: the list, and whether it is the phone's copy because the server
/// could not be reached.
#[derive(Clone, Default, PartialEq)]
pub struct Kept<T> {
    pub list: Vec<T>,
    pub offline: bool,
}

/// Shows the phone's copy under `key`, then what `path` answers once it does (and keeps it).
#[cfg(feature = "hydrate")]
pub fn load<T>(path: &'static str, key: String, shown: RwSignal<Option<Kept<T>>>)
where
    T: serde::Serialize + serde::de::DeserializeOwned + Send + Sync + 'static,
{
    use crate::error::AppError;
    use crate::sync::kv::{KeyValue, Local};
    if let Some(list) = Local.get::<Vec<T>>(&key) {
        shown.set(Some(Kept {
            list,
            offline: false,
        }));
    }
    leptos::task::spawn_local(async move {
        let sent = gloo_net::http::Request::get(path).send().await;
        let answer: Result<Vec<T>, AppError> = crate::sync::http::answer(sent).await;
        shown.set(Some(match answer {
            Ok(list) => {
                Local.set(&key, &list);
                Kept {
                    list,
                    offline: false,
                }
            }
            Err(e) => Kept {
                list: Local.get(&key).unwrap_or_default(),
                offline: matches!(e, AppError::Network(_)),
            },
        }));
    });
}

/// On the server a page renders its shell only: the list is the browser's to fetch.
#[cfg(not(feature = "hydrate"))]
pub fn load<T: Send + Sync + 'static>(
    _path: &'static str,
    _key: String,
    _shown: RwSignal<Option<Kept<T>>>,
) {
}
