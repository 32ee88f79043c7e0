//! 网格活动经费使用情况: one grid's funds of the year, the activities that spent them and the
//! balance, to print and keep with the accounts.
use super::api::{FundStatement, load_statement};
use super::words;
use crate::admin::components::{by_query, number};
use crate::domain::money::format_yuan;
use crate::layout::words as shared;
use leptos::prelude::*;

#[component]
pub fn StatementPage() -> impl IntoView {
    let page = by_query(
        |q| number(q, "grid"),
        load_statement,
        words::NO_STATEMENT,
        |statement| view! { <Statement statement /> },
    );
    view! { <section class="card wide">{page}</section> }
}

#[component]
fn Statement(statement: FundStatement) -> impl IntoView {
    let ledger = statement.ledger;
    view! {
        <h1>{words::statement_title(&statement.grid, statement.year)}</h1>
        <p class="exports">
            <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>{crate::township::words::PRINT}</button>
            " "<a href="/township">{shared::TOWNSHIP}</a>
        </p>
        <p>{words::UNIT}"："{statement.unit}</p>
        <p class="muted">{words::rule(&statement.rule)}" "{words::counted(&statement.rule, statement.counted_on.as_deref())}</p>
        <table class="grid-table">
            <tbody>
                <tr><th>{words::heads(statement.rule.basis)}</th><td>{ledger.heads}</td></tr>
                <tr><th>{words::ENTITLED}</th><td>{format_yuan(ledger.entitlement_fen)}</td></tr>
                <tr><th>{words::SPENT}</th><td>{format_yuan(ledger.spent_fen)}</td></tr>
                <tr><th>{words::BALANCE}</th><td class=(ledger.balance_fen() < 0).then_some("error")>{format_yuan(ledger.balance_fen())}</td></tr>
            </tbody>
        </table>
        <h2>{words::SPENDING}</h2>
        {if statement.spending.is_empty() {
            view! { <p class="empty">{words::NO_SPENDING}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll">
                <table class="grid-table spending">
                    <thead><tr>
                        {words::SPENDING_HEADERS.map(|h| view! { <th>{h}</th> })}
                    </tr></thead>
                    <tbody>
                        {statement.spending.into_iter().map(|s| view! {
                            <tr><td>{s.date}</td><td>{s.activity}</td><td>{s.place}</td><td>{s.people}</td><td>{format_yuan(s.spend_fen)}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                </div>
            }.into_any()
        }}
        <p class="signature">{words::SIGNATURE}</p>
    }
}
