//! 获奖名单: the confirmed units' rewarded members (or grids) with their stars or grade, to
//! print and post; the city bureau sees every unit, a unit's leader and 分管领导 their own.
use super::api::{AwardList, load_awards};
use super::words;
use crate::admin::components::alert;
use crate::layout::words as shared;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AwardsPage() -> impl IntoView {
    let query = use_query_map();
    let year = move || query.with(|q| q.get("year").and_then(|v| v.parse::<i32>().ok()));
    let loaded = Resource::new(year, load_awards);
    view! {
        <section class="card wide">
            <Suspense fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
                {move || loaded.get().map(|answer| match answer {
                    Err(e) => alert(e.to_string()).into_any(),
                    Ok(list) => view! { <Awards list /> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Awards(list: AwardList) -> impl IntoView {
    let year = list.year;
    let people = list.units.iter().map(|u| u.lines.len()).sum::<usize>();
    let total: u64 = list.units.iter().map(|u| u.total_yuan()).sum();
    view! {
        <h1>{words::awards_title(year)}</h1>
        <p class="exports">
            <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>{crate::township::words::PRINT}</button>
            " "<a href=format!("/township/assessment?year={year}")>{words::BACK}</a>
        </p>
        {(!list.pending.is_empty()).then(|| view! { <p class="muted">{words::not_confirmed(&list.pending)}</p> })}
        {list.units.is_empty().then(|| view! { <p class="empty">{words::NO_AWARDS}</p> })}
        {list.units.into_iter().map(|unit| {
            let noun = words::noun(unit.assessed);
            let subtotal = words::award_subtotal(noun, unit.lines.len(), unit.total_yuan());
            view! {
                <h2>{unit.unit}</h2>
                <div class="table-scroll">
                <table class="grid-table awards">
                    <thead><tr>
                        <th>{words::PAYMENT_HEADERS[1]}</th><th>{words::PAYMENT_HEADERS[2]}</th>
                        <th>{words::PAYMENT_HEADERS[3]}</th><th>{words::PAYMENT_HEADERS[4]}</th>
                        <th>{words::PAYMENT_HEADERS[5]}</th>
                    </tr></thead>
                    <tbody>
                        {unit.lines.into_iter().map(|l| view! {
                            <tr><td>{l.name}</td><td>{l.grids}</td><td>{l.rated}</td><td>{l.total}</td><td>{l.reward_yuan}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                </div>
                <p><strong>{subtotal}</strong></p>
            }
        }).collect_view()}
        <p><strong>{words::awards_total(people, total)}</strong></p>
        <p class="signature">{words::SIGNATURE}</p>
    }
}
