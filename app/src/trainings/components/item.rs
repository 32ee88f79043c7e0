//! A training in 我的记录: title, day, hours, who attended, its sync state, a way to edit.
use crate::domain::training::{TrainingDraft, TrainingSession, TrainingTopic};
use crate::records::{ListItem, refusal, state_class};
use crate::sync::outbox::OutboxRecord;
use crate::sync::state::use_client;
use crate::sync::withdraw::WithdrawButton;
use crate::trainings::words;
use leptos::prelude::*;

impl ListItem for TrainingDraft {
    fn item(record: OutboxRecord, training: Self) -> AnyView {
        view! { <TrainingItem record training /> }.into_any()
    }
}

#[component]
fn TrainingItem(record: OutboxRecord, training: TrainingDraft) -> impl IntoView {
    let client = use_client();
    let topic = TrainingTopic::from_code(&training.topic).map_or("", |t| t.label());
    let session =
        TrainingSession::from_code(&training.session).unwrap_or(TrainingSession::Training);
    let who = client.directory.with_untracked(|d| {
        let names = d.names_of(training.grid_id, &training.attendees);
        match names.len() {
            0 => words::attendee_count(training.attendees.len()),
            _ => words::attendee_names(&names),
        }
    });
    let problems = refusal(&record.state);
    let edit = record
        .editable()
        .then(|| format!("/trainings/new?id={}", record.id));
    view! {
        <li class="record training">
            <div class="record-head">
                <strong>{words::headline(session.label(), &training.title)}</strong>
                <span class=state_class(&record.state)>{record.label()}</span>
            </div>
            <div class="muted">
                {words::particulars(&training.training_date, &training.organiser, topic, training.hours)}
            </div>
            <div class="muted">{who}</div>
            {problems.map(|p| view! { <p class="error">{p}</p> })}
            {edit.map(|href| view! { <a href=href rel="external" class="button">{words::EDIT}</a> })}
            <WithdrawButton record=record.clone() />
        </li>
    }
}
