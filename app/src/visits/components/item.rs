//! A visit in 我的记录: the enterprise, day, purpose and findings, and its sync state.
use crate::domain::visit::{VisitDraft, VisitPurpose};
use crate::photos::components::PhotoThumbs;
use crate::records::{ListItem, refusal, state_class};
use crate::sync::outbox::OutboxRecord;
use crate::sync::state::use_client;
use crate::sync::withdraw::WithdrawButton;
use crate::visits::words;
use leptos::prelude::*;
use leptos_router::components::A;

impl ListItem for VisitDraft {
    fn item(record: OutboxRecord, visit: Self) -> AnyView {
        view! { <VisitItem record visit /> }.into_any()
    }
}

#[component]
fn VisitItem(record: OutboxRecord, visit: VisitDraft) -> impl IntoView {
    let client = use_client();
    let enterprise = client.directory.with_untracked(|d| {
        d.enterprise(visit.enterprise_id)
            .map(|e| e.name.clone())
            .unwrap_or_else(|| words::enterprise_number(visit.enterprise_id))
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
                {visit.follow_up.then_some(words::NEEDS_FOLLOW_UP)}
            </div>
            <p class="findings">{visit.findings}</p>
            <PhotoThumbs ids=visit.photos />
            {problems.map(|p| view! {
                <p class="error">{p} " " <A href=edit>{words::CORRECT_AND_RESEND}</A></p>
            })}
            <WithdrawButton record=record.clone() />
        </li>
    }
}
