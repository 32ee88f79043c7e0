//! 导入名录: choose a file, see what it would change and every bad row, then import.
use super::upload::{progress, read_chosen_file, send_file};
use super::{AdminNav, alert, hydrated};
use crate::admin::api::{ImportProgress, ImportReport, ImportStage};
use crate::admin::words;
use crate::sync::words::CHOOSE_FILE_FIRST;
use leptos::html::{Input, Select};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;
use uuid::Uuid;

/// How often a running import is asked how far it has come.
const PROGRESS_EVERY: Duration = Duration::from_millis(500);

#[component]
pub fn ImportPage() -> impl IntoView {
    let file = NodeRef::<Input>::new();
    // Read when the file is sent, not on change: a choice made before the page hydrated
    // fired no handler.
    let layout = NodeRef::<Select>::new();
    let bytes = RwSignal::new(None::<Vec<u8>>);
    let report = RwSignal::new(None::<ImportReport>);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let ready = hydrated();
    let running = RwSignal::new(None::<ImportProgress>);
    let send = move |apply: bool| {
        error.set(None);
        busy.set(true);
        spawn_local(async move {
            let data = match (apply, bytes.get_untracked(), file.get_untracked()) {
                (true, Some(data), _) => Ok(data),
                (_, _, Some(input)) => read_chosen_file(input).await,
                _ => Err(crate::error::AppError::Invalid(CHOOSE_FILE_FIRST.into())),
            };
            let result = match data {
                Ok(data) => {
                    let job = Uuid::now_v7();
                    let poll = set_interval(
                        move || {
                            spawn_local(async move {
                                if let Ok(p) = progress(job).await
                                    && busy.get_untracked()
                                {
                                    running.set(p);
                                }
                            })
                        },
                        PROGRESS_EVERY,
                    )
                    .ok();
                    let chosen = layout.get_untracked().map(|s| s.value());
                    let chosen = chosen.unwrap_or_else(|| "enterprises".into());
                    let answer = send_file(&chosen, apply, job, &data).await;
                    if let Some(poll) = poll {
                        poll.clear();
                    }
                    running.set(None);
                    bytes.set(Some(data));
                    answer
                }
                Err(e) => Err(e),
            };
            match result {
                Ok(r) => report.set(Some(r)),
                Err(e) => error.set(Some(e.to_string())),
            }
            busy.set(false);
        });
    };
    view! {
        <section class="card wide">
            <AdminNav />
            <h1>{words::IMPORT}</h1>
            <p class="muted">{words::IMPORT_HOW}</p>
            <div class="form">
                <label>
                    {words::FILE_CONTENT}
                    <select node_ref=layout on:change=move |_| report.set(None)>
                        <option value="enterprises">{words::ENTERPRISE_FILE}</option>
                        <option value="people">{words::PEOPLE_FILE}</option>
                        <option value="divisions">{words::DIVISION_FILE}</option>
                    </select>
                </label>
                <label>
                    {words::CHOOSE_FILE}
                    <input type="file" node_ref=file accept=".xlsx,.xls,.csv" on:change=move |_| { report.set(None); bytes.set(None); } />
                </label>
                <button class="button" on:click=move |_| send(false) disabled=move || busy.get() || !ready.get()>{words::PREVIEW}</button>
            </div>
            {move || error.get().map(alert)}
            {move || busy.get().then(|| view! { <Progress running /> })}
            {move || report.get().map(|r| {
                let can_apply = !r.applied && r.valid_rows > 0;
                let label = words::confirm_import(r.valid_rows);
                view! {
                    <Report report=r />
                    <Show when=move || can_apply>
                        <button class="button primary" on:click=move |_| send(true) disabled=move || busy.get()>
                            {label.clone()}
                        </button>
                    </Show>
                }
            })}
        </section>
    }
}

/// What a running preview or import is doing, with a bar while rows are written.
#[component]
fn Progress(running: RwSignal<Option<ImportProgress>>) -> impl IntoView {
    move || match running.get() {
        Some(ImportProgress {
            stage: ImportStage::Writing,
            done,
            total,
        }) => view! {
            <p class="muted" role="status">
                {words::writing(done, total)}
                <progress max=total.max(1) value=done></progress>
            </p>
        }
        .into_any(),
        _ => view! { <p class="muted" role="status">{words::READING}</p> }.into_any(),
    }
}

#[component]
fn Report(report: ImportReport) -> impl IntoView {
    let summary = words::import_summary(
        &report.layout,
        words::ImportCounts {
            total: report.total_rows,
            valid: report.valid_rows,
            errors: report.errors.len(),
            new: report.new,
            changed: report.changed,
            unchanged: report.unchanged,
        },
    );
    view! {
        <p class=if report.applied { "success" } else { "muted" } role="status">
            {if report.applied { words::IMPORTED } else { words::PREVIEWED }} {summary}
        </p>
        <Show when={let n = report.errors.len(); move || n > 0}>
            <h2>{words::BAD_ROWS}</h2>
        </Show>
        <table class="grid-table">
            <tbody>
                {report.errors.iter().map(|e| view! {
                    <tr><td>{words::row(e.row)}</td><td>{e.column.clone()}</td><td class="error">{e.message.clone()}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
        <Show when={let n = report.changes.len(); move || n > 0}>
            <h2>{words::CHANGES}</h2>
        </Show>
        <table class="grid-table">
            <tbody>
                {report.changes.iter().map(|c| view! {
                    <tr><td>{words::row(c.row)}</td><td>{c.name.clone()}</td><td>{c.key.clone()}</td><td>{c.fields.join("、")}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
        <Show when={let n = report.initial_passwords.len(); move || n > 0}>
            <h2>{words::INITIAL_PASSWORDS}</h2>
        </Show>
        <table class="grid-table">
            <tbody>
                {report.initial_passwords.iter().map(|p| view! {
                    <tr><td>{p.name.clone()}</td><td>{p.phone.clone()}</td><td><code>{p.password.clone()}</code></td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
