//! The sync state as the user sees it, on every page: unsynced count, connection, last sync,
//! trouble, and a waiting new version.
use crate::domain::period::format_shanghai_minute;
use crate::sync::client;
use crate::sync::state::{SyncStatus, use_client};
use leptos::prelude::*;

#[component]
pub fn SyncBar() -> impl IntoView {
    let client = use_client();
    let unsynced = move || client.unsynced_count();
    let status = move || client.status.get();
    view! {
        <div class="syncbar" role="status" aria-live="polite">
            <Show when=move || !client.online.get()>
                <span class="badge offline">"离线"</span>
            </Show>
            <Show when=move || client.profile.with(Option::is_some)>
                <span class=move || { if unsynced() > 0 { "badge pending" } else { "badge" } } data-testid="unsynced">
                    {move || match unsynced() {
                        0 => "全部已同步".to_owned(),
                        n => format!("{n} 条待同步"),
                    }}
                </span>
                {move || status().last_sync_ms.map(|ms| {
                    // "YYYY-MM-DD HH:MM" in Beijing, shown without the year.
                    let at = format_shanghai_minute(ms);
                    view! { <span class="muted last-sync">{format!("上次同步 {}", at.get(5..).unwrap_or(&at))}</span> }
                })}
                <button
                    class="link"
                    on:click=move |_| client::sync_now()
                    disabled=move || status().syncing
                >
                    {move || match status() {
                        SyncStatus { syncing: false, .. } => "立即同步".to_owned(),
                        SyncStatus { progress: Some((done, total)), .. } => format!("同步中 {done}/{total}"),
                        _ => "同步中…".to_owned(),
                    }}
                </button>
            </Show>
        </div>
        <Show when=move || status().problem.is_some()>
            <p class="notice warn">
                {move || status().problem.unwrap_or_default()} " "
                <Show when=move || status().needs_login>
                    // A full load: the bar also sits on pages of the filing bundle.
                    <a href="/login" rel="external">"重新登录"</a>
                </Show>
                <Show when=move || client.profile.with(|p| p.as_ref().is_some_and(|p| p.must_change_password))>
                    <a href="/password" rel="external">"修改密码"</a>
                </Show>
            </p>
        </Show>
        <Show when=move || client.update_ready.get()>
            <p class="notice info">
                "新版本已就绪，未同步的记录不会丢失。 "
                <button class="link" on:click=move |_| client::activate_update()>"立即更新"</button>
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
                "您正在微信等应用内的浏览器中使用统计网格，离线保存的记录可能被清除。请点右上角“…”，选择“在浏览器中打开”，再添加到主屏幕。"
            </p>
        </Show>
        <Show when=move || client.can_install.get() && !client.in_app_browser.get()>
            <section class="card install">
                <h2>"添加到主屏幕"</h2>
                <p class="muted">"添加后像普通应用一样从桌面打开，没有网络也能使用，手机上的记录也更不容易被浏览器清除。"</p>
                <button class="button primary" on:click=move |_| client::install()>"添加到主屏幕"</button>
            </section>
        </Show>
    }
}
