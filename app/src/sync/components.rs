//! The sync state as the user sees it, on every page: unsynced count, connection, last sync,
//! trouble, and a waiting new version.
use crate::domain::period::format_shanghai_minute;
use crate::sync::client;
use crate::sync::state::{SyncStatus, use_client};
use crate::sync::words;
use leptos::prelude::*;

#[component]
pub fn SyncBar() -> impl IntoView {
    let client = use_client();
    let unsynced = move || client.unsynced_count();
    let status = move || client.status.get();
    view! {
        <div class="syncbar" role="status" aria-live="polite">
            <Show when=move || !client.online.get()>
                <span class="badge offline">{words::OFFLINE}</span>
            </Show>
            <Show when=move || client.profile.with(Option::is_some)>
                <span class=move || { if unsynced() > 0 { "badge pending" } else { "badge" } } data-testid="unsynced">
                    {move || match unsynced() {
                        0 => words::ALL_SYNCED.to_owned(),
                        n => words::waiting_to_sync(n),
                    }}
                </span>
                {move || status().last_sync_ms.map(|ms| {
                    // "YYYY-MM-DD HH:MM" in Beijing, shown without the year.
                    let at = format_shanghai_minute(ms);
                    let at = at.get(5..).unwrap_or(&at).to_owned();
                    view! { <span class="muted last-sync">{words::LAST_SYNC} " " <span class="at">{at}</span></span> }
                })}
                <button
                    class="link"
                    on:click=move |_| client::sync_now()
                    disabled=move || status().syncing
                >
                    {move || match status() {
                        SyncStatus { syncing: false, .. } => words::SYNC_NOW.to_owned(),
                        SyncStatus { progress: Some((done, total)), .. } => words::syncing(done, total),
                        _ => words::SYNCING.to_owned(),
                    }}
                </button>
            </Show>
        </div>
        <Show when=move || status().problem.is_some()>
            <p class="notice warn">
                {move || status().problem.unwrap_or_default()} " "
                <Show when=move || status().needs_login>
                    // A full load: the bar also sits on pages of the filing bundle.
                    <a href="/login" rel="external">{words::SIGN_IN_AGAIN}</a>
                </Show>
                <Show when=move || client.profile.with(|p| p.as_ref().is_some_and(|p| p.must_change_password))>
                    <a href="/password" rel="external">{words::CHANGE_PASSWORD}</a>
                </Show>
            </p>
        </Show>
        <Show when=move || client.update_ready.get()>
            <p class="notice info">
                {words::UPDATE_READY}
                <button class="link" on:click=move |_| client::activate_update()>{words::UPDATE_NOW}</button>
            </p>
        </Show>
    }
}

/// Why and how to put the app on the home screen, when the browser offers it; and a warning
/// inside WeChat's browser, where records may not survive.
#[component]
pub fn InstallHint() -> impl IntoView {
    let client = use_client();
    view! {
        <Show when=move || client.in_app_browser.get()>
            <p class="notice warn" role="alert">
                {words::IN_APP_BROWSER}
            </p>
        </Show>
        <Show when=move || client.can_install.get() && !client.in_app_browser.get()>
            <section class="card install">
                <h2>{words::ADD_TO_HOME_SCREEN}</h2>
                <p class="muted">{words::ADD_TO_HOME_SCREEN_WHY}</p>
                <button class="button primary" on:click=move |_| client::install()>{words::ADD_TO_HOME_SCREEN}</button>
            </section>
        </Show>
    }
}
