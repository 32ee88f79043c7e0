//! A major event in 我的记录: title, day, its sync state, and a way to edit it (the form is in
//! the filing bundle: a full load).
use crate::domain::major_event::MajorEventDraft;
use crate::major_events::words;
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
                <strong>{words::headline(&event.title)}</strong>
                <span class=state_class(&record.state)>{record.label()}</span>
            </div>
            <div class="muted">{words::occurred_on(&event.occurred_on)}</div>
            <p class="findings">{event.details}</p>
            <p class="muted">{words::impact(&event.impact)}</p>
            {problems.map(|p| view! { <p class="error">{p}</p> })}
            {edit.map(|href| view! { <a href=href rel="external" class="button">{words::EDIT}</a> })}
            <WithdrawButton record=record.clone() />
        </li>
    }
}
