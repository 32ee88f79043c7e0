//! 我的记录: every record on the phone with its sync state; refused ones can be corrected.
//! Each kind draws its own line ([`ListItem`]); the page reaches them through the kinds'
//! registry ([`crate::kinds`]), so it names no kind.
use crate::layout::split::{Unavailable, drawn};
use crate::layout::words as shared;
use crate::sync::conflict::ConflictItem;
use crate::sync::outbox::{OutboxRecord, RecordDraft, RecordState};
use crate::sync::state::use_client;
use crate::sync::withdraw::WithdrawButton;
use leptos::prelude::*;
use leptos_router::components::A;

/// How a record of one kind shows in 我的记录; implemented by each kind's components for its
/// draft.
pub trait ListItem {
    fn item(record: OutboxRecord, draft: Self) -> AnyView;
}

macro_rules! list_item {
    ($($variant:ident($draft:ty)),* $(,)?) => {
        /// The record's line, as its kind draws it.
        fn list_item(record: OutboxRecord) -> AnyView {
            match record.draft.clone() {
                $(RecordDraft::$variant(draft) => <$draft as ListItem>::item(record, draft),)*
            }
        }
    };
}
crate::kinds::phone_kinds!(list_item);

/// A record's line: its kind's, or the two versions of a conflict. The lines of every kind are
/// a split ([`crate::layout::split`]), fetched when the list is first drawn.
#[cfg_attr(feature = "split-pages", lazy(fallible))]
async fn record_line(record: OutboxRecord) -> Result<AnyView, Unavailable> {
    Ok(match record.state {
        RecordState::Conflict { .. } => view! { <ConflictItem record /> }.into_any(),
        _ => list_item(record),
    })
}

#[component]
pub fn RecordsPage() -> impl IntoView {
    let client = use_client();
    view! {
        <section class="card">
            <h1>{shared::MY_RECORDS}</h1>
            <Show when=move || client.ready.get() fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
                <Show
                    when=move || client.profile.with(Option::is_some)
                    fallback=|| view! { <p>{shared::FIRST} <A href="/login">{shared::SIGN_IN}</A> {shared::FULL_STOP}</p> }
                >
                    <ul class="records">
                        <For each=move || client.own_records() key=|r| (r.id, r.version, r.label()) let(record)>
                            {drawn(record_line(record), true)}
                        </For>
                    </ul>
                    <Show when=move || client.own_records().is_empty()>
                        <p class="empty">{shared::NO_RECORDS} <A href="/visits/new">{shared::RECORD_A_VISIT}</A></p>
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

/// The line of a record written as labelled parts (an annual plan, a meeting's minutes): its
/// headline, state and version, each part, why it was refused, and the ways to change it: its
/// `form` (in the filing bundle: a full load), under `edit`, and withdrawal.
#[component]
pub fn PartsItem(
    record: OutboxRecord,
    headline: String,
    parts: Vec<(&'static str, String)>,
    form: &'static str,
    edit: &'static str,
) -> impl IntoView {
    let problems = refusal(&record.state);
    let href = record
        .editable()
        .then(|| format!("{form}?id={}", record.id));
    view! {
        <li class="record">
            <div class="record-head">
                <strong>{headline}</strong>
                <span class=state_class(&record.state)>{record.label()}</span>
            </div>
            <div class="muted">{shared::version(record.version)}</div>
            {parts.into_iter().map(|(label, text)| view! {
                <p class="findings"><strong>{label} "："</strong>{text}</p>
            }).collect_view()}
            {problems.map(|p| view! { <p class="error">{p}</p> })}
            {href.map(|href| view! { <a href=href rel="external" class="button">{edit}</a> })}
            <WithdrawButton record=record.clone() />
        </li>
    }
}
