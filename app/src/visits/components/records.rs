//! 我的记录: every record on the phone with its sync state; refused ones can be corrected.
use crate::domain::visit::VisitPurpose;
use crate::sync::outbox::{OutboxRecord, RecordState};
use crate::sync::state::use_client;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn RecordsPage() -> impl IntoView {
    let client = use_client();
    view! {
        <section class="card">
            <h1>"我的记录"</h1>
            <Show when=move || client.ready.get() fallback=|| view! { <p class="loading">"正在加载…"</p> }>
                <Show
                    when=move || client.profile.with(Option::is_some)
                    fallback=|| view! { <p>"请先" <A href="/login">"登录"</A> "。"</p> }
                >
                    <ul class="records">
                        <For each=move || client.own_records() key=|r| (r.id, r.state.label()) let(record)>
                            <RecordItem record />
                        </For>
                    </ul>
                    <Show when=move || client.own_records().is_empty()>
                        <p class="empty">"还没有记录。" <A href="/visits/new">"记录一次走访"</A></p>
                    </Show>
                </Show>
            </Show>
        </section>
    }
}

#[component]
fn RecordItem(record: OutboxRecord) -> impl IntoView {
    let client = use_client();
    let enterprise = client.directory.with_untracked(|d| {
        d.enterprise(record.draft.enterprise_id)
            .map(|e| e.name.clone())
            .unwrap_or_else(|| format!("企业 #{}", record.draft.enterprise_id))
    });
    let purpose = VisitPurpose::from_code(&record.draft.purpose).map_or("", |p| p.label());
    let state_class = match record.state {
        RecordState::Pending => "state pending",
        RecordState::Synced { .. } => "state synced",
        RecordState::Rejected { .. } => "state rejected",
    };
    let problems = match &record.state {
        RecordState::Rejected { problems } => Some(
            problems
                .iter()
                .map(|p| p.message.clone())
                .collect::<Vec<_>>()
                .join("；"),
        ),
        _ => None,
    };
    let edit = format!("/visits/new?id={}", record.id);
    view! {
        <li class="record">
            <div class="record-head">
                <strong>{enterprise}</strong>
                <span class=state_class>{record.state.label()}</span>
            </div>
            <div class="muted">
                {record.draft.visit_date.clone()} " · " {purpose}
                {record.draft.follow_up.then_some(" · 需要跟进")}
            </div>
            <p class="findings">{record.draft.findings.clone()}</p>
            {problems.map(|p| view! {
                <p class="error">{p} " " <A href=edit>"修改后重新提交"</A></p>
            })}
        </li>
    }
}
