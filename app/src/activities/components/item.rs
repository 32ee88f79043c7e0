//! An activity in 我的记录: type, day, place, who took part, its sync state, a way to edit.
use crate::activities::words;
use crate::domain::activity::{ActivityDraft, ActivityType};
use crate::photos::components::PhotoThumbs;
use crate::records::{ListItem, refusal, state_class};
use crate::sync::outbox::OutboxRecord;
use crate::sync::state::use_client;
use crate::sync::withdraw::WithdrawButton;
use leptos::prelude::*;

impl ListItem for ActivityDraft {
    fn item(record: OutboxRecord, activity: Self) -> AnyView {
        view! { <ActivityItem record activity /> }.into_any()
    }
}

#[component]
fn ActivityItem(record: OutboxRecord, activity: ActivityDraft) -> impl IntoView {
    let client = use_client();
    let kind =
        ActivityType::from_code(&activity.activity_type).map_or(words::ACTIVITY, |t| t.label());
    let who = client.directory.with_untracked(|d| {
        let names = d.names_of(activity.grid_id, &activity.participants);
        match names.len() {
            0 => words::participant_count(activity.participants.len()),
            _ => words::participant_names(&names),
        }
    });
    let spend =
        (!activity.spend_yuan.trim().is_empty()).then(|| words::spend(activity.spend_yuan.trim()));
    let problems = refusal(&record.state);
    let edit = record
        .editable()
        .then(|| format!("/activities/new?id={}", record.id));
    view! {
        <li class="record activity">
            <div class="record-head">
                <strong>{words::headline(kind)}</strong>
                <span class=state_class(&record.state)>{record.label()}</span>
            </div>
            <div class="muted">{activity.activity_date} " · " {activity.place} {spend}</div>
            <div class="muted">{who}</div>
            <p class="findings">{activity.summary}</p>
            <PhotoThumbs ids=activity.photos />
            {problems.map(|p| view! { <p class="error">{p}</p> })}
            {edit.map(|href| view! { <a href=href rel="external" class="button">{words::EDIT}</a> })}
            <WithdrawButton record=record.clone() />
        </li>
    }
}
