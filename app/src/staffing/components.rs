//! 统计人员名册 in the township view: the unit's statistics staff against the documents' floor,
//! and, for whoever keeps it, a form to add a person and a way to take one off.
use super::api::{Roster, UnitStaffing, add_staff, load_roster, remove_staff};
use super::words;
use crate::admin::components::{alert, hydrated};
use crate::domain::money::format_yuan;
use crate::domain::staffing::{Employment, StaffDraft};
use crate::layout::words as shared;
use crate::township::edited::Edited;
use leptos::prelude::*;

#[component]
pub fn RosterCard(scope: i32) -> impl IntoView {
    let loaded = Resource::new(move || scope, load_roster);
    let edited = Edited::<Roster>::default();
    let refusal = edited.refusal;
    let add = Action::new(move |staff: &StaffDraft| add_staff(scope, staff.clone()));
    let remove = Action::new(move |id: &i32| remove_staff(scope, *id));
    edited.follow(add);
    edited.follow(remove);
    view! {
        <Suspense fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
            {move || loaded.get().map(|first| {
                let shown = edited.shown(first);
                view! {
                    {move || refusal.get().map(alert)}
                    {move || match shown() {
                        Err(why) => Some(alert(why).into_any()),
                        Ok(None) => None,
                        Ok(Some(roster)) => Some(view! { <RosterView roster add remove /> }.into_any()),
                    }}
                }
            })}
        </Suspense>
    }
}

#[component]
fn RosterView(
    roster: Roster,
    add: Action<StaffDraft, Result<Roster, crate::error::AppError>>,
    remove: Action<i32, Result<Roster, crate::error::AppError>>,
) -> impl IntoView {
    let ready = hydrated();
    let count = words::count(&roster.unit, roster.office);
    let paid = roster.surveyors + roster.enterprise_statisticians;
    let surveyors = (paid > 0 || roster.subsidy_total_fen > 0).then(|| {
        let total = format_yuan(roster.subsidy_total_fen);
        words::subsidised(roster.surveyors, roster.enterprise_statisticians, &total)
    });
    let (floor_words, short) = match (roster.floor, roster.shortfall) {
        (Some(floor), Some(missing)) => (Some(words::short_of(floor, missing)), true),
        (Some(floor), None) => (Some(words::meets(floor)), false),
        _ => (None, false),
    };
    let name = RwSignal::new(String::new());
    let post = RwSignal::new(String::new());
    let employment = RwSignal::new(Employment::FullTime);
    let subsidy = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        add.dispatch(StaffDraft {
            name: name.get_untracked(),
            post: post.get_untracked(),
            employment: employment.get_untracked(),
            subsidy_yuan: subsidy.get_untracked(),
        });
    };
    let may_edit = roster.may_edit;
    let units = (!roster.units.is_empty()).then(|| view! { <Units units=roster.units /> });
    view! {
        <section class="roster">
            <h2>{if roster.city { words::CITY_TITLE } else { words::TITLE }}</h2>
            {roster.city.then(|| view! { <p class="muted">{words::CITY_LEAD}</p> })}
            <p role="status" class=if short { "status overdue" } else { "muted" }>
                {count} {floor_words.map(|w| format!(" · {w}"))}
            </p>
            {surveyors.map(|w| view! { <p class="muted">{w}</p> })}
            {(!roster.surveyors_unlisted.is_empty()).then(|| view! {
                <p class="status due_soon">{words::unlisted(&roster.surveyors_unlisted)}</p>
            })}
            {if roster.staff.is_empty() {
                view! { <p class="empty">{words::NONE}</p> }.into_any()
            } else {
                view! {
                    <table class="grid-table roster-table">
                        <thead><tr>
                            <th>{words::NAME}</th><th>{words::POST}</th><th>{words::EMPLOYMENT}</th><th>{words::SUBSIDY}</th>
                            {may_edit.then(|| view! { <th></th> })}
                        </tr></thead>
                        <tbody>
                            {roster.staff.into_iter().map(|s| {
                                let id = s.id;
                                view! {
                                    <tr>
                                        <td>{s.name}</td><td>{s.post}</td><td>{s.employment.label()}</td>
                                        <td>{(s.subsidy_fen > 0).then(|| format_yuan(s.subsidy_fen))}</td>
                                        {may_edit.then(|| view! {
                                            <td><button class="link" disabled=move || !ready.get()
                                                on:click=move |_| { remove.dispatch(id); }>{words::REMOVE}</button></td>
                                        })}
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
            {may_edit.then(|| view! {
                <form class="form" on:submit=submit>
                    <label>{words::NAME}
                        <input name="staff_name" prop:value=name on:input=move |ev| name.set(event_target_value(&ev)) />
                    </label>
                    <label>{words::POST}
                        <input name="staff_post" placeholder=words::POST_HINT prop:value=post
                            on:input=move |ev| post.set(event_target_value(&ev)) />
                    </label>
                    <label>{words::EMPLOYMENT}
                        <select name="employment" on:change=move |ev| {
                            if let Some(e) = Employment::from_code(&event_target_value(&ev)) {
                                employment.set(e);
                            }
                        }>
                            {Employment::ALL.into_iter().map(|e| view! { <option value=e.code()>{e.label()}</option> }).collect_view()}
                        </select>
                    </label>
                    <label>{words::SUBSIDY}
                        <input name="staff_subsidy" inputmode="decimal" placeholder=words::SUBSIDY_HINT prop:value=subsidy
                            on:input=move |ev| subsidy.set(event_target_value(&ev)) />
                    </label>
                    <button type="submit" class="button primary" disabled=move || !ready.get()>{words::ADD}</button>
                </form>
            })}
            {units}
        </section>
    }
}

/// 各单位统计人员: each level-2 unit's office staff against its floor, and how it is staffed
/// (派驻、专职、购买服务 of 004 §四), for the city.
#[component]
fn Units(units: Vec<UnitStaffing>) -> impl IntoView {
    view! {
        <h3>{words::UNITS}</h3>
        <table class="grid-table">
            <thead><tr><th>{words::UNIT}</th><th>{words::OFFICE}</th><th>{words::STAFFED}</th></tr></thead>
            <tbody>
                {units.into_iter().map(|u| {
                    let by: Vec<(&str, usize)> =
                        u.by_employment.iter().map(|(e, n)| (e.label(), *n)).collect();
                    view! {
                        <tr>
                            <td>{u.unit}</td>
                            <td class=if u.shortfall.is_some() { "status overdue" } else { "" }>
                                {words::office(u.office, u.shortfall)}
                            </td>
                            <td>{words::staffed(&by)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
