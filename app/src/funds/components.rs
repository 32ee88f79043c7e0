//! 网格活动经费 in the township view: each grid's funds, spending and balance this year; for
//! the city, each unit's.
use super::api::{FundsLedger, FundsLine, load_funds};
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
    let total = FundsLine {
        name: words::TOTAL.to_owned(),
        ledger: ledger.total,
    };
    view! {
        <section class="funds">
            <h2>{words::title(ledger.year)}</h2>
            <p class="muted">{words::rule(&ledger.rule)}</p>
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
                            {ledger.lines.into_iter().chain([total]).map(|line| {
                                let balance = line.ledger.balance_fen();
                                view! {
                                    <tr>
                                        <td>{line.name}</td>
                                        <td>{line.ledger.heads}</td>
                                        <td>{format_yuan(line.ledger.entitlement_fen)}</td>
                                        <td>{format_yuan(line.ledger.spent_fen)}</td>
                                        <td class=(balance < 0).then_some("error")>{format_yuan(balance)}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
