//! 网格活动经费 in the township view: each grid's funds, spending and balance this year; for
//! the city, each unit's.
use super::api::{FundsLedger, load_funds};
use super::words;
use crate::admin::components::alert;
use crate::domain::money::format_yuan;
use crate::layout::words as shared;
use leptos::prelude::*;

#[component]
pub fn FundsCard(scope: i32) -> impl IntoView {
    let loaded = Resource::new(move || scope, load_funds);
    view! {
        <Suspense fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
            {move || loaded.get().map(|answer| match answer {
                Err(e) => Some(alert(e.to_string()).into_any()),
                Ok(None) => None,
                Ok(Some(ledger)) => Some(view! { <Ledger ledger /> }.into_any()),
            })}
        </Suspense>
    }
}

#[component]
fn Ledger(ledger: FundsLedger) -> impl IntoView {
    let city = ledger.by_unit;
    view! {
        <section class="funds">
            <h2>{words::title(ledger.year)}</h2>
            <p class="muted">{words::rule(&ledger.rule)}" "{words::counted(&ledger.rule, ledger.counted_on.as_deref())}</p>
            {if ledger.lines.is_empty() {
                view! { <p class="empty">{words::NONE}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                    <table class="grid-table units">
                        <thead><tr>
                            <th>{if city { words::UNIT } else { words::GRID }}</th>
                            <th>{words::heads(ledger.rule.basis)}</th>
                            <th>{words::ENTITLED}</th><th>{words::SPENT}</th><th>{words::BALANCE}</th>
                        </tr></thead>
                        <tbody>
                            {ledger.lines.into_iter().map(|line| {
                                // A grid's name opens its statement; a unit's line is a sum.
                                let name = if city {
                                    line.name.into_any()
                                } else {
                                    let to = format!("/township/funds?grid={}", line.id);
                                    view! { <a href=to>{line.name}</a> }.into_any()
                                };
                                line_row(name, line.ledger)
                            }).collect_view()}
                            {line_row(words::TOTAL.into_any(), ledger.total)}
                        </tbody>
                    </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

fn line_row(name: AnyView, ledger: crate::domain::funds::Ledger) -> impl IntoView {
    let balance = ledger.balance_fen();
    view! {
        <tr>
            <td>{name}</td>
            <td>{ledger.heads}</td>
            <td>{format_yuan(ledger.entitlement_fen)}</td>
            <td>{format_yuan(ledger.spent_fen)}</td>
            <td class=(balance < 0).then_some("error")>{format_yuan(balance)}</td>
        </tr>
    }
}
