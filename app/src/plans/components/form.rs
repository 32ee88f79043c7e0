//! The annual work plan form (年度工作计划). Saved to the phone's outbox first, so it works
//! offline. One plan per grid and year: choosing a grid and year the phone already holds a plan
//! for opens that plan, so writing it again edits it.
use crate::directory::picker::GridChoice;
use crate::domain::annual_plan::{AnnualPlanDraft, PARTS};
use crate::filing::go_to_field_app;
use crate::plans::words;
use crate::sync::client;
use crate::sync::editing::{Editing, RecordForm, RefusalBanner, SaveControls, SignedIn};
use crate::sync::outbox::OutboxRecord;
use crate::sync::state::{ClientState, use_client};
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub fn PlanFormPage() -> impl IntoView {
    view! {
        <SignedIn allowed=|p| !p.planning_grids().is_empty() refusal=words::REFUSAL>
            <PlanForm />
        </SignedIn>
    }
}

/// The phone's plan for `grid` and `year`, if it has one.
fn local_plan(client: &ClientState, grid: i32, year: i32) -> Option<OutboxRecord> {
    client.records.with_untracked(|all| {
        all.iter()
            .find(|r| {
                r.draft_of::<AnnualPlanDraft>()
                    .is_some_and(|p| p.grid_id == grid && p.year == year)
            })
            .cloned()
    })
}

/// The year a new plan is most likely for: next year from October on, when plans are drawn.
fn default_year() -> i32 {
    client::today().map_or(2026, |d| {
        if u8::from(d.month()) >= 10 {
            d.year() + 1
        } else {
            d.year()
        }
    })
}

type Save = RecordForm<AnnualPlanDraft>;
type Form = RwSignal<AnnualPlanDraft>;

fn blank(grid_id: i32, year: i32) -> AnnualPlanDraft {
    AnnualPlanDraft {
        grid_id,
        year,
        goals: String::new(),
        measures: String::new(),
        schedule: String::new(),
    }
}

/// Opens the plan held for another grid or year, or a blank one.
fn choose(client: ClientState, editing: RwSignal<Option<Uuid>>, form: Form, grid: i32, year: i32) {
    let held = local_plan(&client, grid, year);
    editing.set(held.as_ref().map(|r| r.id));
    form.set(
        held.and_then(|r| r.draft_of::<AnnualPlanDraft>().cloned())
            .unwrap_or_else(|| blank(grid, year)),
    );
}

#[component]
fn PlanForm() -> impl IntoView {
    let client = use_client();
    let grids: Vec<(i32, String)> = client.profile.with_untracked(|p| {
        p.iter()
            .flat_map(|p| p.planning_grids())
            .map(|r| (r.grid_id, r.grid_name.clone()))
            .collect()
    });
    let opened = Editing::from_query();
    let asked = opened.id;
    let problems = opened.problems();
    let start = opened
        .draft::<AnnualPlanDraft>()
        .unwrap_or_else(|| blank(grids.first().map_or(0, |g| g.0), default_year()));
    let form = RwSignal::new(start);
    // The plan being edited: the one asked for, or the one held for the chosen grid and year.
    let save = Save::new(opened.record.map(|r| r.id).or_else(|| {
        form.with_untracked(|f| local_plan(&client, f.grid_id, f.year))
            .map(|r| r.id)
    }));
    let editing = save.editing;
    if asked.is_none()
        && let Some(held) = form
            .with_untracked(|f| local_plan(&client, f.grid_id, f.year))
            .and_then(|r| r.draft_of::<AnnualPlanDraft>().cloned())
    {
        form.set(held);
    }

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.submit(form.get_untracked(), |_| go_to_field_app("/records"));
    };

    view! {
        <section class="card">
            <h1>{words::TITLE}</h1>
            <RefusalBanner problems />
            <Show when=move || editing.get().is_some()>
                <p class="hint">{words::HELD}</p>
            </Show>
            <form on:submit=submit class="form" novalidate>
                <GridChoice grids chosen=Signal::derive(move || form.with(|f| f.grid_id))
                    on_choose=move |grid| choose(client, editing, form, grid, form.with_untracked(|f| f.year))
                    error=Signal::derive(save.error_for("grid_id")) />
                {year_field(client, save, form)}
                {PARTS.into_iter().enumerate().map(|(i, (field, label))| part_field(save, form, i, field, label)).collect_view()}
                <SaveControls state=save.state label=words::SAVE />
            </form>
        </section>
    }
}

/// The plan's year, among last year, this year and next; choosing one opens its plan.
fn year_field(client: ClientState, save: Save, form: Form) -> impl IntoView {
    let this_year = default_year();
    let choose_year = move |ev| {
        let year = event_target_value(&ev).parse().unwrap_or(0);
        choose(
            client,
            save.editing,
            form,
            form.with_untracked(|f| f.grid_id),
            year,
        )
    };
    view! {
        <label>
            {words::YEAR}
            <select name="year" prop:value=move || form.with(|f| f.year.to_string()) on:change=choose_year>
                {[this_year - 1, this_year, this_year + 1].into_iter().map(|y| view! {
                    <option value=y.to_string() selected=move || form.with(|f| f.year == y)>{words::year(y)}</option>
                }).collect_view()}
            </select>
            <span class="field-error">{save.error_for("year")}</span>
        </label>
    }
}

/// One part of the plan (the `i`-th of [`PARTS`]): a labelled text area with its error.
fn part_field(
    save: Save,
    form: Form,
    i: usize,
    field: &'static str,
    label: &'static str,
) -> impl IntoView {
    view! {
        <label>
            {label}
            <textarea name=field rows="5"
                prop:value=move || form.with(|f| f.parts()[i].clone())
                on:input=move |ev| form.update(|f| {
                    let value = event_target_value(&ev);
                    match i {
                        0 => f.goals = value,
                        1 => f.measures = value,
                        _ => f.schedule = value,
                    }
                })></textarea>
            <span class="field-error">{save.error_for(field)}</span>
        </label>
    }
}
