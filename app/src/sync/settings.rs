//! 设置与数据: whether the browser keeps this phone's records for good (and asking again), how
//! full storage is, and the unsynced records written to a file or read back from one.
use crate::sync::device;
use crate::sync::error::PhoneError;
use crate::sync::state::{StorageReport, use_client};
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn persisted_words(persisted: Option<bool>) -> &'static str {
    match persisted {
        Some(true) => "已开启：浏览器不会因空间紧张而清除本机上的记录。",
        Some(false) => {
            "未开启：手机空间紧张时，浏览器可能清除本机上未同步的记录。请及时同步；把本应用添加到主屏幕后再申请，通常会获准。"
        }
        None => "此浏览器不支持查询持久存储。请及时同步。",
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
            let answer = device::export_unsynced()
                .await
                .map(|n| format!("已导出 {n} 条未同步记录（含照片）。请妥善保存该文件。"));
            message.set(Some(answer));
        })
    };
    let file = NodeRef::<Input>::new();
    let import = move |_| {
        let Some(input) = file.get() else { return };
        spawn_local(async move {
            let answer = device::import_file(input).await.map(|s| {
                format!(
                    "已导入 {} 条记录，{} 条手机上已有（同一版本或更新的版本）。",
                    s.added, s.already_here
                )
            });
            message.set(Some(answer));
            refresh();
        });
    };
    view! {
        <section class="card settings">
            <h1>"设置与数据"</h1>
            <Show
                when=move || client.profile.with(Option::is_some)
                fallback=|| view! { <p>"请先" <a href="/login" rel="external">"登录"</a> "。"</p> }
            >
                <h2>"持久存储"</h2>
                <p data-testid="persisted">{move || report.get().map(|r| persisted_words(r.persisted))}</p>
                <p class="muted">
                    {move || report.get().and_then(|r| r.usage).map(|(used, quota)| {
                        format!("已用 {}，可用上限约 {}", megabytes(used), megabytes(quota))
                    })}
                </p>
                <button class="button" on:click=ask>"申请持久存储"</button>

                <h2>"未同步记录的备份"</h2>
                <p class="muted">
                    {move || format!("本机有 {} 条记录尚未同步。", client.unsynced_count())}
                    "长时间无法联网或更换手机时，可以把它们导出为文件，在另一台手机上登录同一账号后导入，联网时再同步。"
                </p>
                <button class="button" on:click=export>"导出未同步记录"</button>
                <label class="form">
                    "导入记录文件"
                    <input type="file" accept=".json,application/json" node_ref=file on:change=import />
                </label>
                {move || message.get().map(|m| match m {
                    Ok(text) => view! { <p class="success" role="status">{text}</p> }.into_any(),
                    Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                })}
            </Show>
        </section>
    }
}
