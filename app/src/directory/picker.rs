//! Choosing on the phone, from the cached directory: the grid a record is for, and grid
//! members (who took part, who attended). One component each for every form that needs it,
//! so the bundle carries it once.
use crate::directory::words;
use crate::sync::state::use_client;
use leptos::prelude::*;

/// The logged-in person's enterprise grids (id, name), where they record activities and
/// trainings.
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

/// Checkboxes for the members of `grid`; `chosen` holds the ticked person ids.
#[component]
pub fn MemberPicker(
    legend: &'static str,
    grid: Signal<i32>,
    chosen: RwSignal<Vec<i32>>,
    error: Signal<String>,
) -> impl IntoView {
    let client = use_client();
    let members = move || {
        let grid = grid.get();
        client.directory.with(|d| {
            d.members_of(grid)
                .into_iter()
                .map(|m| (m.person_id, words::member(&m.name, m.role.label())))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <fieldset class="participants">
            <legend>{legend}</legend>
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
            <Show when=move || members().is_empty()>
                <p class="hint">{words::MEMBERS_AFTER_SYNC}</p>
            </Show>
            <span class="field-error">{move || error.get()}</span>
        </fieldset>
    }
}
