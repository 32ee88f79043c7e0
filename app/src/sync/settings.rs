//! 设置与数据: whether the browser keeps this phone's records for good (and asking again), how
//! full storage is, and the unsynced records written to a file or read back from one.
use crate::layout::words as shared;
use crate::sync::device;
use crate::sync::error::PhoneError;
use crate::sync::state::{StorageReport, use_client};
use crate::sync::words;
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn persisted_words(persisted: Option<bool>) -> &'static str {
    match persisted {
        Some(true) => words::PERSISTED,
        Some(false) => words::NOT_PERSISTED,
        None => words::PERSISTENCE_UNKNOWN,
    }
}

fn megabytes(bytes: f64) -> String {
    format!("{:.1} MB", bytes / 1_048_576.0)
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let client = use_client();
    let report = RwSignal::new(None::<StorageReport>);
    let message = RwSignal::new(None::<Result<String, PhoneError>>);
    let refresh =
        move || spawn_local(async move { report.set(Some(device::storage_report().await)) });
    Effect::new(move |_| refresh());
    let ask = move |_| {
        spawn_local(async move {
            device::ask_persistence().await;
            report.set(Some(device::storage_report().await));
        })
    };
    let export = move |_| {
        spawn_local(async move {
            let answer = device::export_unsynced().await.map(words::exported);
            message.set(Some(answer));
        })
    };
    let file = NodeRef::<Input>::new();
    let import = move |_| {
        let Some(input) = file.get() else { return };
        spawn_local(async move {
            let answer = device::import_file(input)
                .await
                .map(|s| words::imported(s.added, s.already_here));
            message.set(Some(answer));
            refresh();
        });
    };
    view! {
        <section class="card settings">
            <h1>{words::SETTINGS}</h1>
            <Show
                when=move || client.profile.with(Option::is_some)
                fallback=|| view! { <p>{shared::FIRST} <a href="/login" rel="external">{shared::SIGN_IN}</a> {shared::FULL_STOP}</p> }
            >
                <h2>{words::PERSISTENT_STORAGE}</h2>
                <p data-testid="persisted">{move || report.get().map(|r| persisted_words(r.persisted))}</p>
                <p class="muted">
                    {move || report.get().and_then(|r| r.usage).map(|(used, quota)| {
                        words::storage_used(&megabytes(used), &megabytes(quota))
                    })}
                </p>
                <button class="button" on:click=ask>{words::ASK_PERSISTENCE}</button>

                <h2>{words::BACKUP}</h2>
                <p class="muted">
                    {move || words::unsynced_here(client.unsynced_count())}
                    {words::BACKUP_WHY}
                </p>
                <button class="button" on:click=export>{words::EXPORT_UNSYNCED}</button>
                <label class="form">
                    {words::IMPORT_FILE}
                    <input type="file" accept=".json,application/json" node_ref=file on:change=import />
                </label>
                {move || message.get().map(|m| match m {
                    Ok(text) => view! { <p class="success" role="status">{text}</p> }.into_any(),
                    Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                })}

                <h2>{crate::auth::words::SESSIONS}</h2>
                <a href="/sessions" rel="external" class="button">{crate::auth::words::SESSIONS}</a>
            </Show>
        </section>
    }
}
