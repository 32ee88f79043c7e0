//! What every record form shares: waiting for the phone's data and a login, the record named by
//! `?id=` when one is corrected or edited (its id is kept, so the server stores it once), the
//! server's reasons when it refused it, and [`RecordForm`]: validate, save to the phone, the
//! "已保存" state and the errors, written once. Each form keeps only its fields.
use crate::domain::draft::{Draft, FieldError};
use crate::layout::field_errors;
use crate::layout::words as shared;
use crate::sync::api::Problem;
use crate::sync::client;
use crate::sync::outbox::{OutboxRecord, RecordDraft, RecordState};
use crate::sync::record_draft::Recorded;
use crate::sync::state::use_client;
use crate::sync::words;
use leptos::prelude::*;
use leptos::task::{spawn_local, tick};
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

/// The record a form opened on, if any.
pub struct Editing {
    pub id: Option<Uuid>,
    pub record: Option<OutboxRecord>,
}

impl Editing {
    /// Read from the page's `?id=` and the phone's records.
    pub fn from_query() -> Self {
        let client = use_client();
        let id: Option<Uuid> = use_query_map()
            .with_untracked(|q| q.get("id"))
            .and_then(|id| id.parse().ok());
        let record = id.and_then(|id| {
            client
                .records
                .with_untracked(|all| all.iter().find(|r| r.id == id).cloned())
        });
        Editing { id, record }
    }

    /// The opened record's draft, when it is of kind `D`.
    pub fn draft<D: Recorded>(&self) -> Option<D> {
        self.record.as_ref()?.draft_of::<D>().cloned()
    }

    /// Why the server refused the record, if it did.
    pub fn problems(&self) -> Option<Vec<Problem>> {
        match &self.record.as_ref()?.state {
            RecordState::Rejected { problems } => Some(problems.clone()),
            _ => None,
        }
    }
}

/// The server's reasons for refusing the record being corrected, in one line.
#[component]
pub fn RefusalBanner(problems: Option<Vec<Problem>>) -> impl IntoView {
    problems.map(|p| {
        let reasons = p
            .into_iter()
            .map(|p| p.message)
            .collect::<Vec<_>>()
            .join("；");
        view! { <p class="error" role="alert">{words::RETURNED_BY_SERVER} {reasons}</p> }
    })
}

/// Shows `children` once the phone's data is loaded and someone allowed by `allowed` is logged
/// in; otherwise `refusal` and a link to log in.
#[component]
pub fn SignedIn(
    allowed: fn(&crate::auth::api::Profile) -> bool,
    refusal: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    let client = use_client();
    let children = StoredValue::new(children);
    view! {
        <Show when=move || client.ready.get() fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
            <Show
                when=move || client.profile.with(|p| p.as_ref().is_some_and(allowed))
                fallback=move || view! { <p class="card">{refusal} {shared::FIRST} <a href="/login" rel="external">{shared::SIGN_IN}</a> {shared::FULL_STOP}</p> }
            >
                {children.with_value(|c| c())}
            </Show>
        </Show>
    }
}

/// How a save went, for the form to carry on: back to the list after a change, or ready for
/// the next record after a new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Changed,
    New,
}

/// Where a form's save stands, as its buttons and messages show it.
#[derive(Clone, Copy)]
pub struct SaveState {
    /// The save has lasted [`BUSY_AFTER`]: the button shows it is busy.
    pub saving: RwSignal<bool>,
    /// A new record was kept on the phone.
    pub saved: RwSignal<bool>,
    /// Why the phone could not keep it (or why it may not be changed).
    pub refusal: RwSignal<Option<String>>,
    /// A save is being written: another tap meanwhile is ignored, not saved twice.
    writing: StoredValue<bool>,
}

