//! 培训计划 in the township view: the unit's plan for the year, subject by subject, against
//! the trainings held; whoever draws it up edits the sessions and their timing in place.
use super::api::{TrainingPlan, load_training_plan, save_training_plan};
use super::words;
use crate::admin::components::{alert, hydrated};
use crate::domain::training_plan::{
    PlanLine, SESSIONS_MAX, SUBJECTS, SubjectProgress, TrainingPlanDraft,
};
use crate::error::AppError;
use crate::layout::words as shared;
use crate::township::edited::Edited;
use crate::waivers::components::WaiveDuty;
use leptos::prelude::*;

#[component]
pub fn TrainingPlanCard(scope: i32, year: i32) -> impl IntoView {
    let loaded = Resource::new(move || (scope, year), |(s, y)| load_training_plan(s, y));
    let edited = Edited::<TrainingPlan>::default();
    let (latest, refusal) = (edited.latest, edited.refusal);
    let save = Action::new(move |plan: &TrainingPlanDraft| save_training_plan(scope, plan.clone()));
    edited.follow(save);
    // After a waiver, the plan's verdict is read again.
    let reload = Callback::new(move |()| {
        latest.set(None);
        loaded.refetch();
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
            {move || loaded.get().map(|first| {
                let shown = edited.shown(first);
                move || match shown() {
                    Err(why) => Some(alert(why).into_any()),
                    Ok(None) => None,
                    Ok(Some(plan)) => Some(view! {
                        <PlanView plan save refusal saved=latest.get_untracked().is_some() reload />
                    }.into_any()),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PlanView(
    plan: TrainingPlan,
    save: Action<TrainingPlanDraft, Result<TrainingPlan, AppError>>,
    refusal: RwSignal<Option<String>>,
    saved: bool,
    reload: Callback<()>,
) -> impl IntoView {
    let ready = hydrated();
    let year = plan.year;
    // One editable row per subject: the sessions as typed, and the note.
    let (planned, others): (Vec<SubjectProgress>, Vec<SubjectProgress>) =
        (plan.subjects.iter().cloned()).partition(|s| SUBJECTS.contains(&s.topic));
    let summary = words::summary(
        planned.iter().map(|s| s.planned).sum(),
        planned.iter().map(|s| s.held).sum(),
        planned.iter().map(SubjectProgress::behind).sum(),
    );
    let behind = planned.iter().any(|s| s.behind() > 0);
    let rows: Vec<_> = planned
        .iter()
        .map(|s| {
            let sessions = RwSignal::new(s.planned.to_string());
            (s.topic, s.held, sessions, RwSignal::new(s.note.clone()))
        })
        .collect();
    let may_edit = plan.may_edit;
    let submit = {
        let rows = rows.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let lines: Vec<PlanLine> = rows
                .iter()
                .map(|(topic, _, sessions, note)| PlanLine {
                    topic: *topic,
                    // Not a number: more than any plan may hold, so the server names the row.
                    sessions: sessions.get_untracked().trim().parse().unwrap_or(u32::MAX),
                    note: note.get_untracked(),
                })
                .collect();
            save.dispatch(TrainingPlanDraft { year, lines });
        }
    };
    let others = (others.into_iter())
        .map(
            |s| view! { <tr><td>{s.topic.label()}</td><td>"—"</td><td>{s.held}</td><td></td></tr> },
        )
        .collect_view();
    view! {
        <section class="training-plan">
            <h2>{words::title(&plan.unit, year)}</h2>
            <p class="plan-duty">
                {plan.drawn_up_on.as_deref().map(words::drawn_up_on)}
                {plan.duty.map(|(status, due)| view! {
                    " " <span class=format!("status {}", status.code())>{status.label()}</span>
                    " " <span class="muted">{words::deadline(&due)}</span>
                })}
            </p>
            {plan.excuse.map(|duty| view! { <WaiveDuty duty done=reload /> })}
            {if plan.drawn_up_on.is_some() {
                let class = if behind { "status overdue" } else { "muted" };
                view! { <p class=class>{summary}</p> }.into_any()
            } else {
                view! { <p class="muted">{words::NOT_DRAWN_UP}</p> }.into_any()
            }}
            {move || refusal.get().map(alert)}
            {saved.then(|| view! { <p role="status" class="muted">{words::SAVED}</p> })}
            <form class="form" on:submit=submit novalidate>
                <table class="grid-table plan-table">
                    <thead><tr>
                        <th>{words::SUBJECT}</th><th>{words::PLANNED}</th><th>{words::HELD}</th><th>{words::NOTE}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(topic, held, sessions, note)| {
                            view! {
                                <tr>
                                    <td>{topic.label()}</td>
                                    <td>{if may_edit {
                                        view! { <input type="number" inputmode="numeric" min="0" max=SESSIONS_MAX
                                            name=format!("sessions_{}", topic.code()) aria-label=topic.label()
                                            prop:value=sessions on:input=move |ev| sessions.set(event_target_value(&ev)) /> }.into_any()
                                    } else {
                                        view! { {move || sessions.get()} }.into_any()
                                    }}</td>
                                    <td>
                                        {held}
                                        {move || {
                                            let planned: u32 = sessions.get().trim().parse().unwrap_or(0);
                                            (planned > held).then(|| view! { " " <span class="status overdue">{words::behind(planned - held)}</span> })
                                        }}
                                    </td>
                                    <td>{if may_edit {
                                        view! { <input name=format!("note_{}", topic.code()) placeholder=words::NOTE_HINT
                                            prop:value=note on:input=move |ev| note.set(event_target_value(&ev)) /> }.into_any()
                                    } else {
                                        view! { {move || note.get()} }.into_any()
                                    }}</td>
                                </tr>
                            }
                        }).collect_view()}
                        {others}
                    </tbody>
                </table>
                {may_edit.then(|| view! {
                    <button type="submit" class="button primary" disabled=move || !ready.get()>{words::SAVE}</button>
                })}
            </form>
            <p class="muted">{words::joint_reviews(year, plan.joint_reviews)}</p>
            <p class="hint">{words::SOURCE}</p>
        </section>
    }
}
