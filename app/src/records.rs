//! 我的记录: every record on the phone with its sync state; refused ones can be corrected.
//! Each kind draws its own line ([`ListItem`]); the page reaches them through the kinds'
//! registry ([`crate::kinds`]), so it names no kind.
use crate::layout::words as shared;
use crate::sync::conflict::ConflictItem;
use crate::sync::outbox::{OutboxRecord, RecordDraft, RecordState};
use crate::sync::state::use_client;
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
                            {match record.state {
                                RecordState::Conflict { .. } => view! { <ConflictItem record /> }.into_any(),
                                _ => list_item(record),
                            }}
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
