//! 企业: find enterprises of the directory, add one, edit it, move it to another grid, close it
//! or open it again.
use super::{AdminNav, alert, hydrated};
use crate::admin::api::{
    ENTERPRISE_LIST_MAX, EnterpriseChange, EnterpriseEntry, EnterpriseQuery, GridNode,
    change_enterprise, list_enterprises, list_grids,
};
use crate::admin::words;
use crate::domain::enterprise::{EnterpriseDraft, describe};
use crate::domain::grid::{GridKind, Industry};
use crate::layout::words as shared;
use leptos::prelude::*;

#[component]
pub fn EnterprisesPage() -> impl IntoView {
    let grids = Resource::new(|| (), |_| list_grids());
    let query = RwSignal::new(EnterpriseQuery::default());
    let found = Resource::new(move || query.get(), list_enterprises);
    let grid_filter = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let include_closed = RwSignal::new(false);
    // The form: `None` hides it, `Some(None)` adds, `Some(Some(id))` edits that enterprise.
    let editing = RwSignal::new(None::<Option<i32>>);
    let draft = RwSignal::new(EnterpriseDraft::default());
    let error = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<String>);
    let warnings = RwSignal::new(Vec::<String>::new());
    let ready = hydrated();
    let apply = Action::new(move |change: &EnterpriseChange| change_enterprise(change.clone()));
    Effect::new(move |_| match apply.value().get() {
        Some(Ok(saved)) => {
            error.set(None);
            editing.set(None);
            let state = if saved.closed {
                words::CLOSED
            } else {
                shared::SAVED
            };
            message.set(Some(words::enterprise_done(state, &saved.fields.name)));
            warnings.set(saved.warnings);
            found.refetch();
            grids.refetch();
        }
        Some(Err(e)) => {
            message.set(None);
            warnings.set(Vec::new());
            error.set(Some(e.to_string()));
        }
        None => {}
    });
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        query.set(EnterpriseQuery {
            grid_id: grid_filter.get_untracked().parse().ok(),
            text: text.get_untracked(),
            include_closed: include_closed.get_untracked(),
        });
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fields = draft.get_untracked();
        // The same rules as the server: say everything that is wrong before sending.
        if let Err(problems) = fields.validate() {
            error.set(Some(describe(&problems)));
            return;
        }
        apply.dispatch(match editing.get_untracked().flatten() {
            Some(id) => EnterpriseChange::Edit { id, fields },
            None => EnterpriseChange::Add { fields },
        });
    };
    let open_grids = move || -> Vec<GridNode> {
        grids
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .filter(|g| !g.closed && g.kind == GridKind::Enterprise)
            .collect()
    };
    view! {
        <section class="card wide">
            <AdminNav />
            <h1>{words::ENTERPRISES}</h1>
            {move || error.get().map(alert)}
            // One live region: what was saved, and what to weigh about the grid it went into.
            {move || message.get().map(|m| view! {
                <div role="status">
                    <p class="success">{m}</p>
                    {warnings.get().into_iter().map(|w| view! { <p class="notice warn">{w}</p> }).collect_view()}
                </div>
            })}
            // The grid lists come from a resource: inside a Transition, so that the server and
            // the hydrating browser draw the same thing.
            <Transition fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
            <form class="form" on:submit=search>
                <label>{words::GRIDS}
                    <select name="filter-grid" on:change=move |ev| grid_filter.set(event_target_value(&ev))>
                        <option value="">{words::ALL_GRIDS}</option>
                        {move || open_grids().into_iter().map(|g| view! { <option value=g.id>{g.name}</option> }).collect_view()}
                    </select>
                </label>
                <label>{words::NAME_OR_CODE} <input type="search" bind:value=text /></label>
                <label class="check"><input type="checkbox" bind:checked=include_closed />{words::WITH_CLOSED}</label>
                <button type="submit" class="button" disabled=move || !ready.get()>{words::SEARCH}</button>
                <button type="button" class="button primary" disabled=move || !ready.get() on:click=move |_| {
                    draft.set(EnterpriseDraft::default());
                    error.set(None);
                    editing.set(Some(None));
                }>{words::ADD_ENTERPRISE}</button>
            </form>
            <Show when=move || editing.get().is_some()>
                <EnterpriseForm draft grids=Signal::derive(open_grids) on_submit=save on_cancel=move || editing.set(None)
                    title=Signal::derive(move || if editing.get().flatten().is_some() { words::EDIT_ENTERPRISE } else { words::ADD_ENTERPRISE }) />
            </Show>
            </Transition>
            <Transition fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
                {move || found.get().map(|r| match r {
                    Err(e) => alert(e.to_string()).into_any(),
                    Ok(list) if list.is_empty() => view! { <p class="empty">{words::NO_ENTERPRISES}</p> }.into_any(),
                    Ok(list) => {
                        let capped = list.len() as u64 >= ENTERPRISE_LIST_MAX;
                        view! {
                            <Show when=move || capped>
                                <p class="muted">{words::capped(ENTERPRISE_LIST_MAX)}</p>
                            </Show>
                            <table class="grid-table">
                                <thead><tr><th>{words::ENTERPRISE_NAME}</th><th>{words::CREDIT_CODE}</th><th>{words::INDUSTRY}</th><th>{words::GRID}</th><th>{words::STATISTICIAN}</th><th>{words::ACTION}</th></tr></thead>
                                <tbody>
                                    {list.into_iter().map(|e| view! {
                                        <EnterpriseRow entry=e grids=Signal::derive(open_grids) apply
                                            on_edit=move |e: EnterpriseEntry| {
                                                draft.set(e.fields);
                                                error.set(None);
                                                editing.set(Some(Some(e.id)));
                                            } />
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn EnterpriseRow(
    entry: EnterpriseEntry,
    grids: Signal<Vec<GridNode>>,
    apply: Action<EnterpriseChange, Result<EnterpriseEntry, crate::error::AppError>>,
    on_edit: impl Fn(EnterpriseEntry) + 'static,
) -> impl IntoView {
    let id = entry.id;
    let current_grid = entry.fields.grid_id;
    let f = entry.fields.clone();
    let statistician = [f.statistician_name.as_str(), f.statistician_phone.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let closed = entry.closed;
    let label = format!(
        "{}{}",
        f.name,
        if closed { shared::CLOSED_SUFFIX } else { "" }
    );
    view! {
        <tr class:closed=closed>
            <td>{label}</td>
            <td>{f.credit_code.clone()}</td>
            <td>{f.industry.map(|i| i.label()).unwrap_or("")}</td>
            <td>{entry.grid_name.clone()}</td>
            <td>{statistician}</td>
            <td class="actions-cell">
                <button type="button" class="link" on:click={
                    let entry = entry.clone();
                    move |_| on_edit(entry.clone())
                }>{words::EDIT}</button>
                <Show when=move || !closed>
                    <select aria-label=words::MOVE_TO_GRID on:change=move |ev| {
                        if let Ok(grid_id) = event_target_value(&ev).parse() {
                            apply.dispatch(EnterpriseChange::Move { id, grid_id });
                        }
                    }>
                        <option value="">{words::MOVE_TO}</option>
                        {move || grids.get().into_iter().filter(|g| Some(g.id) != current_grid)
                            .map(|g| view! { <option value=g.id>{g.name}</option> }).collect_view()}
                    </select>
                </Show>
                {if closed {
                    view! { <button type="button" class="link" on:click=move |_| { apply.dispatch(EnterpriseChange::Reopen { id }); }>{words::REOPEN}</button> }.into_any()
                } else {
                    view! { <button type="button" class="link" on:click=move |_| { apply.dispatch(EnterpriseChange::Close { id }); }>{words::CLOSE}</button> }.into_any()
                }}
            </td>
        </tr>
    }
}

#[component]
fn EnterpriseForm(
    draft: RwSignal<EnterpriseDraft>,
    grids: Signal<Vec<GridNode>>,
    title: Signal<&'static str>,
    on_submit: impl Fn(leptos::ev::SubmitEvent) + 'static,
    on_cancel: impl Fn() + 'static,
) -> impl IntoView {
    let text = move |get: fn(&EnterpriseDraft) -> &String,
                     set: fn(&mut EnterpriseDraft, String)| {
        (
            move || get(&draft.read()).clone(),
            move |ev| draft.update(|d| set(d, event_target_value(&ev))),
        )
    };
    let (name, set_name) = text(|d| &d.name, |d, v| d.name = v);
    let (code, set_code) = text(|d| &d.credit_code, |d, v| d.credit_code = v);
    let (person, set_person) = text(|d| &d.statistician_name, |d, v| d.statistician_name = v);
    let (phone, set_phone) = text(|d| &d.statistician_phone, |d, v| d.statistician_phone = v);
    view! {
        <form class="form" on:submit=on_submit>
            <h2>{title}</h2>
            <label>{words::ENTERPRISE_NAME} <input type="text" prop:value=name on:input=set_name maxlength="100" /></label>
            <label>{words::CREDIT_CODE} <input type="text" prop:value=code on:input=set_code maxlength="18" autocapitalize="characters" /></label>
            <label>{words::INDUSTRY}
                <select prop:value=move || draft.read().industry.map(|i| i.code()).unwrap_or("")
                    on:change=move |ev| draft.update(|d| d.industry = Industry::from_code(&event_target_value(&ev)))>
                    <option value="">{words::CHOOSE_INDUSTRY}</option>
                    {Industry::ALL.into_iter().map(|i| view! { <option value=i.code()>{i.label()}</option> }).collect_view()}
                </select>
            </label>
            <label>{words::GRID}
                <select prop:value=move || draft.read().grid_id.map(|g| g.to_string()).unwrap_or_default()
                    on:change=move |ev| draft.update(|d| d.grid_id = event_target_value(&ev).parse().ok())>
                    <option value="">{shared::CHOOSE_GRID}</option>
                    {move || grids.get().into_iter().map(|g| view! { <option value=g.id>{g.name}</option> }).collect_view()}
                </select>
            </label>
            <label class="check"><input type="checkbox" prop:checked=move || draft.read().above_scale
                on:change=move |ev| draft.update(|d| d.above_scale = event_target_checked(&ev)) />{words::ABOVE_SCALE}</label>
            <label class="check"><input type="checkbox" prop:checked=move || draft.read().cultivation
                on:change=move |ev| draft.update(|d| d.cultivation = event_target_checked(&ev)) />{words::CULTIVATION}</label>
            <label>{words::STATISTICIAN} <input type="text" prop:value=person on:input=set_person maxlength="50" /></label>
            <label>{words::STATISTICIAN_PHONE} <input type="tel" prop:value=phone on:input=set_phone maxlength="11" /></label>
            <button type="submit" class="button primary">{shared::SAVE}</button>
            <button type="button" class="button" on:click=move |_| on_cancel()>{shared::CANCEL}</button>
        </form>
    }
}
