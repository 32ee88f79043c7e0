//! 筹备阶段 in the township view: a unit's milestones for the year with their verdicts, marked
//! done in place by whoever may; for the city, every unit's verdicts below its own.
use super::api::{
    MilestoneRow, Preparation, UnitStage, load_preparation, mark_milestone, unmark_milestone,
};
use super::words;
use crate::admin::components::{alert, hydrated};
use crate::domain::cadence::Status;
use crate::domain::period::format_date;
use crate::domain::preparation::{DOCUMENT_MAX_CHARS, Milestone, MilestoneMark};
use crate::error::AppError;
use crate::layout::words as shared;
use crate::township::edited::Edited;
use leptos::prelude::*;

/// A change to one milestone: marked (again) or taken back.
#[derive(Clone)]
enum Change {
    Mark(MilestoneMark),
    Unmark(Milestone),
}

#[component]
pub fn PreparationCard(scope: i32, year: i32) -> impl IntoView {
    let loaded = Resource::new(move || (scope, year), |(s, y)| load_preparation(s, y));
    let edited = Edited::<Preparation>::default();
    let refusal = edited.refusal;
    let change = Action::new(move |c: &Change| {
        let c = c.clone();
        async move {
            match c {
                Change::Mark(mark) => mark_milestone(scope, year, mark).await,
                Change::Unmark(m) => unmark_milestone(scope, year, m).await,
            }
        }
    });
    edited.follow(change);
    view! {
        <Suspense fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
            {move || loaded.get().map(|first| {
                let shown = edited.shown(first);
                move || match shown() {
                    Err(why) => Some(alert(why).into_any()),
                    Ok(None) => None,
                    Ok(Some(stage)) => Some(view! { <StageView stage change refusal /> }.into_any()),
                }
            })}
        </Suspense>
    }
}

#[component]
fn StageView(
    stage: Preparation,
    change: Action<Change, Result<Preparation, AppError>>,
    refusal: RwSignal<Option<String>>,
) -> impl IntoView {
    let may_edit = stage.may_edit;
    view! {
        <section class="preparation">
            <h2>{words::title(&stage.unit, stage.year)}</h2>
            {move || refusal.get().map(alert)}
            <table class="grid-table">
                <thead><tr><th>{words::MILESTONE}</th><th>{words::STATUS}</th></tr></thead>
                <tbody>
                    {stage.milestones.into_iter().map(|row| view! { <Row row may_edit change /> }).collect_view()}
                </tbody>
            </table>
            {(!stage.units.is_empty()).then(|| view! { <Units units=stage.units /> })}
        </section>
    }
}

#[component]
fn Row(
    row: MilestoneRow,
    may_edit: bool,
    change: Action<Change, Result<Preparation, AppError>>,
) -> impl IntoView {
    let ready = hydrated();
    let milestone = row.milestone;
    let today = crate::sync::client::today()
        .map(format_date)
        .unwrap_or_default();
    let done_on = RwSignal::new(row.done_on.clone().unwrap_or(today));
    let document = RwSignal::new(row.document.clone());
    let marked = row.done_on.is_some();
    let form = may_edit.then(|| view! {
        <details class="waive">
            <summary>{if marked { words::CORRECT } else { words::MARK }}</summary>
            <div class="form">
                <label>
                    {words::DONE_ON}
                    <input type="date" name="done_on" prop:value=done_on
                        on:input=move |ev| done_on.set(event_target_value(&ev)) />
                </label>
                {milestone.issues_document().then(|| view! {
                    <label>
                        {words::DOCUMENT}
                        <input name="document" maxlength=DOCUMENT_MAX_CHARS placeholder=words::DOCUMENT_HINT
                            prop:value=document on:input=move |ev| document.set(event_target_value(&ev)) />
                    </label>
                })}
                <button type="button" class="button primary"
                    disabled=move || !ready.get() || change.pending().get()
                    on:click=move |_| {
                        change.dispatch(Change::Mark(MilestoneMark {
                            milestone,
                            done_on: done_on.get_untracked(),
                            document: document.get_untracked(),
                        }));
                    }>{words::SAVE}</button>
                {marked.then(|| view! {
                    <button type="button" class="button subtle"
                        disabled=move || !ready.get() || change.pending().get()
                        on:click=move |_| { change.dispatch(Change::Unmark(milestone)); }>{words::UNMARK}</button>
                })}
            </div>
        </details>
    });
    view! {
        <tr>
            <td>
                {milestone.label()}
                <br /><span class="muted">{words::DUE} " " {words::by(&row.due)}</span>
                {row.evidence.map(|e| view! { <br /><span class="muted">{e}</span> })}
            </td>
            <td>
                <Verdict status=row.status />
                {row.done_on.map(|d| view! { " " <span class="muted">{d}</span> })}
                {(!row.document.is_empty()).then(|| view! { <br />"《" {row.document} "》" })}
                {form}
            </td>
        </tr>
    }
}

/// 各单位筹备情况: each level-2 unit's milestones, for the city.
#[component]
fn Units(units: Vec<UnitStage>) -> impl IntoView {
    view! {
        <h3>{words::UNITS}</h3>
        <table class="grid-table">
            <thead><tr><th>{words::UNIT}</th><th>{words::STATUS}</th></tr></thead>
            <tbody>
                {units.into_iter().map(|u| view! {
                    <tr>
                        <td>{u.unit}</td>
                        <td>
                            {u.milestones.into_iter().map(|(m, status)| view! {
                                <div>{m.label()} " " <Verdict status /></div>
                            }).collect_view()}
                        </td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn Verdict(status: Status) -> impl IntoView {
    view! { <span class=format!("status {}", status.code())>{status.label()}</span> }
}
