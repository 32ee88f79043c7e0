//! A record in conflict, in 我的记录: the phone's version and the server's side by side, the
//! lines that differ marked, and a choice of which to keep. Nothing is dropped until the user
//! chooses.
use crate::sync::client;
use crate::sync::outbox::{Choice, OutboxRecord, RecordState};
use crate::sync::words;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ConflictItem(record: OutboxRecord) -> impl IntoView {
    let RecordState::Conflict {
        theirs,
        their_version,
        problems,
    } = record.state.clone()
    else {
        return ().into_any();
    };
    let mine = record.draft.describe();
    let other = theirs.describe();
    let reason = problems
        .into_iter()
        .map(|p| p.message)
        .collect::<Vec<_>>()
        .join("；");
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let id = record.id;
    let choose = move |choice: Choice| {
        busy.set(true);
        spawn_local(async move {
            if let Err(e) = client::resolve_conflict(id, choice).await {
                error.set(Some(e.to_string()));
            }
            busy.set(false);
        });
    };
    view! {
        <li class="record conflict">
            <div class="record-head">
                <strong>{record.draft.label()}</strong>
                <span class="state rejected">{words::IN_CONFLICT}</span>
            </div>
            <p class="error">{reason}</p>
            <div class="versions">
                <Version title=words::my_version(record.version, record.withdrawn) lines=mine.clone() other=other.clone() />
                <Version title=words::their_version(their_version) lines=other other=mine />
            </div>
            <div class="actions">
                <button class="button primary" disabled=move || busy.get() on:click=move |_| choose(Choice::Mine)>{words::KEEP_MINE}</button>
                <button class="button" disabled=move || busy.get() on:click=move |_| choose(Choice::Theirs)>{words::TAKE_THEIRS}</button>
            </div>
            <Show when=move || error.get().is_some()>
                <p class="error" role="alert">{move || error.get().unwrap_or_default()}</p>
            </Show>
        </li>
    }
    .into_any()
}

/// One version's fields; those that differ from the other version are marked.
#[component]
fn Version(
    title: String,
    lines: Vec<(&'static str, String)>,
    other: Vec<(&'static str, String)>,
) -> impl IntoView {
    let label = title.clone();
    view! {
        <section class="version" aria-label=label>
            <h3>{title}</h3>
            <dl>
                {lines.into_iter().map(|(label, value)| {
                    let differs = !other.iter().any(|(l, v)| *l == label && *v == value);
                    view! {
                        <dt>{label}</dt>
                        <dd class:differs=differs>{if value.is_empty() { words::EMPTY_VALUE.to_owned() } else { value }}</dd>
                    }
                }).collect_view()}
            </dl>
        </section>
    }
}
