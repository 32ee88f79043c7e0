//! A progress report (阶段进展报告, 004 §七): the grid reporting, the report and deadline it
//! answers (offered from the policy's fixed-date reports in the phone's directory), progress,
//! problems and suggestions, and the documents issued. Saved to the phone's outbox first, so
//! it works offline; validated as the server does.
use super::super::words;
use crate::directory::picker::GridChoice;
use crate::domain::grid::GridKind;
use crate::domain::period::format_date;
use crate::domain::permission::Ability;
use crate::domain::progress_report::{PARTS, ProgressReportDraft, deadlines};
use crate::filing::go_to_field_app;
use crate::photos::components::PhotoPicker;
use crate::sync::client;
use crate::sync::editing::{Editing, RecordForm, RefusalBanner, SaveControls, SignedIn};
use crate::sync::state::use_client;
use leptos::prelude::*;

#[component]
pub fn ProgressFormPage() -> impl IntoView {
    view! {
        <SignedIn allowed=|p| p.may(Ability::ReportProgress) refusal=words::REFUSAL>
            <ProgressForm />
        </SignedIn>
    }
}

type Save = RecordForm<ProgressReportDraft>;
type Form = RwSignal<ProgressReportDraft>;

/// The deadlines a grid of `kind` may report for, as (label, `YYYY-MM-DD`), oldest first; a
/// stage's once the stage has opened (the server refuses it before).
fn choices(kind: Option<GridKind>) -> Vec<(String, String)> {
    let today = client::today();
    let (Some(kind), Some(today)) = (kind, today) else {
        return Vec::new();
    };
    use_client().directory.with_untracked(|d| {
        deadlines(&d.fixed_reports, kind, today)
            .into_iter()
            .filter(|d| d.open_on(today))
            .map(|d| (d.label, format_date(d.date)))
            .collect()
    })
}

/// The first of `offered` not yet passed, else the last one.
fn next_deadline(offered: &[(String, String)]) -> (String, String) {
    let today = client::today().map(format_date).unwrap_or_default();
    (offered.iter().find(|(_, d)| *d >= today))
        .or(offered.last())
        .cloned()
        .unwrap_or_default()
}

#[component]
fn ProgressForm() -> impl IntoView {
    let client = use_client();
    let grids: Vec<(i32, String, GridKind)> = client.profile.with_untracked(|p| {
        p.iter()
            .flat_map(|p| p.grids_permitting(Ability::ReportProgress))
            .map(|r| (r.grid_id, r.grid_name.clone(), r.kind))
            .filter(|g| !choices(Some(g.2)).is_empty())
            .collect()
    });
    let kinds = StoredValue::new(grids.iter().map(|g| (g.0, g.2)).collect::<Vec<_>>());
    let kind_of = move |id: i32| kinds.with_value(|k| k.iter().find(|g| g.0 == id).map(|g| g.1));
    let opened = Editing::from_query();
    let problems = opened.problems();
    let save = Save::new(opened.id);
    let editing = opened.id;
    let form = RwSignal::new(opened.draft::<ProgressReportDraft>().unwrap_or_else(|| {
        let grid_id = grids.first().map_or(0, |g| g.0);
        let (label, deadline) = next_deadline(&choices(kind_of(grid_id)));
        ProgressReportDraft {
            grid_id,
            label,
            deadline,
            progress: String::new(),
            problems: String::new(),
            documents: String::new(),
            photos: Vec::new(),
        }
    }));
    let photos = RwSignal::new(form.with_untracked(|f| f.photos.clone()));
    let offered = Memo::new(move |_| {
        let (grid, label, deadline) =
            form.with(|f| (f.grid_id, f.label.clone(), f.deadline.clone()));
        let mut offered = choices(kind_of(grid));
        let current = (label, deadline);
        if !current.0.is_empty() && !offered.contains(&current) {
            offered.push(current);
        }
        offered
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut draft = form.get_untracked();
        draft.photos = photos.get_untracked();
        save.submit(draft, |_| go_to_field_app("/records"));
    };
    let pick = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev).parse::<usize>().ok();
        let picked = chosen.and_then(|i| offered.with_untracked(|o| o.get(i).cloned()));
        if let Some((label, deadline)) = picked {
            form.update(|f| {
                f.label = label;
                f.deadline = deadline;
            });
        }
    };
    let grid_choices: Vec<(i32, String)> = grids.iter().map(|g| (g.0, g.1.clone())).collect();
    view! {
        <section class="card">
            <h1>{if editing.is_some() { words::EDIT } else { words::TITLE }}</h1>
            <RefusalBanner problems />
            {grid_choices.is_empty().then(|| view! { <p class="empty">{words::NO_DEADLINE}</p> })}
            <form on:submit=submit class="form" novalidate>
                <GridChoice label=words::GRID grids=grid_choices
                    chosen=Signal::derive(move || form.with(|f| f.grid_id))
                    on_choose=move |grid| form.update(|f| {
                        f.grid_id = grid;
                        let offered = choices(kind_of(grid));
                        if !offered.iter().any(|(l, d)| *l == f.label && *d == f.deadline) {
                            (f.label, f.deadline) = next_deadline(&offered);
                        }
                    })
                    error=Signal::derive(save.error_for("grid_id")) />
                <label>
                    {words::DEADLINE}
                    <select name="deadline" on:change=pick>
                        {move || offered.get().into_iter().enumerate().map(|(i, (label, deadline))| {
                            let chosen = form.with(|f| f.label == label && f.deadline == deadline);
                            view! { <option value=i.to_string() selected=chosen>{words::choice(&label, &deadline)}</option> }
                        }).collect_view()}
                    </select>
                    <span class="field-error">{save.error_for("label")}</span>
                    <span class="field-error">{save.error_for("deadline")}</span>
                </label>
                {PARTS.into_iter().enumerate().map(|(i, (field, label, _))| part_field(save, form, i, field, label)).collect_view()}
                <p class="hint">{words::SCANS_HINT}</p>
                <PhotoPicker photos />
                <span class="field-error">{save.error_for("photos")}</span>
                <SaveControls state=save.state label=words::SAVE />
            </form>
        </section>
    }
}

/// One written part of the report (the `i`-th of [`PARTS`]): a labelled text area.
fn part_field(
    save: Save,
    form: Form,
    i: usize,
    field: &'static str,
    label: &'static str,
) -> impl IntoView {
    // The documents issued are listed a title per line.
    let hint = if field == "documents" {
        words::DOCUMENTS_HINT
    } else {
        ""
    };
    view! {
        <label>
            {label}
            <textarea name=field rows="4" placeholder=hint
                prop:value=move || form.with(|f| f.parts()[i].clone())
                on:input=move |ev| form.update(|f| *f.part_mut(i) = event_target_value(&ev))></textarea>
            <span class="field-error">{save.error_for(field)}</span>
        </label>
    }
}
