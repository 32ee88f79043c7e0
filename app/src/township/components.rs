//! 乡镇走访情况: the township leader's visits by enterprise grid for a month. Needs the network.
use crate::township::api::{OverviewQuery, TownshipOverview, load_township_overview};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn TownshipPage() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let overview = Resource::new(
        move || {
            query.with(|q| OverviewQuery {
                scope: q.get("scope").and_then(|s| s.parse().ok()),
                month: q.get("month").filter(|m| !m.is_empty()),
            })
        },
        load_township_overview,
    );
    let go = move |scope: i32, month: String| {
        navigate(
            &format!("/township?scope={scope}&month={month}"),
            Default::default(),
        );
    };
    view! {
        <section class="card wide">
            <h1>"乡镇走访情况"</h1>
            <Suspense fallback=|| view! { <p class="loading">"正在加载…"</p> }>
                {move || overview.get().map(|result| match result {
                    Ok(o) => view! { <Overview overview=o go=go.clone() /> }.into_any(),
                    Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Overview(
    overview: TownshipOverview,
    go: impl Fn(i32, String) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let scope = overview.scope_id;
    let month = overview.month.clone();
    let go_scope = go.clone();
    let month_for_scope = month.clone();
    let total: usize = overview.grids.iter().map(|g| g.visits.len()).sum();
    view! {
        <div class="filters">
            <label>
                "网格"
                <select on:change=move |ev| {
                    if let Ok(id) = event_target_value(&ev).parse() {
                        go_scope(id, month_for_scope.clone());
                    }
                }>
                    {overview.scopes.iter().map(|s| view! {
                        <option value=s.grid_id selected=s.grid_id == scope>{s.name.clone()}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>
                "月份"
                <input type="month" value=month.clone()
                    on:change=move |ev| go(scope, event_target_value(&ev)) />
            </label>
        </div>
        <p class="muted">{format!("{} 共走访 {} 次", month, total)}</p>
        <table class="grid-table">
            <thead>
                <tr><th>"企业网格"</th><th>"企业数"</th><th>"已走访企业"</th><th>"走访次数"</th></tr>
            </thead>
            <tbody>
                {overview.grids.iter().map(|g| view! {
                    <tr>
                        <td>{g.grid_name.clone()}</td>
                        <td>{g.enterprise_count}</td>
                        <td>{g.visited_enterprises}</td>
                        <td>{g.visits.len()}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        {overview.grids.into_iter().filter(|g| !g.visits.is_empty()).map(|g| view! {
            <h2>{g.grid_name}</h2>
            <ul class="records">
                {g.visits.into_iter().map(|v| view! {
                    <li class="record">
                        <div class="record-head">
                            <strong>{v.enterprise_name}</strong>
                            <span class="muted">{v.visit_date}</span>
                        </div>
                        <div class="muted">
                            {v.person_name} " · " {v.purpose.label()}
                            {v.follow_up.then_some(" · 需要跟进")}
                        </div>
                        <p class="findings">{v.findings}</p>
                    </li>
                }).collect_view()}
            </ul>
        }).collect_view()}
    }
}
