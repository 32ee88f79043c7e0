//! A major event in 我的记录: title, day, its sync state, and a way to edit it (the form is in
//! the filing bundle: a full load).
use crate::domain::major_event::MajorEventDraft;
use crate::records::{ListItem, refusal, state_class};
use crate::sync::outbox::OutboxRecord;
use crate::sync::withdraw::WithdrawButton;
use leptos::prelude::*;

impl ListItem for MajorEventDraft {
    fn item(record: OutboxRecord, event: Self) -> AnyView {
        view! { <MajorEventItem record event /> }.into_any()
    }
}

#[component]
fn MajorEventItem(record: OutboxRecord, event: MajorEventDraft) -> impl IntoView {
    let problems = refusal(&record.state);
    let edit = record
        .editable()
        .then(|| format!("/events/new?id={}", record.id));
    view! {
        <li class="record urgent">
            <div class="record-head">
                <strong>{format!("重大事项 · {}", event.title)}</strong>
                <span class=state_class(&record.state)>{record.label()}</span>
            </div>
            <div class="muted">{format!("发生日期 {}", event.occurred_on)}</div>
            <p class="findings">{event.details}</p>
            <p class="muted">{format!("影响：{}", event.impact)}</p>
            {problems.map(|p| view! { <p class="error">{p}</p> })}
            {edit.map(|href| view! { <a href=href rel="external" class="button">"修改重大事项"</a> })}
            <WithdrawButton record=record.clone() />
        </li>
    }
}
