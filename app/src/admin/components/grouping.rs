//! 分组建议: propose enterprise grids for a township, rename them, and accept.
use super::{AdminNav, alert, hydrated};
use crate::admin::api::{GroupingProposal, apply_grouping, list_grids, propose_grouping};
use crate::admin::words;
use crate::layout::words as shared;
use leptos::prelude::*;

#[component]
pub fn GroupingPage() -> impl IntoView {
    let grids = Resource::new(|| (), |_| list_grids());
    let township = RwSignal::new(String::new());
    let proposal = RwSignal::new(None::<GroupingProposal>);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(false);
    let ready = hydrated();
    let moving = RwSignal::new(String::new());
    let destination = RwSignal::new(String::new());
    let move_one = move |_| {
        if let (Ok(id), Ok(to)) = (
            moving.get_untracked().parse(),
            destination.get_untracked().parse(),
        ) {
            proposal.update(|p| {
                if let Some(p) = p {
                    p.move_enterprise(id, to);
                }
            });
            // The lists are drawn again from the edited proposal, with nothing chosen.
            moving.set(String::new());
            destination.set(String::new());
        }
    };
    let propose = Action::new(move |id: &i32| propose_grouping(*id));
    let accept = Action::new(move |p: &GroupingProposal| apply_grouping(p.clone()));
    Effect::new(move |_| match propose.value().get() {
        Some(Ok(p)) => {
            error.set(None);
            done.set(false);
            proposal.set(Some(p));
        }
        Some(Err(e)) => error.set(Some(e.to_string())),
        None => {}
    });
    Effect::new(move |_| match accept.value().get() {
        Some(Ok(_)) => {
            error.set(None);
            done.set(true);
            proposal.set(None);
        }
        Some(Err(e)) => error.set(Some(e.to_string())),
        None => {}
    });
    view! {
        <section class="card wide">
            <AdminNav />
            <h1>{words::GROUPING}</h1>
            <p class="muted">{words::GROUPING_HOW}</p>
            {move || error.get().map(alert)}
            <Show when=move || done.get()>
                <p class="success" role="status">{words::GROUPING_DONE}</p>
            </Show>
            // The townships come from a resource: inside a Transition, so that the server and
            // the hydrating browser draw the same list.
            <Transition fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
            <div class="form">
                <label>{words::LEVEL_TWO_UNIT}
                    <select on:change=move |ev| township.set(event_target_value(&ev))>
                        <option value="">{shared::CHOOSE}</option>
                        {move || grids.get().and_then(Result::ok).unwrap_or_default().into_iter()
                            .filter(|g| !g.closed && g.kind.is_level_two())
                            .map(|g| view! { <option value=g.id>{g.name}</option> }).collect_view()}
                    </select>
                </label>
                <button class="button" disabled=move || !ready.get() on:click=move |_| { if let Ok(id) = township.get_untracked().parse() { propose.dispatch(id); } }>{words::PROPOSE}</button>
            </div>
            </Transition>
            {move || proposal.get().map(|p| {
                let count = p.grids.len();
                view! {
                    <h2>{words::proposed(count)}</h2>
                    {p.grids.iter().enumerate().map(|(i, g)| view! {
                        <div class="record">
                            <label class="form">{words::GRID_NAME}
                                <input type="text" value=g.name.clone() on:change=move |ev| {
                                    let value = event_target_value(&ev);
                                    proposal.update(|p| if let Some(p) = p { p.grids[i].name = value; });
                                } />
                            </label>
                            <p class="muted">{words::proposed_grid(g.industry.map_or(words::MIXED, |i| i.label()), g.enterprises.len())}
                                {g.enterprises.iter().map(|(_, n)| n.clone()).collect::<Vec<_>>().join("、")}</p>
                        </div>
                    }).collect_view()}
                    <div class="form">
                        <h2>{words::ADJUST}</h2>
                        <label>{words::ENTERPRISES}
                            <select on:change=move |ev| moving.set(event_target_value(&ev))>
                                <option value="">{shared::CHOOSE_ENTERPRISE}</option>
                                {p.grids.iter().flat_map(|g| g.enterprises.iter().map(move |(id, n)| view! { <option value=*id>{words::enterprise_in(n, &g.name)}</option> })).collect_view()}
                            </select>
                        </label>
                        <label>{words::DESTINATION}
                            <select on:change=move |ev| destination.set(event_target_value(&ev))>
                                <option value="">{shared::CHOOSE_GRID}</option>
                                {p.grids.iter().enumerate().map(|(i, g)| view! { <option value=i>{g.name.clone()}</option> }).collect_view()}
                            </select>
                        </label>
                        <button class="button" on:click=move_one>{words::MOVE_IN}</button>
                    </div>
                    <button class="button primary" on:click=move |_| { if let Some(p) = proposal.get_untracked() { accept.dispatch(p); } }>{words::ACCEPT}</button>
                }
            })}
        </section>
    }
}
