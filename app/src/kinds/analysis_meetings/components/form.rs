//! The monthly analysis meeting's minutes (月度分析例会纪要): the township, the day, who attended,
//! the economy as analysed, the problems found and what follows. Saved to the phone's outbox
//! first, so it works offline; validated as the server does.
use super::super::words;
use crate::directory::picker::GridChoice;
use crate::domain::analysis_meeting::{AnalysisMeetingDraft, PARTS};
use crate::domain::period::format_date;
use crate::filing::go_to_field_app;
use crate::sync::client;
use crate::sync::editing::{Editing, RecordForm, RefusalBanner, SaveControls, SignedIn};
use crate::sync::state::use_client;
use leptos::prelude::*;

#[component]
pub fn MeetingFormPage() -> impl IntoView {
    view! {
        <SignedIn allowed=|p| !p.meeting_grids().is_empty() refusal=words::REFUSAL>
            <MeetingForm />
        </SignedIn>
    }
}

type Save = RecordForm<AnalysisMeetingDraft>;
type Form = RwSignal<AnalysisMeetingDraft>;

#[component]
fn MeetingForm() -> impl IntoView {
    let client = use_client();
    let grids: Vec<(i32, String)> = client.profile.with_untracked(|p| {
        p.iter()
            .flat_map(|p| p.meeting_grids())
            .map(|r| (r.grid_id, r.grid_name.clone()))
            .collect()
    });
    let opened = Editing::from_query();
    let problems = opened.problems();
    let save = Save::new(opened.id);
    let editing = opened.id;
    let form = RwSignal::new(opened.draft::<AnalysisMeetingDraft>().unwrap_or_else(|| {
        AnalysisMeetingDraft {
            grid_id: grids.first().map_or(0, |g| g.0),
            meeting_date: client::today().map(format_date).unwrap_or_default(),
            attendees: String::new(),
            economy: String::new(),
            findings: String::new(),
            follow_ups: String::new(),
        }
    }));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.submit(form.get_untracked(), |_| go_to_field_app("/records"));
    };
    view! {
        <section class="card">
            <h1>{if editing.is_some() { words::EDIT } else { words::TITLE }}</h1>
            <RefusalBanner problems />
            <form on:submit=submit class="form" novalidate>
                <GridChoice label=words::TOWNSHIP grids
                    chosen=Signal::derive(move || form.with(|f| f.grid_id))
                    on_choose=move |grid| form.update(|f| f.grid_id = grid)
                    error=Signal::derive(save.error_for("grid_id")) />
                <label>
                    {words::DATE}
                    <input type="date" name="meeting_date"
                        prop:value=move || form.with(|f| f.meeting_date.clone())
                        on:input=move |ev| form.update(|f| f.meeting_date = event_target_value(&ev)) />
                    <span class="field-error">{save.error_for("meeting_date")}</span>
                </label>
                {PARTS.into_iter().enumerate().map(|(i, (field, label))| part_field(save, form, i, field, label)).collect_view()}
                <SaveControls state=save.state label=words::SAVE />
            </form>
        </section>
    }
}

/// One written part of the minutes (the `i`-th of [`PARTS`]): a labelled text area.
fn part_field(
    save: Save,
    form: Form,
    i: usize,
    field: &'static str,
    label: &'static str,
) -> impl IntoView {
    // Who attended fits in a line or two; the analysis takes room.
    let (rows, hint) = if i == 0 {
        ("2", words::ATTENDEES_HINT)
    } else {
        ("4", "")
    };
    view! {
        <label>
            {label}
            <textarea name=field rows=rows placeholder=hint
                prop:value=move || form.with(|f| f.parts()[i].clone())
                on:input=move |ev| form.update(|f| *f.part_mut(i) = event_target_value(&ev))></textarea>
            <span class="field-error">{save.error_for(field)}</span>
        </label>
    }
}
