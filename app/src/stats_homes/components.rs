//! 统计之家 in the township view: the unit's homes with the activities held in each this year,
//! registered, changed and removed in place by whoever keeps them; for the city, every unit's.
use super::api::{
    StatsHomeRow, StatsHomes, UnitHomes, load_stats_homes, remove_stats_home, save_stats_home,
};
use super::words;
use crate::admin::components::{alert, hydrated};
use crate::domain::stats_home::{
    ADDRESS_MAX_CHARS, NAME_MAX_CHARS, NOTE_MAX_CHARS, StatsHomeDraft,
};
use crate::error::AppError;
use crate::layout::words as shared;
use crate::township::edited::Edited;
use leptos::prelude::*;

type Save = Action<(Option<i32>, StatsHomeDraft), Result<StatsHomes, AppError>>;
type Remove = Action<i32, Result<StatsHomes, AppError>>;

#[component]
pub fn StatsHomesCard(scope: i32) -> impl IntoView {
    let loaded = Resource::new(move || scope, load_stats_homes);
    let edited = Edited::<StatsHomes>::default();
    let refusal = edited.refusal;
    let save: Save = Action::new(move |(id, home): &(Option<i32>, StatsHomeDraft)| {
        save_stats_home(scope, *id, home.clone())
    });
    let remove: Remove = Action::new(move |id: &i32| remove_stats_home(scope, *id));
    edited.follow(save);
    edited.follow(remove);
    view! {
        <Suspense fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
            {move || loaded.get().map(|first| {
                let shown = edited.shown(first);
                move || match shown() {
                    Err(why) => Some(alert(why).into_any()),
                    Ok(None) => None,
                    Ok(Some(homes)) => Some(view! { <HomesView homes save remove refusal /> }.into_any()),
                }
            })}
        </Suspense>
    }
}

#[component]
fn HomesView(
    homes: StatsHomes,
    save: Save,
    remove: Remove,
    refusal: RwSignal<Option<String>>,
) -> impl IntoView {
    let may_edit = homes.may_edit;
    let city = !homes.units.is_empty();
    let list = if city {
        view! { <Units units=homes.units /> }.into_any()
    } else if homes.homes.is_empty() {
        view! { <p class="empty">{words::NONE}</p> }.into_any()
    } else {
        view! {
            <table class="grid-table">
                <thead><tr><th>{words::HOMES}</th><th>{words::ACTIVITIES}</th></tr></thead>
                <tbody>
                    {homes.homes.into_iter().map(|home| view! { <Row home may_edit save remove /> }).collect_view()}
                </tbody>
            </table>
        }.into_any()
    };
    let elsewhere =
        (!city && homes.held_elsewhere > 0).then(|| words::elsewhere(homes.held_elsewhere));
    view! {
        <section class="stats-homes">
            <h2>{words::title(&homes.unit)}</h2>
            {move || refusal.get().map(alert)}
            {list}
            {elsewhere.map(|w| view! { <p class="muted">{w}</p> })}
            {may_edit.then(|| view! {
                <details class="waive">
                    <summary>{words::ADD}</summary>
                    <HomeForm id=None home=StatsHomeDraft::default() save />
                </details>
            })}
        </section>
    }
}

#[component]
fn Row(home: StatsHomeRow, may_edit: bool, save: Save, remove: Remove) -> impl IntoView {
    let ready = hydrated();
    let id = home.id;
    let draft = StatsHomeDraft {
        name: home.name.clone(),
        address: home.address.clone(),
        opened_on: home.opened_on.clone(),
        note: home.note.clone(),
    };
    view! {
        <tr>
            <td>
                <strong>{home.name}</strong>
                <br /><span class="muted">{home.address} " · " {words::OPENED_ON} " " {home.opened_on}</span>
                {(!home.note.is_empty()).then(|| view! { <br /><span class="muted">{home.note}</span> })}
                {may_edit.then(|| view! {
                    <details class="waive">
                        <summary>{words::CHANGE}</summary>
                        <HomeForm id=Some(id) home=draft save />
                        <button type="button" class="button subtle"
                            disabled=move || !ready.get() || remove.pending().get()
                            on:click=move |_| { remove.dispatch(id); }>{words::REMOVE}</button>
                    </details>
                })}
            </td>
            <td>{words::times(home.activities)}</td>
        </tr>
    }
}

/// The fields of a home, filled with `home`; saved as home `id`, or as a new one.
#[component]
fn HomeForm(id: Option<i32>, home: StatsHomeDraft, save: Save) -> impl IntoView {
    let ready = hydrated();
    let form = RwSignal::new(home);
    let field = |label: &'static str,
                 name: &'static str,
                 max: usize,
                 hint: &'static str,
                 get: fn(&StatsHomeDraft) -> &String,
                 set: fn(&mut StatsHomeDraft, String)| {
        view! {
            <label>
                {label}
                <input name=name maxlength=max placeholder=hint
                    prop:value=move || form.with(|f| get(f).clone())
                    on:input=move |ev| form.update(|f| set(f, event_target_value(&ev))) />
            </label>
        }
    };
    view! {
        <div class="form">
            {field(words::NAME, "home_name", NAME_MAX_CHARS, words::NAME_HINT, |f| &f.name, |f, v| f.name = v)}
            {field(words::ADDRESS, "home_address", ADDRESS_MAX_CHARS, "", |f| &f.address, |f, v| f.address = v)}
            <label>
                {words::OPENED_ON}
                <input type="date" name="home_opened_on"
                    prop:value=move || form.with(|f| f.opened_on.clone())
                    on:input=move |ev| form.update(|f| f.opened_on = event_target_value(&ev)) />
            </label>
            {field(words::NOTE, "home_note", NOTE_MAX_CHARS, words::NOTE_HINT, |f| &f.note, |f, v| f.note = v)}
            <button type="button" class="button primary"
                disabled=move || !ready.get() || save.pending().get()
                on:click=move |_| { save.dispatch((id, form.get_untracked())); }>{words::SAVE}</button>
        </div>
    }
}

/// 各单位统计之家: each level-2 unit's homes and the activities held in them, for the city.
#[component]
fn Units(units: Vec<UnitHomes>) -> impl IntoView {
    view! {
        <h3>{words::UNITS}</h3>
        <table class="grid-table">
            <thead><tr><th>{words::UNIT}</th><th>{words::HOMES}</th><th>{words::ACTIVITIES}</th></tr></thead>
            <tbody>
                {units.into_iter().map(|u| view! {
                    <tr>
                        <td>{u.unit}</td>
                        <td>{words::places(u.homes)}</td>
                        <td>{words::times(u.activities)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
