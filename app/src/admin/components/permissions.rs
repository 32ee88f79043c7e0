//! 权限一览: who may do what in each kind of grid, drawn from the one table every check asks
//! (`domain::permission`), with how many people hold each role, so a city can check both.
use super::{AdminNav, alert};
use crate::admin::api::{RoleHolding, role_holders};
use crate::admin::words;
use crate::domain::grid::{GridKind, Role};
use crate::domain::permission::abilities;
use crate::layout::words::LOADING;
use leptos::prelude::*;

#[component]
pub fn PermissionsPage() -> impl IntoView {
    let holders = Resource::new(|| (), |_| role_holders());
    view! {
        <section class="card wide">
            <AdminNav />
            <h1>{words::PERMISSIONS}</h1>
            <p class="muted">{words::PERMISSIONS_HOW}</p>
            <Transition fallback=|| view! { <p class="loading">{LOADING}</p> }>
                {move || holders.get().map(|r| match r {
                    Err(e) => alert(e.to_string()).into_any(),
                    Ok(list) => GridKind::ALL
                        .into_iter()
                        .map(|kind| kind_table(kind, &list))
                        .collect_view()
                        .into_any(),
                })}
            </Transition>
        </section>
    }
}

/// One kind of grid: a row per role with its holders and what it may do.
fn kind_table(kind: GridKind, holders: &[RoleHolding]) -> impl IntoView + use<> {
    let people = |role: Role| {
        (holders.iter())
            .find(|h| h.kind == kind && h.role == role)
            .map_or(0, |h| h.people)
    };
    let rows = Role::ALL
        .into_iter()
        .map(|role| {
            let may: Vec<&str> = abilities(kind, role).iter().map(|a| a.label()).collect();
            let may = if may.is_empty() {
                words::ONLY_OWN_GRID.to_owned()
            } else {
                may.join("、")
            };
            view! {
                <tr>
                    <td>{role.label()}</td>
                    <td class="num">{people(role)}</td>
                    <td>{may}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2>{kind.label()}</h2>
        <table class="grid-table permissions">
            <thead><tr><th>{words::ROLE}</th><th>{words::HOLDERS}</th><th>{words::MAY}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
