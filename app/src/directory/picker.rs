//! Choosing on the phone, from the cached directory: the grid a record is for, and grid
//! members (who took part, who attended). One component each for every form that needs it,
//! so the bundle carries it once.
use crate::directory::words;
use crate::sync::state::use_client;
use leptos::prelude::*;

/// The grids (id, name) where the logged-in person records work: activities, trainings, major
/// events.
pub fn member_grids() -> Vec<(i32, String)> {
    use_client().profile.with_untracked(|p| {
        p.iter()
            .flat_map(|p| p.activity_grids())
            .map(|r| (r.grid_id, r.grid_name.clone()))
            .collect()
    })
}

/// The grid a record is for, among `grids`; `on_choose` hears the new choice.
#[component]
pub fn GridChoice(
    #[prop(default = words::GRID)] label: &'static str,
    grids: Vec<(i32, String)>,
    #[prop(into)] chosen: Signal<i32>,
    #[prop(into)] on_choose: Callback<i32>,
    #[prop(into)] error: Signal<String>,
) -> impl IntoView {
    view! {
        <label>
            {label}
            <select name="grid" prop:value=move || chosen.get().to_string()
                on:change=move |ev| on_choose.run(event_target_value(&ev).parse().unwrap_or(0))>
                {grids.into_iter().map(|(id, name)| view! {
                    <option value=id.to_string() selected=move || chosen.get() == id>{name}</option>
                }).collect_view()}
            </select>
            <span class="field-error">{error}</span>
        </label>
    }
}

/// A list longer than this gets a name filter and a button ticking everyone it shows: a
/// township's training lists the members of all its grids.
const FILTER_FROM: usize = 20;

/// Checkboxes for the members of `grid` (and of the grids below it); `chosen` holds the ticked
/// person ids.
#[component]
pub fn MemberPicker(
    legend: &'static str,
    grid: Signal<i32>,
    chosen: RwSignal<Vec<i32>>,
    error: Signal<String>,
) -> impl IntoView {
    let client = use_client();
    let filter = RwSignal::new(String::new());
    let everyone = move || {
        let grid = grid.get();
        client.directory.with(|d| {
            d.members_of(grid)
                .into_iter()
                .map(|m| (m.person_id, m.name.clone(), m.role.label()))
                .collect::<Vec<_>>()
        })
    };
    let long = move || everyone().len() > FILTER_FROM;
    let members = move || {
        let wanted = filter.with(|f| f.trim().to_owned());
        let mut shown = everyone();
        // Ticked people stay listed, so a filter never hides a choice already made.
        shown.retain(|(id, name, _)| name.contains(&wanted) || chosen.with(|c| c.contains(id)));
        shown
            .into_iter()
            .map(|(id, name, role)| (id, words::member(&name, role)))
            .collect::<Vec<_>>()
    };
    let tick_shown = move |_| {
        let shown: Vec<i32> = members().into_iter().map(|(id, _)| id).collect();
        chosen.update(|c| {
            c.extend(shown);
            c.sort_unstable();
            c.dedup();
        });
    };
    view! {
        <fieldset class="participants">
            <legend>{legend}</legend>
            <Show when=long>
                <div class="picker-filter">
                    <input type="search" placeholder=words::FIND_BY_NAME prop:value=move || filter.get()
                        on:input=move |ev| filter.set(event_target_value(&ev)) />
                    <button type="button" class="button subtle" on:click=tick_shown>{words::TICK_SHOWN}</button>
                </div>
            </Show>
            <For each=members key=|(id, _)| *id let((id, label))>
                <label class="check">
                    <input type="checkbox" value=id.to_string()
                        prop:checked=move || chosen.with(|c| c.contains(&id))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            chosen.update(|c| {
                                c.retain(|p| *p != id);
                                if on { c.push(id); }
                            });
                        } />
                    {label}
                </label>
            </For>
            <Show when=move || everyone().is_empty()>
                <p class="hint">{words::MEMBERS_AFTER_SYNC}</p>
            </Show>
            <span class="field-error">{move || error.get()}</span>
        </fieldset>
    }
}
