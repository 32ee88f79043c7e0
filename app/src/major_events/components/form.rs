//! The major-event form (上报重大事项). Saved to the phone's outbox first, so it works offline;
//! the outbox sends it before any other record once a connection appears.
use crate::directory::picker::{GridChoice, member_grids};
use crate::domain::major_event::{MajorEventDraft, TITLE_MAX_CHARS};
use crate::domain::period::format_date;
use crate::filing::go_to_field_app;
use crate::major_events::words;
use crate::sync::client;
use crate::sync::editing::{Editing, RecordForm, RefusalBanner, SaveControls, Saved, SignedIn};
use crate::sync::state::use_client;
use leptos::prelude::*;

#[component]
pub fn MajorEventFormPage() -> impl IntoView {
    view! {
        <SignedIn allowed=|p| !p.activity_grids().is_empty() refusal=words::REFUSAL>
            <MajorEventForm />
        </SignedIn>
    }
}

type Save = RecordForm<MajorEventDraft>;
type Form = RwSignal<MajorEventDraft>;

#[component]
fn MajorEventForm() -> impl IntoView {
    let opened = Editing::from_query();
    let problems = opened.problems();
    let save = Save::new(opened.id);
    let editing = opened.id;
    let grids = member_grids();
    let today = client::today().map(format_date).unwrap_or_default();
    let draft = opened
        .draft::<MajorEventDraft>()
        .unwrap_or_else(|| MajorEventDraft {
            grid_id: grids.first().map_or(0, |g| g.0),
            enterprise_id: None,
            occurred_on: today,
            title: String::new(),
            details: String::new(),
            impact: String::new(),
        });
    let form = RwSignal::new(draft);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.submit(form.get_untracked(), move |saved| match saved {
            Saved::Changed => go_to_field_app("/records"),
            Saved::New => form.update(|f| {
                f.title.clear();
                f.details.clear();
                f.impact.clear();
                f.enterprise_id = None;
            }),
        });
    };

    view! {
        <section class="card">
            <h1>{if editing.is_some() { words::EDIT_TITLE } else { words::NEW_TITLE }}</h1>
            <p class="hint">{words::WHEN_TO_REPORT}</p>
            <RefusalBanner problems />
            <form on:submit=submit class="form" novalidate>
                <GridChoice label=words::GRID grids chosen=Signal::derive(move || form.with(|f| f.grid_id))
                    on_choose=move |grid| form.update(|f| {
                        f.grid_id = grid;
                        f.enterprise_id = None;
                    })
                    error=Signal::derive(save.error_for("grid_id")) />
                {where_and_when(save, form)}
                {what_happened(save, form)}
                <SaveControls state=save.state label=words::SAVE saved=words::SAVED />
            </form>
            <p><a href="/records" rel="external">{words::MY_RECORDS}</a></p>
        </section>
    }
}

/// A text field of the draft, to show.
fn text(form: Form, read: fn(&MajorEventDraft) -> &String) -> impl Fn() -> String + Copy {
    move || form.with(|f| read(f).clone())
}

/// A text field of the draft, to change as it is typed.
fn set(form: Form, write: fn(&mut MajorEventDraft, String)) -> impl Fn(leptos::ev::Event) + Copy {
    move |ev| form.update(|f| write(f, event_target_value(&ev)))
}

/// The enterprise concerned, if any, among the grid's and those of the grids below it (named
/// with their own grid); and the day.
fn where_and_when(save: Save, form: Form) -> impl IntoView {
    let client = use_client();
    let enterprises = move || {
        let grid = form.with(|f| f.grid_id);
        client.directory.with(|d| {
            (d.enterprises_under(grid).into_iter())
                .map(|e| match d.grid(e.grid_id).filter(|_| e.grid_id != grid) {
                    Some(below) => (e.id, words::enterprise_in(&e.name, &below.name)),
                    None => (e.id, e.name.clone()),
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <label>
            {words::ENTERPRISE}
            <select name="enterprise"
                on:change=move |ev| form.update(|f| f.enterprise_id = event_target_value(&ev).parse().ok())>
                <option value="">{words::NO_ENTERPRISE}</option>
                <For each=enterprises key=|(id, _)| *id let((id, name))>
                    <option value=id.to_string() selected=move || form.with(|f| f.enterprise_id == Some(id))>{name}</option>
                </For>
            </select>
            <span class="field-error">{save.error_for("enterprise_id")}</span>
        </label>
        <label>
            {words::OCCURRED_ON}
            <input type="date" name="occurred_on" prop:value=text(form, |f| &f.occurred_on)
                on:input=set(form, |f, v| f.occurred_on = v) />
            <span class="field-error">{save.error_for("occurred_on")}</span>
        </label>
    }
}

/// The event's title, what happened, and what it does to the figures.
fn what_happened(save: Save, form: Form) -> impl IntoView {
    view! {
        <label>
            {words::TITLE}
            <input type="text" name="title" maxlength=TITLE_MAX_CHARS.to_string()
                placeholder=words::TITLE_HINT prop:value=text(form, |f| &f.title)
                on:input=set(form, |f, v| f.title = v) />
            <span class="field-error">{save.error_for("title")}</span>
        </label>
        <label>
            {words::DETAILS}
            <textarea name="details" rows="5" placeholder=words::DETAILS_HINT
                prop:value=text(form, |f| &f.details) on:input=set(form, |f, v| f.details = v)></textarea>
            <span class="field-error">{save.error_for("details")}</span>
        </label>
        <label>
            {words::IMPACT}
            <textarea name="impact" rows="3" placeholder=words::IMPACT_HINT
                prop:value=text(form, |f| &f.impact) on:input=set(form, |f, v| f.impact = v)></textarea>
            <span class="field-error">{save.error_for("impact")}</span>
        </label>
    }
}
