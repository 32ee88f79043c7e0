//! 我的记录: every record on the phone with its sync state; refused ones can be corrected.
use crate::activities::components::ActivityItem;
use crate::domain::visit::{VisitDraft, VisitPurpose};
use crate::major_events::components::MajorEventItem;
use crate::photos::components::PhotoThumbs;
use crate::plans::components::PlanItem;
use crate::reports::components::ReportItem;
use crate::sync::conflict::ConflictItem;
use crate::sync::outbox::{OutboxRecord, RecordDraft, RecordState};
use crate::sync::state::use_client;
use crate::sync::withdraw::WithdrawButton;
use crate::trainings::components::TrainingItem;
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
                        <For each=move || client.own_records() key=|r| (r.id, r.version, r.label()) let(record)>
                            {match record.draft.clone() {
                                _ if matches!(record.state, RecordState::Conflict { .. }) => view! { <ConflictItem record /> }.into_any(),
                                RecordDraft::Visit(visit) => view! { <VisitItem record visit /> }.into_any(),
                                RecordDraft::MonthlyReport(report) => view! { <ReportItem record report /> }.into_any(),
                                RecordDraft::Activity(activity) => view! { <ActivityItem record activity /> }.into_any(),
                                RecordDraft::Training(training) => view! { <TrainingItem record training /> }.into_any(),
                                RecordDraft::MajorEvent(event) => view! { <MajorEventItem record event /> }.into_any(),
                                RecordDraft::AnnualPlan(plan) => view! { <PlanItem record plan /> }.into_any(),
                            }}
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

/// The CSS class of a record's state badge.
pub fn state_class(state: &RecordState) -> &'static str {
    match state {
        RecordState::Pending => "state pending",
        RecordState::Synced { .. } | RecordState::Approved => "state synced",
        RecordState::Rejected { .. }
        | RecordState::Returned { .. }
        | RecordState::Conflict { .. } => "state rejected",
    }
}

/// Why the server refused a record, in one line.
pub fn refusal(state: &RecordState) -> Option<String> {
    match state {
        RecordState::Rejected { problems } => Some(
            problems
                .iter()
                .map(|p| p.message.clone())
                .collect::<Vec<_>>()
                .join("；"),
        ),
        _ => None,
    }
}

#[component]
fn VisitItem(record: OutboxRecord, visit: VisitDraft) -> impl IntoView {
    let client = use_client();
    let enterprise = client.directory.with_untracked(|d| {
        d.enterprise(visit.enterprise_id)
            .map(|e| e.name.clone())
            .unwrap_or_else(|| format!("企业 #{}", visit.enterprise_id))
    });
    let purpose = VisitPurpose::from_code(&visit.purpose).map_or("", |p| p.label());
    let state_class = state_class(&record.state);
    let problems = refusal(&record.state);
    let edit = format!("/visits/new?id={}", record.id);
    view! {
        <li class="record">
            <div class="record-head">
                <strong>{enterprise}</strong>
                <span class=state_class>{record.label()}</span>
            </div>
            <div class="muted">
                {visit.visit_date} " · " {purpose}
                {visit.follow_up.then_some(" · 需要跟进")}
            </div>
            <p class="findings">{visit.findings}</p>
            <PhotoThumbs ids=visit.photos />
            {problems.map(|p| view! {
                <p class="error">{p} " " <A href=edit>"修改后重新提交"</A></p>
            })}
            <WithdrawButton record=record.clone() />
        </li>
    }
}
