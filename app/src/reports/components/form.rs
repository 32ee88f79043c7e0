//! The grid leader's monthly report form (情况汇报). Saved to the phone's outbox first, so it
//! works offline; the month's visits on this phone are counted in, synced and pending alike.
use super::item::month_label;
use crate::directory::picker::GridChoice;
use crate::domain::period::{Month, parse_date};
use crate::domain::report::{MonthFigures, ReportDraft};
use crate::layout::split::{Unavailable, drawn};
use crate::layout::words as shared;
use crate::reports::words;
use crate::sync::client;
use crate::sync::editing::{Editing, RecordForm, SaveControls};
use crate::sync::outbox::{OutboxRecord, RecordDraft, RecordState};
use crate::sync::state::{ClientState, use_client};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn ReportFormPage() -> impl IntoView {
    let client = use_client();
    view! {
        <Show when=move || client.ready.get() fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
            <Show
                when=move || client.profile.with(|p| p.as_ref().is_some_and(|p| !p.reporting_grids().is_empty()))
                fallback=|| view! { <p class="card">{words::ONLY_LEADERS} <A href="/login">{shared::SIGN_IN}</A> {words::LEADER_ACCOUNT}</p> }
            >
                {drawn(report_form(), false)}
            </Show>
        </Show>
    }
}

/// The form: a split ([`crate::layout::split`]), drawn once the phone is read.
#[cfg_attr(feature = "split-pages", lazy(fallible))]
async fn report_form() -> Result<AnyView, Unavailable> {
    Ok(view! { <ReportForm /> }.into_any())
}

/// The phone's report for `grid` and `month`, if it has one.
fn local_report(client: &ClientState, grid: i32, month: &str) -> Option<OutboxRecord> {
    client.records.with_untracked(|all| {
        all.iter()
            .find(|r| {
                r.draft_of::<ReportDraft>()
                    .is_some_and(|d| d.grid_id == grid && d.month == month)
            })
            .cloned()
    })
}

/// The grid's records of the month: the server's count from every member (as of the last
/// sync), and the records on this phone the server has not received yet. An unsent first
/// version is new to the server; a later one only changes a record it counted.
fn month_figures(client: &ClientState, grid: i32, month: &str) -> MonthFigures {
    let Ok(month) = Month::parse(month) else {
        return MonthFigures::default();
    };
    let key = month.to_string();
    let server = client.duties.with(|d| {
        d.iter()
            .flat_map(|d| &d.month_figures)
            .find(|f| f.grid_id == grid && f.month == key)
            .map(|f| f.figures)
            .unwrap_or_default()
    });
    let enterprises: Vec<i32> = client.directory.with(|d| {
        d.enterprises
            .iter()
            .filter(|e| e.grid_id == grid)
            .map(|e| e.id)
            .collect()
    });
    let in_month = |day: &str| parse_date(day).is_ok_and(|d| month.contains(d));
    let mut unsent = MonthFigures::default();
    client.records.with(|all| {
        let new_to_server = all
            .iter()
            .filter(|r| r.state == RecordState::Pending && r.version == 1 && !r.withdrawn);
        for r in new_to_server {
            match &r.draft {
                RecordDraft::Visit(v)
                    if enterprises.contains(&v.enterprise_id) && in_month(&v.visit_date) =>
                {
                    unsent.visits += 1
                }
                RecordDraft::Activity(a) if a.grid_id == grid && in_month(&a.activity_date) => {
                    unsent.activities += 1
                }
                RecordDraft::Training(t) if t.grid_id == grid && in_month(&t.training_date) => {
                    unsent.trainings += 1
                }
                _ => {}
            }
        }
    });
    server.plus(unsent)
}

/// The grids the person leads, with their names.
fn led_grids(client: &ClientState) -> Vec<(i32, String)> {
    client.profile.with_untracked(|p| {
        p.as_ref()
            .map(|p| {
                p.reporting_grids()
                    .iter()
                    .map(|r| (r.grid_id, r.grid_name.clone()))
                    .collect()
            })
            .unwrap_or_default()
    })
}

/// What the township said, and what the server refused, about the report being edited.
fn notice(record: Option<&OutboxRecord>) -> Option<String> {
    match &record?.state {
        RecordState::Returned { comment } => Some(words::returned_by_reviewer(
            comment.as_deref().unwrap_or_default(),
        )),
        RecordState::Rejected { problems } => Some(words::refused_by_server(
            &problems
                .iter()
                .map(|p| p.message.clone())
                .collect::<Vec<_>>()
                .join("；"),
        )),
        _ => None,
    }
}

type Save = RecordForm<ReportDraft>;

