//! A training in 我的记录: title, day, hours, who attended, its sync state, a way to edit.
use crate::domain::training::{TrainingDraft, TrainingTopic};
use crate::records::{ListItem, refusal, state_class};
use crate::sync::outbox::OutboxRecord;
use crate::sync::state::use_client;
use crate::sync::withdraw::WithdrawButton;
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
    let who = client.directory.with_untracked(|d| {
        let names = d.names_of(training.grid_id, &training.attendees);
        match names.len() {
            0 => format!("{} 人参训", training.attendees.len()),
            _ => format!("参训：{}", names.join("、")),
        }
    });
    let problems = refusal(&record.state);
    let edit = record
        .editable()
        .then(|| format!("/trainings/new?id={}", record.id));
    view! {
        <li class="record training">
            <div class="record-head">
                <strong>{format!("培训 · {}", training.title)}</strong>
                <span class=state_class(&record.state)>{record.label()}</span>
            </div>
            <div class="muted">
                {format!("{} · {} · {} · {} 学时", training.training_date, training.organiser, topic, training.hours)}
            </div>
            <div class="muted">{who}</div>
            {problems.map(|p| view! { <p class="error">{p}</p> })}
            {edit.map(|href| view! { <a href=href rel="external" class="button">"修改培训"</a> })}
            <WithdrawButton record=record.clone() />
        </li>
    }
}
