//! 登录设备 (`/sessions`): the person's sessions, which device and what for, when signed in
//! and last used; 退出 ends one, 退出其他设备 all but this browser's. An office page, reached
//! from the office pages' top bar and from 设置与数据 on the phone; any session may open it.
use crate::auth::sessions::{SessionEntry, end_other_sessions, end_session, my_sessions};
use crate::auth::words;
use crate::domain::period::format_shanghai_minute;
use crate::domain::session_policy::SessionKind;
use crate::error::AppError;
use crate::layout::words as shared;
use leptos::prelude::*;

#[component]
pub fn SessionsPage() -> impl IntoView {
    let sessions = Resource::new(|| (), |_| my_sessions());
    let message = RwSignal::new(None::<String>);
    let end_one = Action::new(|handle: &String| end_session(handle.clone()));
    let end_others = Action::new(|_: &()| end_other_sessions());
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let report = move |outcome: Result<String, AppError>| {
        message.set(Some(outcome.unwrap_or_else(|e| e.to_string())));
        sessions.refetch();
    };
    Effect::new(move |_| {
        if let Some(ended) = end_one.value().get() {
            report(ended.map(|()| words::ENDED_ONE.to_owned()));
        }
    });
    Effect::new(move |_| {
        if let Some(ended) = end_others.value().get() {
            report(ended.map(words::others_ended));
        }
    });
    view! {
        <section class="card wide">
            <h1>{words::SESSIONS}</h1>
            <p class="muted">{words::SESSIONS_HINT}</p>
            {move || message.get().map(|m| view! { <p role="status">{m}</p> })}
            <Transition fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
                {move || sessions.get().map(|result| match result {
                    Ok(list) => view! {
                        <button class="button primary" disabled=move || !ready.get()
                            on:click=move |_| { end_others.dispatch(()); }>
                            {words::END_OTHERS}
                        </button>
                        <SessionList list end=move |h| { end_one.dispatch(h); } ready />
                    }.into_any(),
                    Err(AppError::Unauthenticated) => view! {
                        <p class="error" role="alert">{AppError::Unauthenticated.to_string()}</p>
                        <a href="/login" rel="external" class="button">{words::SIGN_IN_AGAIN}</a>
                    }.into_any(),
                    Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                })}
            </Transition>
        </section>
    }
}

/// One line per session, phone-width: the device and what it is for, when it signed in and was
/// last used, and 退出 (or 本设备).
#[component]
fn SessionList(
    list: Vec<SessionEntry>,
    end: impl Fn(String) + Clone + Send + Sync + 'static,
    ready: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <ul class="session-list">
            {list.into_iter().map(|s| {
                let end = end.clone();
                let handle = s.handle.clone();
                let device = if s.device.is_empty() { words::UNKNOWN_DEVICE.to_owned() } else { s.device.clone() };
                let kind = match s.kind {
                    SessionKind::Field => words::FIELD_SESSION,
                    SessionKind::Office => words::OFFICE_SESSION,
                };
                view! {
                    <li>
                        <div>
                            <strong>{device}</strong> " · " {kind}
                            <p class="muted">
                                {words::SIGNED_IN_AT} " " {format_shanghai_minute(s.signed_in_ms)}
                                <br />
                                {words::LAST_ACTIVE} " " {format_shanghai_minute(s.last_active_ms)}
                            </p>
                        </div>
                        {if s.this_device {
                            view! { <strong class="this-device">{words::THIS_DEVICE}</strong> }.into_any()
                        } else {
                            view! {
                                <button class="button subtle" disabled=move || !ready.get()
                                    on:click=move |_| end(handle.clone())>{words::END_ONE}</button>
                            }.into_any()
                        }}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
