//! 网格: the grid tree, with add, rename, move and close.
use super::{AdminNav, alert, hydrated};
use crate::admin::api::{GridChange, GridNode, change_grid, list_grids};
use crate::admin::words;
use crate::domain::grid::GridKind;
use crate::layout::words as shared;
use leptos::prelude::*;

/// Grids in tree order, each with its depth.
fn tree_order(grids: &[GridNode]) -> Vec<(usize, GridNode)> {
    fn walk(
        parent: Option<i32>,
        depth: usize,
        grids: &[GridNode],
        out: &mut Vec<(usize, GridNode)>,
    ) {
        for g in grids.iter().filter(|g| g.parent_id == parent) {
            out.push((depth, g.clone()));
            if depth < 16 {
                walk(Some(g.id), depth + 1, grids, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(None, 0, grids, &mut out);
    out
}

#[component]
pub fn GridsPage() -> impl IntoView {
    let grids = Resource::new(|| (), |_| list_grids());
    let action = RwSignal::new("add".to_owned());
    let target = RwSignal::new(String::new());
    let other = RwSignal::new(String::new());
    let kind = RwSignal::new("enterprise".to_owned());
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let ready = hydrated();
    let apply = Action::new(move |change: &GridChange| change_grid(change.clone()));
    Effect::new(move |_| match apply.value().get() {
        Some(Ok(_)) => {
            error.set(None);
            name.set(String::new());
            grids.refetch();
        }
        Some(Err(e)) => error.set(Some(e.to_string())),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = target.get_untracked().parse().unwrap_or(0);
        let change = match action.get_untracked().as_str() {
            "add" => GridChange::Add {
                parent_id: id,
                kind: GridKind::from_code(&kind.get_untracked()).unwrap_or(GridKind::Enterprise),
                name: name.get_untracked(),
            },
            "rename" => GridChange::Rename {
                id,
                name: name.get_untracked(),
            },
            "move" => GridChange::Move {
                id,
                parent_id: other.get_untracked().parse().unwrap_or(0),
            },
            _ => GridChange::Close { id },
        };
        apply.dispatch(change);
    };
    view! {
        <section class="card wide">
            <AdminNav />
            <h1>{words::GRIDS}</h1>
            {move || error.get().map(alert)}
            <Transition fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
                {move || grids.get().map(|r| match r {
                    Err(e) => alert(e.to_string()).into_any(),
                    Ok(list) => {
                        let ordered = tree_order(&list);
                        let choices = ordered.iter().filter(|(_, g)| !g.closed).map(|(d, g)| (g.id, format!("{}{}", "　".repeat(*d), g.name))).collect::<Vec<_>>();
                        let choices2 = choices.clone();
                        view! {
                            <form class="form" on:submit=submit>
                                <label>{words::ACTION}
                                    <select on:change=move |ev| action.set(event_target_value(&ev))>
                                        <option value="add">{words::ADD_CHILD}</option>
                                        <option value="rename">{words::RENAME}</option>
                                        <option value="move">{words::MOVE}</option>
                                        <option value="close">{words::CLOSE_GRID}</option>
                                    </select>
                                </label>
                                <label>{words::GRIDS}
                                    <select on:change=move |ev| target.set(event_target_value(&ev))>
                                        <option value="">{shared::CHOOSE_GRID}</option>
                                        {choices.into_iter().map(|(id, label)| view! { <option value=id>{label}</option> }).collect_view()}
                                    </select>
                                </label>
                                <Show when=move || action.get() == "move">
                                    <label>{words::NEW_PARENT}
                                        <select on:change=move |ev| other.set(event_target_value(&ev))>
                                            <option value="">{shared::CHOOSE}</option>
                                            {choices2.iter().map(|(id, label)| view! { <option value=*id>{label.clone()}</option> }).collect_view()}
                                        </select>
                                    </label>
                                </Show>
                                <Show when=move || action.get() == "add">
                                    <label>{words::NEW_KIND}
                                        <select on:change=move |ev| kind.set(event_target_value(&ev))>
                                            {[GridKind::Enterprise, GridKind::WorkArea, GridKind::Township, GridKind::Department, GridKind::DevelopmentZone].into_iter()
                                                .map(|k| view! { <option value=k.code()>{k.label()}</option> }).collect_view()}
                                        </select>
                                    </label>
                                </Show>
                                <Show when=move || matches!(action.get().as_str(), "add" | "rename")>
                                    <label>{words::NAME} <input type="text" bind:value=name maxlength="100" /></label>
                                </Show>
                                <button type="submit" class="button primary" disabled=move || !ready.get()>{words::RUN}</button>
                            </form>
                            <table class="grid-table">
                                <thead><tr><th>{words::GRIDS}</th><th>{words::KIND}</th><th>{words::LEVEL}</th><th>{words::ENTERPRISE_COUNT}</th></tr></thead>
                                <tbody>
                                    {ordered.into_iter().map(|(depth, g)| view! {
                                        <tr class:closed=g.closed>
                                            <td>{format!("{}{}{}", "　".repeat(depth), g.name, if g.closed { shared::CLOSED_SUFFIX } else { "" })}</td>
                                            <td>{g.kind.label()}</td>
                                            <td>{g.level}</td>
                                            <td>{g.enterprises}</td>
                                        </tr>
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
