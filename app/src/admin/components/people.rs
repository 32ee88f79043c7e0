//! 人员: people and their roles; deactivate, reset a password, assign a role.
use super::{AdminNav, alert, hydrated};
use crate::admin::api::{PersonChange, change_person, list_grids, list_people};
use crate::domain::grid::Role;
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
                Some(p) => format!("已重置。新密码：{p}（请当面告知，首次登录须修改）"),
                None => "已保存".into(),
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
            <h1>"人员"</h1>
            {move || error.get().map(alert)}
            {move || message.get().map(|m| view! { <p class="success" role="status">{m}</p> })}
            <Transition fallback=|| view! { <p class="loading">"正在加载…"</p> }>
                {move || people.get().map(|r| match r {
                    Err(e) => alert(e.to_string()).into_any(),
                    Ok(list) => view! {
                        <form class="form" on:submit=assign>
                            <h2>"分配角色"</h2>
                            <label>"人员"
                                <select name="person" on:change=move |ev| person.set(event_target_value(&ev))>
                                    <option value="">"请选择人员"</option>
                                    {list.iter().map(|p| view! { <option value=p.id>{format!("{} {}", p.name, p.phone)}</option> }).collect_view()}
                                </select>
                            </label>
                            <label>"网格"
                                <select name="grid" on:change=move |ev| grid.set(event_target_value(&ev))>
                                    <option value="">"请选择网格"</option>
                                    {move || grids.get().and_then(Result::ok).unwrap_or_default().into_iter().filter(|g| !g.closed)
                                        .map(|g| view! { <option value=g.id>{g.name}</option> }).collect_view()}
                                </select>
                            </label>
                            <label>"角色"
                                <select name="role" on:change=move |ev| role.set(event_target_value(&ev))>
                                    {Role::ALL.iter().rev().map(|r| view! { <option value=r.code()>{r.label()}</option> }).collect_view()}
                                </select>
                            </label>
                            <button type="submit" class="button primary" disabled=move || !ready.get()>"分配"</button>
                        </form>
                        <table class="grid-table">
                            <thead><tr><th>"姓名"</th><th>"手机号"</th><th>"角色"</th><th>"状态"</th><th>"操作"</th></tr></thead>
                            <tbody>
                                {list.into_iter().map(|p| {
                                    let id = p.id;
                                    let roles = p.roles.iter().map(|r| format!("{} {}", r.grid_name, r.role.label())).collect::<Vec<_>>().join("，");
                                    view! {
                                        <tr>
                                            <td>{p.name.clone()}</td>
                                            <td>{p.phone.clone()}</td>
                                            <td>{roles}</td>
                                            <td>{if p.active { "在用" } else { "已停用" }}</td>
                                            <td>
                                                {if p.active {
                                                    view! { <button class="link" on:click=move |_| { apply.dispatch(PersonChange::Deactivate { person_id: id }); }>"停用"</button> }.into_any()
                                                } else {
                                                    view! { <button class="link" on:click=move |_| { apply.dispatch(PersonChange::Reactivate { person_id: id }); }>"启用"</button> }.into_any()
                                                }}
                                                " "
                                                <button class="link" on:click=move |_| { apply.dispatch(PersonChange::ResetPassword { person_id: id }); }>"重置密码"</button>
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
