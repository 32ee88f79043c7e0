//! The training form (培训记录): a training and the grid members who attended, with its hours.
//! Saved to the phone's outbox first, so it works offline; validated as the server does.
use crate::directory::picker::{GridChoice, MemberPicker, member_grids};
use crate::domain::period::format_date;
use crate::domain::training::{HOURS_MAX, TrainingDraft, TrainingTopic};
use crate::filing::go_to_field_app;
use crate::sync::client;
use crate::sync::editing::{Editing, RecordForm, RefusalBanner, SaveControls, Saved, SignedIn};
use crate::sync::state::use_client;
use leptos::prelude::*;

#[component]
pub fn TrainingFormPage() -> impl IntoView {
    view! {
        <SignedIn allowed=|p| !p.activity_grids().is_empty() refusal="只有企业网格的成员可以记录培训。">
            <TrainingForm />
        </SignedIn>
    }
}

#[component]
fn TrainingForm() -> impl IntoView {
    let client = use_client();
    let opened = Editing::from_query();
    let problems = opened.problems();
    let form = RecordForm::<TrainingDraft>::new(opened.id);
    let editing = opened.id;
    let grids = member_grids();
    let me = client
        .profile
        .with_untracked(|p| p.as_ref().map_or(0, |p| p.person_id));
    let draft = opened
        .draft::<TrainingDraft>()
        .unwrap_or_else(|| TrainingDraft {
            grid_id: grids.first().map_or(0, |g| g.0),
            title: String::new(),
            training_date: client::today().map(format_date).unwrap_or_default(),
            organiser: String::new(),
            topic: String::new(),
            hours: 0,
            attendees: vec![me],
        });
    let grid = RwSignal::new(draft.grid_id);
    let title = RwSignal::new(draft.title);
    let date = RwSignal::new(draft.training_date);
    let organiser = RwSignal::new(draft.organiser);
    let topic = RwSignal::new(draft.topic);
    let hours = RwSignal::new(if draft.hours == 0 {
        String::new()
    } else {
        draft.hours.to_string()
    });
    let attendees = RwSignal::new(draft.attendees);
    let error_for = move |field: &'static str| form.error_for(field);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = TrainingDraft {
            grid_id: grid.get_untracked(),
            title: title.get_untracked(),
            training_date: date.get_untracked(),
            organiser: organiser.get_untracked(),
            topic: topic.get_untracked(),
            hours: hours.get_untracked().trim().parse().unwrap_or(0),
            attendees: attendees.get_untracked(),
        };
        form.submit(draft, move |saved| match saved {
            Saved::Changed => go_to_field_app("/records"),
            Saved::New => title.set(String::new()),
        });
    };

    view! {
        <section class="card">
            <h1>{if editing.is_some() { "修改培训记录" } else { "记录培训" }}</h1>
            <RefusalBanner problems />
            <form on:submit=submit class="form" novalidate>
                <GridChoice grids chosen=grid
                    on_choose=move |g| {
                        grid.set(g);
                        attendees.set(Vec::new());
                    }
                    error=Signal::derive(error_for("grid_id")) />
                <label>
                    "培训名称"
                    <input type="text" name="title" bind:value=title />
                    <span class="field-error">{error_for("title")}</span>
                </label>
                <label>
                    "培训日期"
                    <input type="date" name="training_date" bind:value=date />
                    <span class="field-error">{error_for("training_date")}</span>
                </label>
                <label>
                    "举办单位"
                    <input type="text" name="organiser" placeholder="例如 市统计局" bind:value=organiser />
                    <span class="field-error">{error_for("organiser")}</span>
                </label>
                <label>
                    "培训内容"
                    <select name="topic" prop:value=move || topic.get()
                        on:change=move |ev| topic.set(event_target_value(&ev))>
                        <option value="">"请选择内容"</option>
                        {TrainingTopic::ALL.iter().map(|t| {
                            let code = t.code();
                            view! { <option value=code selected=move || topic.get() == code>{t.label()}</option> }
                        }).collect_view()}
                    </select>
                    <span class="field-error">{error_for("topic")}</span>
                </label>
                <label>
                    {format!("学时（1–{HOURS_MAX}）")}
                    <input type="number" inputmode="numeric" min="1" max=HOURS_MAX name="hours" bind:value=hours />
                    <span class="field-error">{error_for("hours")}</span>
                </label>
                <MemberPicker legend="参训人员" grid=grid.into() chosen=attendees
                    error=Signal::derive(error_for("attendees")) />
                <SaveControls state=form.state />
            </form>
        </section>
    }
}
