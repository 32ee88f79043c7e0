//! The annual work plan form (年度工作计划). Saved to the phone's outbox first, so it works
//! offline. One plan per grid and year: choosing a grid and year the phone already holds a plan
//! for opens that plan, so writing it again edits it.
use crate::directory::picker::GridChoice;
use crate::domain::annual_plan::{AnnualPlanDraft, PARTS};
use crate::filing::go_to_field_app;
use crate::sync::client;
use crate::sync::editing::{Editing, RecordForm, RefusalBanner, SaveControls, SignedIn};
use crate::sync::outbox::OutboxRecord;
use crate::sync::state::{ClientState, use_client};
use leptos::prelude::*;

#[component]
pub fn PlanFormPage() -> impl IntoView {
    view! {
        <SignedIn allowed=|p| !p.reporting_grids().is_empty() refusal="年度工作计划由企业网格长填写。">
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

#[component]
fn PlanForm() -> impl IntoView {
    let client = use_client();
    let grids: Vec<(i32, String)> = client.profile.with_untracked(|p| {
        p.iter()
            .flat_map(|p| p.reporting_grids())
            .map(|r| (r.grid_id, r.grid_name.clone()))
            .collect()
    });
    let opened = Editing::from_query();
    let asked = opened.id;
    let problems = opened.problems();
    let start = opened
        .draft::<AnnualPlanDraft>()
        .unwrap_or_else(|| AnnualPlanDraft {
            grid_id: grids.first().map_or(0, |g| g.0),
            year: default_year(),
            goals: String::new(),
            measures: String::new(),
            schedule: String::new(),
        });
    let form = RwSignal::new(start);
    // The plan being edited: the one asked for, or the one held for the chosen grid and year.
    let save = RecordForm::<AnnualPlanDraft>::new(opened.record.map(|r| r.id).or_else(|| {
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
    // Choosing another grid or year opens the plan held for it, or a blank one.
    let choose = move |grid: i32, year: i32| {
        let held = local_plan(&client, grid, year);
        editing.set(held.as_ref().map(|r| r.id));
        form.set(
            held.and_then(|r| r.draft_of::<AnnualPlanDraft>().cloned())
                .unwrap_or(AnnualPlanDraft {
                    grid_id: grid,
                    year,
                    goals: String::new(),
                    measures: String::new(),
                    schedule: String::new(),
                }),
        );
    };
    let this_year = default_year();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.submit(form.get_untracked(), |_| go_to_field_app("/records"));
    };

    view! {
        <section class="card">
            <h1>"年度工作计划"</h1>
            <RefusalBanner problems />
            <Show when=move || editing.get().is_some()>
                <p class="hint">"手机上已有该网格这一年的计划，保存即修改它。"</p>
            </Show>
            <form on:submit=submit class="form" novalidate>
                <GridChoice grids chosen=Signal::derive(move || form.with(|f| f.grid_id))
                    on_choose=move |grid| choose(grid, form.with_untracked(|f| f.year))
                    error=Signal::derive(save.error_for("grid_id")) />
                <label>
                    "年度"
                    <select name="year" prop:value=move || form.with(|f| f.year.to_string())
                        on:change=move |ev| choose(form.with_untracked(|f| f.grid_id), event_target_value(&ev).parse().unwrap_or(0))>
                        {[this_year - 1, this_year, this_year + 1].into_iter().map(|y| view! {
                            <option value=y.to_string() selected=move || form.with(|f| f.year == y)>{format!("{y}年")}</option>
                        }).collect_view()}
                    </select>
                    <span class="field-error">{save.error_for("year")}</span>
                </label>
                {PARTS.into_iter().enumerate().map(|(i, (field, label))| view! {
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
                }).collect_view()}
                <SaveControls state=save.state label="保存计划" />
            </form>
        </section>
    }
}
