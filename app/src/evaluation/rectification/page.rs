//! 整改事项 (`/evaluation/rectification`, office app): each unit whose self-assessment the person
//! fills, with the items its inspection took points off; each closed with a note and photos.
use super::api::{ClosingEntry, ClosingLine, TaskLine, UnitTasks, close_task, my_tasks};
use super::words;
use crate::admin::components::hydrated;
use crate::evaluation::components::own::{Message, on_answer, own_page};
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub fn RectificationPage() -> impl IntoView {
    own_page(words::TITLE, words::HOW, my_tasks, |units, message| {
        view! { <Units units message /> }
    })
}

#[component]
fn Units(units: Vec<UnitTasks>, message: Message) -> impl IntoView {
    let shown = RwSignal::new(units);
    let close = Action::new(|entry: &ClosingEntry| close_task(entry.clone()));
    on_answer(close, shown, message, words::SAVED);
    move || {
        let units = shown.get();
        if units.is_empty() {
            return view! { <p class="empty">{words::NONE}</p> }.into_any();
        }
        units
            .into_iter()
            .map(|unit| {
                let (campaign_id, code) = (unit.campaign_id, unit.code.clone());
                view! {
                    <h2>{unit.unit}</h2>
                    <p class="muted">{unit.campaign}</p>
                    <ol class="tasks">
                        {unit.tasks.into_iter().map(|task| view! {
                            <Task task campaign_id code=code.clone() close />
                        }).collect_view()}
                    </ol>
                }
            })
            .collect_view()
            .into_any()
    }
}

#[component]
fn Task(
    task: TaskLine,
    campaign_id: i32,
    code: String,
    close: Action<ClosingEntry, Result<Vec<UnitTasks>, crate::error::AppError>>,
) -> impl IntoView {
    let ready = hydrated();
    let note = NodeRef::<leptos::html::Textarea>::new();
    let kept = task
        .closing
        .as_ref()
        .map_or_else(Vec::new, |c| c.photos.clone());
    let photos = RwSignal::new(kept);
    let item = task.item.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(note) = note.get() else { return };
        close.dispatch(ClosingEntry {
            campaign_id,
            code: code.clone(),
            item: item.clone(),
            note: note.value(),
            photos: photos.get_untracked(),
        });
    };
    let (state, button) = match &task.closing {
        Some(c) => match &c.returned {
            Some(returned) => (returned.clone(), words::CLOSE_AGAIN),
            None => (c.by.clone(), words::UPDATE),
        },
        None => (words::OPEN.to_owned(), words::CLOSE),
    };
    let closed = task.closing.as_ref().is_some_and(ClosingLine::stands);
    let written = task
        .closing
        .as_ref()
        .map(|c| c.note.clone())
        .unwrap_or_default();
    view! {
        <li class="task">
            <p>{task.text}" "<strong class=if closed { "success" } else { "warning" }>{state}</strong></p>
            <form class="form" on:submit=submit>
                <label>{words::NOTE}
                    <textarea node_ref=note name="note" rows="3" maxlength="500">{written}</textarea>
                </label>
                <Evidence photos label=words::EVIDENCE />
                <button class="button primary" type="submit"
                    disabled=move || !ready.get() || close.pending().get()>{button}</button>
            </form>
        </li>
    }
}

/// Photos of a closing or a report: those kept, each removable, and a picker that uploads at
/// once.
#[component]
pub(crate) fn Evidence(photos: RwSignal<Vec<Uuid>>, label: &'static str) -> impl IntoView {
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    #[cfg(feature = "hydrate")]
    let pick = move |ev: leptos::ev::Event| super::evidence::upload_from(ev, photos, busy, problem);
    #[cfg(not(feature = "hydrate"))]
    let pick = move |_: leptos::ev::Event| {};
    view! {
        <div class="photos">
            <label>{label}
                <input type="file" name="evidence" accept="image/*" multiple
                    disabled=move || busy.get() on:change=pick />
            </label>
            <Show when=move || busy.get()>
                <p class="hint" role="status">{words::UPLOADING}</p>
            </Show>
            {move || problem.get().map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
            <ul class="thumbs">
                <For each=move || photos.get() key=|id| *id let(id)>
                    <li>
                        <img class="thumb" src=crate::photos::photo_url(id) alt=label />
                        <button type="button" class="button subtle"
                            on:click=move |_| photos.update(|p| p.retain(|x| *x != id))>
                            {crate::photos::words::REMOVE}
                        </button>
                    </li>
                </For>
            </ul>
        </div>
    }
}

/// How a task was closed, for the bureau's review.
pub fn closing(line: ClosingLine) -> impl IntoView {
    view! {
        <br /><small class="success">{line.by}</small>
        {line.returned.map(|r| view! { <br /><small class="warning">{r}</small> })}
        <br /><small>{line.note}</small>
        {line.photos.into_iter().map(|p| view! {
            <a href=crate::photos::photo_url(p) rel="external">
                <img class="thumb" src=crate::photos::photo_url(p) alt=words::EVIDENCE loading="lazy" />
            </a>
        }).collect_view()}
    }
}
