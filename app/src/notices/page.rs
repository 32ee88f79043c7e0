//! 通知 on the phone: the notices sent to the person, newest first, each opened in place. The
//! last list the server sent is kept on the phone, so the page reads offline; a notice opened
//! offline is marked read on the phone at once and on the server at the next visit.
use super::api::ReceivedNotice;
use super::words;
use crate::layout::words as shared;
use crate::sync::state::use_client;
use leptos::prelude::*;

/// What the page shows: the notices, and whether they are the phone's copy because the server
/// could not be reached.
#[derive(Clone, Default, PartialEq)]
struct Shown {
    notices: Vec<ReceivedNotice>,
    offline: bool,
}

#[component]
pub fn NoticesPage() -> impl IntoView {
    let client = use_client();
    let shown = RwSignal::new(None::<Shown>);
    let person = move || client.profile.with(|p| p.as_ref().map(|p| p.person_id));
    Effect::new(move |_| {
        if let Some(person) = person() {
            browser::load(person, shown);
        }
    });
    let open = move |id: i32| {
        if let Some(person) = person() {
            browser::read(person, id);
        }
    };
    view! {
        <section class="card notices">
            <h1>{words::TITLE}</h1>
            <Show
                when=move || person().is_some()
                fallback=|| view! { <p>{words::SIGN_IN_FIRST} <a href="/login" rel="external">{shared::SIGN_IN}</a></p> }
            >
                {move || shown.get().map(|Shown { notices, offline }| view! {
                    {offline.then(|| view! { <p class="muted">{words::OFFLINE}</p> })}
                    {notices.is_empty().then(|| view! { <p class="empty">{words::NONE_RECEIVED}</p> })}
                    <ul class="notice-list">
                        {notices.into_iter().map(|n| view! { <Notice notice=n open /> }).collect_view()}
                    </ul>
                })}
            </Show>
        </section>
    }
}

#[component]
fn Notice(notice: ReceivedNotice, open: impl Fn(i32) + Copy + 'static) -> impl IntoView {
    let id = notice.id;
    // Opened, it is read at once on the phone: the mark goes, whatever the network.
    let unread = RwSignal::new(!notice.read);
    let toggle = move |_| {
        if unread.get_untracked() {
            unread.set(false);
            open(id);
        }
    };
    view! {
        <li class:unread=move || unread.get()>
            <details on:toggle=toggle>
                <summary>
                    {move || unread.get().then(|| view! { <span class="badge unread">{words::UNREAD_MARK}</span> " " })}
                    <strong>{notice.title}</strong>
                </summary>
                <p class="muted">{words::received_line(&notice.unit, &notice.posted_on, &notice.poster)}</p>
                <p class="notice-body">{notice.body}</p>
            </details>
        </li>
    }
}

/// Reading and marking through the JSON API, with the phone's copy in LocalStorage.
#[cfg(feature = "hydrate")]
mod browser {
    use super::Shown;
    use crate::error::AppError;
    use crate::notices::api::{NOTICE_READ_PATH, NOTICES_PATH, ReadMarks, ReceivedNotice};
    use crate::sync::kv::{KeyValue, Local};
    use gloo_net::http::Request;
    use leptos::prelude::*;
    use leptos::task::spawn_local;

    fn kept(person: i32) -> String {
        format!("statgrid.notices.{person}")
    }

    /// Notices opened on the phone that the server has not yet marked read.
    fn pending(person: i32) -> String {
        format!("statgrid.notices.read.{person}")
    }

    /// The phone's copy, with what was opened since marked read.
    fn copy(person: i32) -> Vec<ReceivedNotice> {
        let mut notices: Vec<ReceivedNotice> = Local.get(&kept(person)).unwrap_or_default();
        let opened: Vec<i32> = Local.get(&pending(person)).unwrap_or_default();
        for n in &mut notices {
            n.read |= opened.contains(&n.id);
        }
        notices
    }

    /// Shows the phone's copy, then the server's list once it answers (sending the reads made
    /// offline first).
    pub fn load(person: i32, shown: RwSignal<Option<Shown>>) {
        if Local.get::<Vec<ReceivedNotice>>(&kept(person)).is_some() {
            shown.set(Some(Shown {
                notices: copy(person),
                offline: false,
            }));
        }
        spawn_local(send(person, Some(shown)));
    }

    /// Marks notice `id` read on the phone, and on the server if it can be reached.
    pub fn read(person: i32, id: i32) {
        let mut opened: Vec<i32> = Local.get(&pending(person)).unwrap_or_default();
        if !opened.contains(&id) {
            opened.push(id);
            Local.set(&pending(person), &opened);
        }
        // The list stays as it is: a new one would close the notice being read.
        spawn_local(send(person, None));
    }

    /// Sends the reads made on the phone, and keeps the list the server answers with, shown
    /// in `shown` if given.
    async fn send(person: i32, shown: Option<RwSignal<Option<Shown>>>) {
        let opened: Vec<i32> = Local.get(&pending(person)).unwrap_or_default();
        let answer = if opened.is_empty() {
            crate::sync::http::answer(Request::get(NOTICES_PATH).send().await).await
        } else {
            let marks = ReadMarks { ids: opened };
            match Request::post(NOTICE_READ_PATH).json(&marks) {
                Ok(request) => crate::sync::http::answer(request.send().await).await,
                Err(e) => Err(AppError::Network(e.to_string())),
            }
        };
        match answer {
            Ok(notices) => {
                let notices: Vec<ReceivedNotice> = notices;
                Local.set(&kept(person), &notices);
                Local.delete(&pending(person));
                if let Some(shown) = shown {
                    shown.set(Some(Shown {
                        notices,
                        offline: false,
                    }));
                }
            }
            Err(e) => {
                if let Some(shown) = shown {
                    shown.set(Some(Shown {
                        notices: copy(person),
                        offline: matches!(e, AppError::Network(_)),
                    }));
                }
            }
        }
    }
}

/// On the server the page renders its shell only: the notices are the browser's to fetch.
#[cfg(not(feature = "hydrate"))]
mod browser {
    use super::Shown;
    use leptos::prelude::*;

    pub fn load(_person: i32, _shown: RwSignal<Option<Shown>>) {}

    pub fn read(_person: i32, _id: i32) {}
}
