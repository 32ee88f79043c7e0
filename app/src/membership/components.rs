//! 网格成员核对 in the township view: how many members and deputies fit the documents, and who
//! does not, with why.
use super::api::load_membership_check;
use super::words;
use crate::admin::components::alert;
use crate::layout::words as shared;
use leptos::prelude::*;

#[component]
pub fn MembershipCard(scope: i32) -> impl IntoView {
    let loaded = Resource::new(move || scope, load_membership_check);
    view! {
        <Suspense fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
            {move || loaded.get().map(|answer| match answer {
                Err(e) => alert(e.to_string()).into_any(),
                Ok(check) if check.checked == 0 => ().into_any(),
                Ok(check) => {
                    let class = if check.misfits.is_empty() { "muted" } else { "status overdue" };
                    view! {
                        <section class="membership">
                            <h2>{words::TITLE}</h2>
                            <p class=class>{words::summary(check.checked, check.fitting)}</p>
                            {(!check.misfits.is_empty()).then(|| view! {
                                <table class="grid-table">
                                    <thead><tr>
                                        <th>{words::NAME}</th><th>{words::GRID}</th><th>{words::ROLE}</th><th>{words::WHY}</th>
                                    </tr></thead>
                                    <tbody>
                                        {check.misfits.into_iter().map(|m| view! {
                                            <tr>
                                                <td>{m.name}</td><td>{m.grid_name}</td><td>{m.role.label()}</td>
                                                <td>{words::why(m.standing, m.enterprise_name.as_deref())}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            })}
                            <p class="hint">{words::SOURCE}</p>
                        </section>
                    }.into_any()
                }
            })}
        </Suspense>
    }
}
