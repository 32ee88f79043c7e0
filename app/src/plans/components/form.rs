//! The annual work plan form (年度工作计划). Saved to the phone's outbox first, so it works
//! offline. One plan per grid and year: choosing a grid and year the phone already holds a plan
//! for opens that plan, so writing it again edits it.
use crate::domain::annual_plan::{AnnualPlanDraft, AnnualPlanError, PARTS};
use crate::domain::draft::Draft;
use crate::filing::go_to_field_app;
use crate::layout::field_errors;
use crate::sync::client;
use crate::sync::editing::{RefusalBanner, SignedIn};
use crate::sync::outbox::{OutboxRecord, RecordDraft, RecordState};
use crate::sync::state::{ClientState, use_client};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

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
    let asked: Option<Uuid> = use_query_map()
        .with_untracked(|q| q.get("id"))
        .and_then(|id| id.parse().ok());
    let opened = asked.and_then(|id| {
        client
            .records
            .with_untracked(|all| all.iter().find(|r| r.id == id).cloned())
    });
    let start = opened
        .as_ref()
        .and_then(|r| r.draft_of::<AnnualPlanDraft>().cloned())
        .unwrap_or_else(|| AnnualPlanDraft {
            grid_id: grids.first().map_or(0, |g| g.0),
            year: default_year(),
            goals: String::new(),
            measures: String::new(),
            schedule: String::new(),
        });
    let problems = opened.as_ref().and_then(|r| match &r.state {
        RecordState::Rejected { problems } => Some(problems.clone()),
        _ => None,
    });
    let form = RwSignal::new(start);
    // The plan being edited: the one asked for, or the one held for the chosen grid and year.
    let editing = RwSignal::new(opened.map(|r| r.id).or_else(|| {
        form.with_untracked(|f| local_plan(&client, f.grid_id, f.year))
            .map(|r| r.id)
    }));
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
    let errors = RwSignal::new(Vec::<AnnualPlanError>::new());
    let store_error = RwSignal::new(None::<String>);
    let saving = RwSignal::new(false);
    let this_year = default_year();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        store_error.set(None);
        let draft = form.get_untracked();
        let Some(today) = client::today() else { return };
        if let Err(found) = draft.validate(today) {
            errors.set(found);
            return;
        }
        errors.set(Vec::new());
        saving.set(true);
        let id = editing.get_untracked();
        spawn_local(async move {
            match client::save_record(id, RecordDraft::AnnualPlan(draft)).await {
                Ok(()) => go_to_field_app("/records"),
                Err(e) => {
                    store_error.set(Some(e.to_string()));
                    saving.set(false);
                }
            }
        });
    };

    view! {
        <section class="card">
            <h1>"年度工作计划"</h1>
            <RefusalBanner problems />
            <Show when=move || editing.get().is_some()>
                <p class="hint">"手机上已有该网格这一年的计划，保存即修改它。"</p>
            </Show>
            <form on:submit=submit class="form" novalidate>
                <label>
                    "网格"
                    <select name="grid" prop:value=move || form.with(|f| f.grid_id.to_string())
                        on:change=move |ev| choose(event_target_value(&ev).parse().unwrap_or(0), form.with_untracked(|f| f.year))>
                        {grids.into_iter().map(|(id, name)| view! {
                            <option value=id.to_string() selected=move || form.with(|f| f.grid_id == id)>{name}</option>
                        }).collect_view()}
                    </select>
                    <span class="field-error">{field_errors(errors, "grid_id")}</span>
                </label>
                <label>
                    "年度"
                    <select name="year" prop:value=move || form.with(|f| f.year.to_string())
                        on:change=move |ev| choose(form.with_untracked(|f| f.grid_id), event_target_value(&ev).parse().unwrap_or(0))>
                        {[this_year - 1, this_year, this_year + 1].into_iter().map(|y| view! {
                            <option value=y.to_string() selected=move || form.with(|f| f.year == y)>{format!("{y}年")}</option>
                        }).collect_view()}
                    </select>
                    <span class="field-error">{field_errors(errors, "year")}</span>
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
                        <span class="field-error">{field_errors(errors, field)}</span>
                    </label>
                }).collect_view()}
                <button type="submit" class="button primary" disabled=move || saving.get()>"保存计划"</button>
                <Show when=move || store_error.get().is_some()>
                    <p class="error" role="alert">{move || store_error.get().unwrap_or_default()}</p>
                </Show>
            </form>
        </section>
    }
}