/// How long a save may take before the form shows it is busy. Below about a tenth of a second
/// a wait is not seen, so a quick save changes nothing on screen until it is kept: on a slow
/// phone the page then draws once for it, not a frame for the tap, one for the button losing
/// focus and one for the answer (`make bench`'s offline save).
const BUSY_AFTER: std::time::Duration = std::time::Duration::from_millis(100);

/// One record form's save: the record it changes (none for a new one), the draft's field
/// errors, and the save state.
pub struct RecordForm<D: Draft> {
    /// The record being changed; a form may switch it (one report per grid and month).
    pub editing: RwSignal<Option<Uuid>>,
    errors: RwSignal<Vec<D::Error>>,
    pub state: SaveState,
}

impl<D: Draft> Clone for RecordForm<D> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D: Draft> Copy for RecordForm<D> {}

impl<D> RecordForm<D>
where
    D: Recorded + Send + Sync + 'static,
    D::Error: FieldError + Send + Sync + 'static,
{
    pub fn new(editing: Option<Uuid>) -> Self {
        RecordForm {
            editing: RwSignal::new(editing),
            errors: RwSignal::new(Vec::new()),
            state: SaveState {
                saving: RwSignal::new(false),
                saved: RwSignal::new(false),
                refusal: RwSignal::new(None),
                writing: StoredValue::new(false),
            },
        }
    }

    /// The errors of one field, in words, for the span under it.
    pub fn error_for(self, field: &'static str) -> impl Fn() -> String + Copy {
        field_errors(self.errors, field)
    }

    /// Shows why the record may not be saved, without saving.
    pub fn refuse(self, why: String) {
        self.state.refusal.set(Some(why));
    }

    /// Validates `draft` as the server will, then keeps it on the phone (durably, before
    /// `then` runs); field errors are shown instead when there are any, and nothing is saved.
    pub fn submit(self, draft: D, then: impl FnOnce(Saved) + 'static) {
        if self.state.writing.get_value() {
            return;
        }
        self.state.refusal.set(None);
        let Some(today) = client::today() else { return };
        if let Err(found) = draft.validate(today) {
            self.state.saved.set(false);
            self.errors.set(found);
            return;
        }
        self.errors.set(Vec::new());
        keep(
            self.state,
            self.editing.get_untracked(),
            draft.wrap(),
            Box::new(then),
        );
    }
}

/// The part of a save that is the same for every kind, written (and compiled) once.
fn keep(state: SaveState, id: Option<Uuid>, draft: RecordDraft, then: Box<dyn FnOnce(Saved)>) {
    state.writing.set_value(true);
    let busy = set_timeout(
        move || {
            state.saved.set(false);
            state.saving.set(true);
        },
        BUSY_AFTER,
    );
    spawn_local(async move {
        let kept = client::save_record(id, draft).await;
        if let Ok(busy) = busy {
            busy.clear();
        }
        state.saved.set(false);
        match kept {
            Ok(()) if id.is_some() => then(Saved::Changed),
            Ok(()) => {
                // The last save's line goes before this one's is drawn, so each save shows
                // (and a screen reader announces) its own; both within this task, one frame.
                tick().await;
                state.saved.set(true);
                then(Saved::New);
            }
            Err(e) => state.refusal.set(Some(e.to_string())),
        }
        state.saving.set(false);
        state.writing.set_value(false);
    });
}

/// The save button, and under it what became of the save.
#[component]
pub fn SaveControls(
    state: SaveState,
    #[prop(default = shared::SAVE)] label: &'static str,
    #[prop(default = words::SAVED_PENDING)] saved: &'static str,
) -> impl IntoView {
    view! {
        <button type="submit" class="button primary" disabled=move || state.saving.get()>{label}</button>
        <Show when=move || state.saved.get()>
            <p class="success" role="status">{saved}</p>
        </Show>
        <Show when=move || state.refusal.with(Option::is_some)>
            <p class="error" role="alert">{move || state.refusal.get().unwrap_or_default()}</p>
        </Show>
    }
}
