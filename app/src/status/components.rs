//! The status page, among the administration tabs.
use super::api::{ServerStatus, load_status};
use super::words;
use crate::admin::components::{AdminNav, alert};
use crate::domain::period::format_shanghai_minute;
use crate::layout::words::LOADING;
use leptos::prelude::*;

#[component]
pub fn StatusPage() -> impl IntoView {
    let status = Resource::new(|| (), |_| load_status());
    view! {
        <section class="card wide">
            <AdminNav />
            <h1>{words::TITLE}</h1>
            <Transition fallback=|| view! { <p class="loading">{LOADING}</p> }>
                {move || status.get().map(|r| match r {
                    Err(e) => alert(e.to_string()).into_any(),
                    Ok(s) => report(s).into_any(),
                })}
            </Transition>
        </section>
    }
}

fn report(s: ServerStatus) -> impl IntoView {
    let latest = s.migrations.last().cloned().unwrap_or_default();
    let backup = s.last_backup.map_or_else(
        || words::NO_BACKUP.to_owned(),
        |b| {
            words::backup(
                &format_shanghai_minute(b.taken_at_ms),
                &b.file_name,
                &words::size(b.bytes),
            )
        },
    );
    let shown = s.silent_phones.len();
    view! {
        <h2>{words::SERVER}</h2>
        <dl class="facts">
            <dt>{words::VERSION}</dt><dd>{s.version}</dd>
            <dt>{words::DATABASE}</dt><dd>{s.database}</dd>
            <dt>{words::DATABASE_SIZE}</dt><dd>{s.database_bytes.map(words::size).unwrap_or_default()}</dd>
            <dt>{words::MIGRATIONS}</dt><dd>{words::migrations(s.migrations.len(), &latest)}</dd>
            <dt>{words::LAST_BACKUP}</dt><dd class="last-backup">{backup}</dd>
        </dl>
        <h2>{words::TODAY}</h2>
        <dl class="facts today">
            {s.today.into_iter().map(|k| view! { <dt>{k.label}</dt><dd>{k.count}</dd> }).collect_view()}
        </dl>
        <h2>{words::silent_heading(s.silent_days)}</h2>
        <p class="muted">{words::silent_hint(s.silent_days)}</p>
        {if shown == 0 {
            view! { <p class="empty">{words::NONE_SILENT}</p> }.into_any()
        } else {
            view! {
                <table class="grid-table silent-phones">
                    <thead><tr><th>{words::NAME}</th><th>{words::PHONE}</th><th>{words::GRIDS}</th><th>{words::DEVICE}</th><th>{words::LAST_SEEN}</th></tr></thead>
                    <tbody>
                        {s.silent_phones.into_iter().map(|p| view! {
                            <tr>
                                <td>{p.name}</td>
                                <td><a href=format!("tel:{}", p.phone)>{p.phone.clone()}</a></td>
                                <td>{p.grids}</td>
                                <td>{if p.device.is_empty() { words::UNKNOWN_DEVICE.to_owned() } else { p.device }}</td>
                                <td>{format_shanghai_minute(p.last_seen_ms)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                {(s.silent_total > shown as u64).then(|| view! { <p class="muted">{words::silent_more(shown, s.silent_total)}</p> })}
            }.into_any()
        }}
    }
}
