//! 人员: people and their roles; deactivate, reset a password, end every session, assign a
//! role.
use super::{AdminNav, alert, hydrated};
use crate::admin::api::{PersonChange, change_person, list_grids, list_people};
use crate::admin::words;
use crate::domain::grid::Role;
use crate::layout::words as shared;
use leptos::prelude::*;

#[component]
pub fn PeoplePage() -> impl IntoView {
    let people = Resource::new(|| (), |_| list_people());
    let grids = Resource::new(|| (), |_| list_grids());
    let message = RwSignal::new(None::<String>);
    let ready = hydrated();
    let error = RwSignal::new(None::<String>);
    let apply = Action::new(move |change: &PersonChange| change_person(change.clone()));
    Effect::new(move |_| match apply.value().get() {
        Some(Ok(done)) => {
            error.set(None);
            message.set(Some(match done.new_password {
                Some(p) => words::password_reset(&p),
                None => shared::SAVED.into(),
            }));
            people.refetch();
        }
        Some(Err(e)) => error.set(Some(e.to_string())),
        None => {}
    });
    let person = RwSignal::new(String::new());
    let grid = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Member.code().to_owned());
    let assign = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        apply.dispatch(PersonChange::Assign {
            person_id: person.get_untracked().parse().unwrap_or(0),
            grid_id: grid.get_untracked().parse().unwrap_or(0),
            role: Role::from_code(&role.get_untracked()).unwrap_or(Role::Member),
        });
    };
    view! {
        <section class="card wide">
            <AdminNav />
            <h1>{words::PEOPLE}</h1>
            {move || error.get().map(alert)}
            {move || message.get().map(|m| view! { <p class="success" role="status">{m}</p> })}
            <Transition fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
                {move || people.get().map(|r| match r {
                    Err(e) => alert(e.to_string()).into_any(),
                    Ok(list) => view! {
                        <form class="form" on:submit=assign>
                            <h2>{words::ASSIGN_ROLE}</h2>
                            <label>{words::PEOPLE}
                                <select name="person" on:change=move |ev| person.set(event_target_value(&ev))>
                                    <option value="">{words::CHOOSE_PERSON}</option>
                                    {list.iter().map(|p| view! { <option value=p.id>{format!("{} {}", p.name, p.phone)}</option> }).collect_view()}
                                </select>
                            </label>
                            <label>{words::GRIDS}
                                <select name="grid" on:change=move |ev| grid.set(event_target_value(&ev))>
                                    <option value="">{shared::CHOOSE_GRID}</option>
                                    {move || grids.get().and_then(Result::ok).unwrap_or_default().into_iter().filter(|g| !g.closed)
                                        .map(|g| view! { <option value=g.id>{g.name}</option> }).collect_view()}
                                </select>
                            </label>
                            <label>{words::ROLE}
                                <select name="role" on:change=move |ev| role.set(event_target_value(&ev))>
                                    {Role::ALL.iter().map(|r| {
                                        let code = r.code();
                                        view! { <option value=code selected=move || role.get() == code>{r.label()}</option> }
                                    }).collect_view()}
                                </select>
                            </label>
                            <button type="submit" class="button primary" disabled=move || !ready.get()>{words::ASSIGN}</button>
                        </form>
                        <table class="grid-table">
                            <thead><tr><th>{words::PERSON_NAME}</th><th>{words::PHONE}</th><th>{words::ROLE}</th><th>{words::STATE}</th><th>{words::ACTION}</th></tr></thead>
                            <tbody>
                                {list.into_iter().map(|p| {
                                    let id = p.id;
                                    let roles = p.roles.iter().map(|r| format!("{} {}", r.grid_name, r.role.label())).collect::<Vec<_>>().join("，");
                                    view! {
                                        <tr>
                                            <td>{p.name.clone()}</td>
                                            <td>{p.phone.clone()}</td>
                                            <td>{roles}</td>
                                            <td>{if p.active { words::ACTIVE } else { words::DEACTIVATED }}</td>
                                            <td>
                                                {if p.active {
                                                    view! { <button class="link" on:click=move |_| { apply.dispatch(PersonChange::Deactivate { person_id: id }); }>{words::DEACTIVATE}</button> }.into_any()
                                                } else {
                                                    view! { <button class="link" on:click=move |_| { apply.dispatch(PersonChange::Reactivate { person_id: id }); }>{words::REACTIVATE}</button> }.into_any()
                                                }}
                                                " "
                                                <button class="link" on:click=move |_| { apply.dispatch(PersonChange::ResetPassword { person_id: id }); }>{words::RESET_PASSWORD}</button>
                                                " "
                                                <button class="link" on:click=move |_| { apply.dispatch(PersonChange::EndSessions { person_id: id }); }>{words::END_SESSIONS}</button>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any(),
                })}
            </Transition>
        </section>
    }
}
