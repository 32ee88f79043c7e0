//! The visit form (走访记录). Saving goes to the phone's outbox first, so it works offline; the
//! same validation as the server's runs before anything is saved.
use crate::domain::period::format_date;
use crate::domain::visit::{VisitDraft, VisitPurpose};
use crate::layout::words as shared;
use crate::photos::components::PhotoPicker;
use crate::sync::client;
use crate::sync::editing::{Editing, RecordForm, RefusalBanner, SaveControls, Saved, SignedIn};
use crate::sync::state::use_client;
use crate::visits::words;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn VisitFormPage() -> impl IntoView {
    view! {
        <SignedIn allowed=|_| true refusal="">
            <VisitForm />
        </SignedIn>
    }
}

type Save = RecordForm<VisitDraft>;

#[component]
fn VisitForm() -> impl IntoView {
    let opened = Editing::from_query();
    let problems = opened.problems();
    let save = Save::new(opened.id);
    let editing = opened.id;
    let draft = opened.draft::<VisitDraft>();
    let field = |read: fn(&VisitDraft) -> String| draft.as_ref().map(read).unwrap_or_default();
    let enterprise = RwSignal::new(field(|d| d.enterprise_id.to_string()));
    let date = RwSignal::new(
        draft
            .as_ref()
            .map(|d| d.visit_date.clone())
            .or(client::today().map(format_date))
            .unwrap_or_default(),
    );
    let purpose = RwSignal::new(field(|d| d.purpose.clone()));
    let findings = RwSignal::new(field(|d| d.findings.clone()));
    let follow_up = RwSignal::new(draft.as_ref().is_some_and(|d| d.follow_up));
    let photos = RwSignal::new(draft.as_ref().map(|d| d.photos.clone()).unwrap_or_default());

    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = VisitDraft {
            enterprise_id: enterprise.get_untracked().parse().unwrap_or(0),
            visit_date: date.get_untracked(),
            purpose: purpose.get_untracked(),
            findings: findings.get_untracked(),
            follow_up: follow_up.get_untracked(),
            photos: photos.get_untracked(),
        };
        let navigate = navigate.clone();
        save.submit(draft, move |saved| match saved {
            // A corrected record goes back to the list; a new one clears the form for the next.
            Saved::Changed => navigate("/records", Default::default()),
            Saved::New => {
                findings.set(String::new());
                follow_up.set(false);
                photos.set(Vec::new());
            }
        });
    };

    view! {
        <section class="card">
            <h1>{if editing.is_some() { words::EDIT_TITLE } else { words::NEW_TITLE }}</h1>
            <RefusalBanner problems />
            <form on:submit=submit class="form" novalidate>
                {enterprise_field(save, enterprise)}
                <label>
                    {words::DATE}
                    <input type="date" name="visit_date" bind:value=date />
                    <span class="field-error">{save.error_for("visit_date")}</span>
                </label>
                {purpose_field(save, purpose)}
                {findings_field(save, findings)}
                <label class="check">
                    <input type="checkbox" name="follow_up" bind:checked=follow_up />
                    {words::FOLLOW_UP}
                </label>
                <PhotoPicker photos />
                <SaveControls state=save.state />
            </form>
        </section>
    }
    .into_any()
}

/// The enterprise visited, among those of the phone's directory, with their grid.
fn enterprise_field(save: Save, enterprise: RwSignal<String>) -> impl IntoView {
    let client = use_client();
    let options = move || {
        client.directory.with(|d| {
            d.enterprises
                .iter()
                .map(|e| {
                    let grid = d
                        .grid(e.grid_id)
                        .map(|g| g.name.clone())
                        .unwrap_or_default();
                    (e.id.to_string(), format!("{} · {}", e.name, grid))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <label>
            {words::ENTERPRISE}
            <select name="enterprise" prop:value=move || enterprise.get()
                on:change=move |ev| enterprise.set(event_target_value(&ev))>
                <option value="">{shared::CHOOSE_ENTERPRISE}</option>
                <For each=options key=|(id, _)| id.clone() let((id, label))>
                    <option value=id.clone() selected=move || enterprise.get() == id>{label}</option>
                </For>
            </select>
            <span class="field-error">{save.error_for("enterprise_id")}</span>
        </label>
    }
}

fn purpose_field(save: Save, purpose: RwSignal<String>) -> impl IntoView {
    view! {
        <label>
            {words::PURPOSE}
            <select name="purpose" prop:value=move || purpose.get()
                on:change=move |ev| purpose.set(event_target_value(&ev))>
                <option value="">{words::CHOOSE_PURPOSE}</option>
                {VisitPurpose::ALL.iter().map(|p| {
                    let code = p.code();
                    view! { <option value=code selected=move || purpose.get() == code>{p.label()}</option> }
                }).collect_view()}
            </select>
            <span class="field-error">{save.error_for("purpose")}</span>
        </label>
    }
}

fn findings_field(save: Save, findings: RwSignal<String>) -> impl IntoView {
    view! {
        <label>
            {words::FINDINGS}
            <textarea name="findings" rows="5" placeholder=words::FINDINGS_HINT
                prop:value=move || findings.get()
                on:input=move |ev| findings.set(event_target_value(&ev))></textarea>
            <span class="hint">{move || shared::chars_used(findings.with(|f| f.trim().chars().count()))}</span>
            <span class="field-error">{save.error_for("findings")}</span>
        </label>
    }
}
