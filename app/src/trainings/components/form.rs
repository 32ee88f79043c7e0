//! The training form (培训记录): a training or 联审辅导 session and the grid members who
//! attended, with its hours.
//! Saved to the phone's outbox first, so it works offline; validated as the server does.
use crate::courses::page::{kept_course, training_of};
use crate::directory::picker::{GridChoice, MemberPicker, member_grids};
use crate::domain::period::format_date;
use crate::domain::training::{HOURS_MAX, TrainingDraft, TrainingSession, TrainingTopic};
use crate::filing::go_to_field_app;
use crate::sync::client;
use crate::sync::editing::{Editing, RecordForm, RefusalBanner, SaveControls, Saved, SignedIn};
use crate::sync::state::use_client;
use crate::trainings::words;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn TrainingFormPage() -> impl IntoView {
    view! {
        <SignedIn allowed=|p| !p.activity_grids().is_empty() refusal=words::REFUSAL>
            <TrainingForm />
        </SignedIn>
    }
}

type Save = RecordForm<TrainingDraft>;

#[component]
fn TrainingForm() -> impl IntoView {
    let client = use_client();
    let opened = Editing::from_query();
    let problems = opened.problems();
    let form = Save::new(opened.id);
    let editing = opened.id;
    let grids = member_grids();
    let me = client
        .profile
        .with_untracked(|p| p.as_ref().map_or(0, |p| p.person_id));
    let today = client::today().map(format_date).unwrap_or_default();
    let grid_id = grids.first().map_or(0, |g| g.0);
    // Opened from 在线课堂 (`?course=`): the online course studied, filled in.
    let course = use_query_map()
        .with_untracked(|q| q.get("course"))
        .and_then(|id| id.parse().ok())
        .and_then(|id| kept_course(me, id));
    let from_course = course.is_some();
    let draft = opened
        .draft::<TrainingDraft>()
        .or_else(|| course.map(|c| training_of(&c, grid_id, me, today.clone())))
        .unwrap_or_else(|| TrainingDraft {
            grid_id,
            title: String::new(),
            training_date: today,
            organiser: String::new(),
            topic: String::new(),
            session: TrainingSession::Training.code().to_owned(),
            hours: 0,
            attendees: vec![me],
        });
    let grid = RwSignal::new(draft.grid_id);
    let title = RwSignal::new(draft.title);
    let date = RwSignal::new(draft.training_date);
    let organiser = RwSignal::new(draft.organiser);
    let topic = RwSignal::new(draft.topic);
    let session = RwSignal::new(draft.session);
    let hours = RwSignal::new(if draft.hours == 0 {
        String::new()
    } else {
        draft.hours.to_string()
    });
    let attendees = RwSignal::new(draft.attendees);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = TrainingDraft {
            grid_id: grid.get_untracked(),
            title: title.get_untracked(),
            training_date: date.get_untracked(),
            organiser: organiser.get_untracked(),
            topic: topic.get_untracked(),
            session: session.get_untracked(),
            hours: hours.get_untracked().trim().parse().unwrap_or(0),
            attendees: attendees.get_untracked(),
        };
        form.submit(draft, move |saved| match saved {
            Saved::Changed => go_to_field_app("/records"),
            // Back to the courses, where this one now shows as recorded.
            Saved::New if from_course => go_to_field_app("/courses"),
            Saved::New => title.set(String::new()),
        });
    };

    view! {
        <section class="card">
            <h1>{if editing.is_some() { words::EDIT_TITLE } else { words::NEW_TITLE }}</h1>
            <RefusalBanner problems />
            <form on:submit=submit class="form" novalidate>
                <GridChoice grids chosen=grid
                    on_choose=move |g| {
                        grid.set(g);
                        attendees.set(Vec::new());
                    }
                    error=Signal::derive(form.error_for("grid_id")) />
                {session_choice(form, session)}
                {what_when_who(form, title, date, organiser)}
                {topic_and_hours(form, topic, hours)}
                <MemberPicker legend=words::ATTENDEES grid=grid.into() chosen=attendees
                    error=Signal::derive(form.error_for("attendees")) />
                <SaveControls state=form.state />
            </form>
        </section>
    }
}

/// Whether it was a lesson or a 联审辅导 session.
fn session_choice(form: Save, session: RwSignal<String>) -> impl IntoView {
    // A draft saved before the question was asked holds "", which was a training.
    let chosen = move || TrainingSession::from_code(&session.get()).map(|s| s.code());
    view! {
        <label>
            {words::SESSION}
            <select name="session" on:change=move |ev| session.set(event_target_value(&ev))>
                {TrainingSession::ALL.iter().map(|s| {
                    let code = s.code();
                    view! { <option value=code selected=move || chosen() == Some(code)>{s.label()}</option> }
                }).collect_view()}
            </select>
            <span class="field-error">{form.error_for("session")}</span>
        </label>
    }
}

/// The training's name, day and organiser.
fn what_when_who(
    form: Save,
    title: RwSignal<String>,
    date: RwSignal<String>,
    organiser: RwSignal<String>,
) -> impl IntoView {
    view! {
        <label>
            {words::TITLE}
            <input type="text" name="title" bind:value=title />
            <span class="field-error">{form.error_for("title")}</span>
        </label>
        <label>
            {words::DATE}
            <input type="date" name="training_date" bind:value=date />
            <span class="field-error">{form.error_for("training_date")}</span>
        </label>
        <label>
            {words::ORGANISER}
            <input type="text" name="organiser" placeholder=words::ORGANISER_HINT bind:value=organiser />
            <span class="field-error">{form.error_for("organiser")}</span>
        </label>
    }
}

/// What the training was about, and the hours it counts for.
fn topic_and_hours(form: Save, topic: RwSignal<String>, hours: RwSignal<String>) -> impl IntoView {
    view! {
        <label>
            {words::TOPIC}
            <select name="topic" prop:value=move || topic.get()
                on:change=move |ev| topic.set(event_target_value(&ev))>
                <option value="">{words::CHOOSE_TOPIC}</option>
                {TrainingTopic::ALL.iter().map(|t| {
                    let code = t.code();
                    view! { <option value=code selected=move || topic.get() == code>{t.label()}</option> }
                }).collect_view()}
            </select>
            <span class="field-error">{form.error_for("topic")}</span>
        </label>
        <label>
            {words::hours()}
            <input type="number" inputmode="numeric" min="1" max=HOURS_MAX name="hours" bind:value=hours />
            <span class="field-error">{form.error_for("hours")}</span>
        </label>
    }
}
