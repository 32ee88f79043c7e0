//! 乡镇走访情况: the township leader's visits by enterprise grid for a month. Needs the network.
use crate::township::api::{
    GridCoverage, OverviewQuery, TownshipOverview, VisitCoverage, load_township_overview,
};
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
    let coverage = overview.coverage.clone();
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
        <p class="exports">
            <a href=format!("/api/v1/township/export/visits.xlsx?scope={scope}&month={month}") download>"导出 Excel"</a>
            " · "
            <a href=format!("/api/v1/township/export/visits.csv?scope={scope}&month={month}") download>"导出 CSV"</a>
            " · "
            <button type="button" class="link" on:click=move |_| { let _ = window().print(); }>"打印"</button>
        </p>
        <Coverage coverage />
        <h2>{format!("{month} 走访明细")}</h2>
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

/// 走访覆盖: the visit cadence for the quarter, per grid, and who is still to be visited.
#[component]
fn Coverage(coverage: VisitCoverage) -> impl IntoView {
    let VisitCoverage {
        quarter,
        policy_name,
        due,
        per_quarter,
        started,
        grids,
        not_visited,
        not_visited_total,
    } = coverage;
    if per_quarter == 0 {
        return view! {
            <h2>{format!("走访覆盖 · {quarter}")}</h2>
            <p class="muted">{format!("现行报送节奏（{policy_name}）未要求定期走访企业。")}</p>
        }
        .into_any();
    }
    view! {
        <h2>{format!("走访覆盖 · {quarter}")}</h2>
        <p class="muted">{format!("按{policy_name}报送节奏：每家企业每季度至少走访 {per_quarter} 次，{due} 前完成为按时。")}</p>
        <Show when=move || started fallback=|| view! { <p class="muted">"本季度尚未开始。"</p> }>
            <table class="grid-table">
                <thead>
                    <tr><th>"企业网格"</th><th>"已走访 / 企业数"</th><th>"状态"</th></tr>
                </thead>
                <tbody>
                    {grids.iter().map(coverage_row).collect_view()}
                </tbody>
            </table>
        </Show>
        <Show when={let n = not_visited_total; move || started && n > 0}>
            <details class="not-visited">
                <summary>{format!("未走访企业（{not_visited_total} 家）")}</summary>
                <ul>
                    {not_visited.iter().map(|e| view! {
                        <li>
                            <span class="muted">{e.grid_name.clone()}</span> " · " {e.enterprise_name.clone()}
                            " · " <span class=format!("status {}", e.status.code())>{e.status.label()}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </details>
        </Show>
    }
    .into_any()
}

/// One grid's line: counts in words (colour only repeats what the text says).
fn coverage_row(g: &GridCoverage) -> impl IntoView + use<> {
    let c = g.counts;
    let visited = g.visited();
    let percent = (visited * 100).checked_div(g.enterprises).unwrap_or(0);
    let class = if c.overdue > 0 {
        "status overdue"
    } else if c.pending > 0 {
        "status due_soon"
    } else {
        "status on_time"
    };
    view! {
        <tr>
            <td>{g.grid_name.clone()}</td>
            <td>{format!("{visited} / {}（{percent}%）", g.enterprises)}</td>
            <td class=class>{g.status_words()}</td>
        </tr>
    }
}
