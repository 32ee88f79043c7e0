//! The visit form (走访记录). Saving goes to the phone's outbox first, so it works offline; the
//! same validation as the server's runs before anything is saved.
use crate::domain::draft::Draft;
use crate::domain::period::format_date;
use crate::domain::visit::{VisitDraft, VisitError, VisitPurpose};
use crate::layout::field_errors;
use crate::photos::components::PhotoPicker;
use crate::sync::client;
use crate::sync::editing::{Editing, RefusalBanner, SignedIn};
use crate::sync::outbox::RecordDraft;
use crate::sync::state::use_client;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

#[component]
pub fn VisitFormPage() -> impl IntoView {
    view! {
        <SignedIn allowed=|_| true refusal="">
            <VisitForm />
        </SignedIn>
    }
}

#[component]
fn VisitForm() -> impl IntoView {
    let client = use_client();
    let opened = Editing::from_query();
    let problems = opened.problems();
    let editing = opened.id;
    let draft = opened
        .record
        .and_then(|r| r.draft_of::<VisitDraft>().cloned());

    let today = client::today();
    let enterprise = RwSignal::new(
        draft
            .as_ref()
            .map(|d| d.enterprise_id.to_string())
            .unwrap_or_default(),
    );
    let date = RwSignal::new(
        draft
            .as_ref()
            .map(|d| d.visit_date.clone())
            .or(today.map(format_date))
            .unwrap_or_default(),
    );
    let purpose = RwSignal::new(
        draft
            .as_ref()
            .map(|d| d.purpose.clone())
            .unwrap_or_default(),
    );
    let findings = RwSignal::new(
        draft
            .as_ref()
            .map(|d| d.findings.clone())
            .unwrap_or_default(),
    );
    let follow_up = RwSignal::new(draft.as_ref().is_some_and(|d| d.follow_up));
    let photos = RwSignal::new(draft.as_ref().map(|d| d.photos.clone()).unwrap_or_default());
    let errors = RwSignal::new(Vec::<VisitError>::new());
    let saved = RwSignal::new(None::<String>);
    let store_error = RwSignal::new(None::<String>);
    let saving = RwSignal::new(false);
    let error_for = move |field: &'static str| field_errors(errors, field);

    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(None);
        store_error.set(None);
        let draft = VisitDraft {
            enterprise_id: enterprise.get_untracked().parse().unwrap_or(0),
            visit_date: date.get_untracked(),
            purpose: purpose.get_untracked(),
            findings: findings.get_untracked(),
            follow_up: follow_up.get_untracked(),
            photos: photos.get_untracked(),
        };
        let Some(today) = client::today() else { return };
        if let Err(found) = draft.validate(today) {
            errors.set(found);
            return;
        }
        errors.set(Vec::new());
        saving.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            match client::save_record(editing, RecordDraft::Visit(draft)).await {
                // A corrected record goes back to the list; a new one clears the form for the next.
                Ok(()) if editing.is_some() => navigate("/records", Default::default()),
                Ok(()) => {
                    saved.set(Some("已保存（待同步）".into()));
                    findings.set(String::new());
                    follow_up.set(false);
                    photos.set(Vec::new());
                }
                Err(e) => store_error.set(Some(e.to_string())),
            }
            saving.set(false);
        });
    };

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
        <section class="card">
            <h1>{if editing.is_some() { "修改走访记录" } else { "记录走访" }}</h1>
            <RefusalBanner problems />
            <form on:submit=submit class="form" novalidate>
                <label>
                    "走访企业"
                    <select name="enterprise" prop:value=move || enterprise.get()
                        on:change=move |ev| enterprise.set(event_target_value(&ev))>
                        <option value="">"请选择企业"</option>
                        <For each=options key=|(id, _)| id.clone() let((id, label))>
                            <option value=id.clone() selected=move || enterprise.get() == id>{label}</option>
                        </For>
                    </select>
                    <span class="field-error">{error_for("enterprise_id")}</span>
                </label>
                <label>
                    "走访日期"
                    <input type="date" name="visit_date" bind:value=date />
                    <span class="field-error">{error_for("visit_date")}</span>
                </label>
                <label>
                    "走访目的"
                    <select name="purpose" prop:value=move || purpose.get()
                        on:change=move |ev| purpose.set(event_target_value(&ev))>
                        <option value="">"请选择目的"</option>
                        {VisitPurpose::ALL.iter().map(|p| {
                            let code = p.code();
                            view! { <option value=code selected=move || purpose.get() == code>{p.label()}</option> }
                        }).collect_view()}
                    </select>
                    <span class="field-error">{error_for("purpose")}</span>
                </label>
                <label>
                    "走访情况"
                    <textarea name="findings" rows="5" placeholder="企业经营、统计报表、发现的问题等"
                        prop:value=move || findings.get()
                        on:input=move |ev| findings.set(event_target_value(&ev))></textarea>
                    <span class="hint">{move || format!("{} / 2000 字", findings.with(|f| f.trim().chars().count()))}</span>
                    <span class="field-error">{error_for("findings")}</span>
                </label>
                <label class="check">
                    <input type="checkbox" name="follow_up" bind:checked=follow_up />
                    "需要跟进"
                </label>
                <PhotoPicker photos />
                <button type="submit" class="button primary" disabled=move || saving.get()>"保存"</button>
                <Show when=move || saved.get().is_some()>
                    <p class="success" role="status">{move || saved.get().unwrap_or_default()}</p>
                </Show>
                <Show when=move || store_error.get().is_some()>
                    <p class="error" role="alert">{move || store_error.get().unwrap_or_default()}</p>
                </Show>
            </form>
        </section>
    }
    .into_any()
}
