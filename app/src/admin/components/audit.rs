//! 操作日志: every administrative change, newest first, and its export.
use super::{AdminNav, alert};
use crate::admin::api::{AuditRecord, list_audit};
use crate::admin::words;
use crate::domain::period::format_shanghai_minute;
use crate::layout::words::LOADING;
use leptos::prelude::*;

#[component]
pub fn AuditPage() -> impl IntoView {
    let entries = Resource::new(|| (), |_| list_audit());
    view! {
        <section class="card wide">
            <AdminNav />
            <h1>{words::AUDIT}</h1>
            <p><a href="/api/v1/admin/audit.csv" download>{words::EXPORT_CSV}</a></p>
            <Transition fallback=|| view! { <p class="loading">{LOADING}</p> }>
                {move || entries.get().map(|r| match r {
                    Err(e) => alert(e.to_string()).into_any(),
                    Ok(list) => view! {
                        <table class="grid-table">
                            <thead><tr><th>{words::AT}</th><th>{words::ACTOR}</th><th>{words::ACTION}</th><th>{words::TARGET}</th><th>{words::BEFORE}</th><th>{words::AFTER}</th></tr></thead>
                            <tbody>
                                {list.into_iter().map(|e: AuditRecord| view! {
                                    <tr>
                                        <td>{format_shanghai_minute(e.at_ms)}</td>
                                        <td>{if e.person_name.is_empty() { words::NO_SUCH_PERSON.to_owned() } else { e.person_name }}</td>
                                        <td>{words::audit_action(&e.action).to_owned()}</td>
                                        <td>{format!("{} {}", e.target_kind, e.target_key)}</td>
                                        <td class="muted">{e.before.unwrap_or_default()}</td>
                                        <td class="muted">{e.after.unwrap_or_default()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any(),
                })}
            </Transition>
        </section>
    }
}