#[component]
fn ReportForm() -> impl IntoView {
    let client = use_client();
    let query = use_query_map();
    let grids = led_grids(&client);
    let opened = Editing::from_query();
    let this_month = client::today().map(Month::of).map(|m| m.to_string());
    let draft = opened.draft::<ReportDraft>();
    let grid = RwSignal::new(
        draft
            .as_ref()
            .map(|d| d.grid_id)
            .or_else(|| query.with_untracked(|q| q.get("grid").and_then(|g| g.parse().ok())))
            .or(grids.first().map(|g| g.0))
            .unwrap_or(0),
    );
    let month = RwSignal::new(
        draft
            .as_ref()
            .map(|d| d.month.clone())
            .or_else(|| query.with_untracked(|q| q.get("month")))
            .or(this_month)
            .unwrap_or_default(),
    );
    let text = |f: fn(&ReportDraft) -> &String| {
        RwSignal::new(draft.as_ref().map(|d| f(d).clone()).unwrap_or_default())
    };
    let parts = [
        text(|d| &d.work_done),
        text(|d| &d.problems),
        text(|d| &d.next_steps),
    ];
    let notice = notice(opened.record.as_ref());
    let save = Save::new(opened.id);

    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [work_done, problems, next_steps] = parts.map(|p| p.get_untracked());
        let draft = ReportDraft {
            grid_id: grid.get_untracked(),
            month: month.get_untracked(),
            work_done,
            problems,
            next_steps,
        };
        let navigate = navigate.clone();
        submit_report(client, save, draft, move || {
            navigate("/records", Default::default())
        });
    };

    view! {
        <section class="card">
            <h1>{words::TITLE}</h1>
            {notice.map(|n| view! { <p class="error" role="alert">{n}</p> })}
            <form on:submit=submit class="form" novalidate>
                <GridChoice grids=grids.clone() chosen=grid on_choose=move |g| grid.set(g)
                    error=Signal::derive(save.error_for("grid_id")) />
                {month_and_figures(client, save, grid, month, parts[0])}
                <Part label=words::WORK_DONE name="work_done" placeholder=words::WORK_DONE_HINT
                    value=parts[0] error=Signal::derive(save.error_for("work_done")) />
                <Part label=words::PROBLEMS name="problems" placeholder=words::PROBLEMS_HINT
                    value=parts[1] error=Signal::derive(save.error_for("problems")) />
                <Part label=words::NEXT_STEPS name="next_steps" placeholder=""
                    value=parts[2] error=Signal::derive(save.error_for("next_steps")) />
                <SaveControls state=save.state label=words::SAVE />
            </form>
        </section>
    }
}

/// Saves the report, unless its month is approved and locked. One report per grid and month:
/// writing it again edits the one the phone holds.
fn submit_report(
    client: ClientState,
    save: Save,
    draft: ReportDraft,
    then: impl FnOnce() + 'static,
) {
    let existing = local_report(&client, draft.grid_id, draft.month.trim());
    if existing
        .as_ref()
        .is_some_and(|r| r.state == RecordState::Approved)
    {
        save.refuse(words::locked_month(&month_label(&draft.month)));
        return;
    }
    save.editing.set(existing.map(|r| r.id));
    save.submit(draft, move |_| then());
}

/// The month reported on, the grid's figures of that month, and a button that quotes them in
/// 本月工作情况 (`work_done`), for the leader to keep or edit.
fn month_and_figures(
    client: ClientState,
    save: Save,
    grid: RwSignal<i32>,
    month: RwSignal<String>,
    work_done: RwSignal<String>,
) -> impl IntoView {
    let figures = move || month_figures(&client, grid.get(), &month.get());
    let quote = move |_| {
        let sentence = figures().sentence(&month_label(&month.get_untracked()));
        work_done.update(|text| {
            if !text.trim().is_empty() {
                text.push('\n');
            }
            text.push_str(&sentence);
        });
    };
    view! {
        <label>
            {words::MONTH}
            <input type="month" name="month" bind:value=month />
            <span class="field-error">{save.error_for("month")}</span>
        </label>
        <p class="hint" role="status">
            {move || {
                let f = figures();
                words::month_figures(&month_label(&month.get()), f.visits, f.activities, f.trainings)
            }}
        </p>
        <button type="button" class="button subtle" on:click=quote>{words::QUOTE_FIGURES}</button>
    }
}

/// One part of the report: a labelled text area with its error. One component for all three
/// parts, so the browser bundle carries its code once.
#[component]
fn Part(
    label: &'static str,
    name: &'static str,
    placeholder: &'static str,
    value: RwSignal<String>,
    error: Signal<String>,
) -> impl IntoView {
    view! {
        <label>
            {label}
            <textarea name=name rows="4" placeholder=placeholder
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))></textarea>
            <span class="field-error">{move || error.get()}</span>
        </label>
    }
}
