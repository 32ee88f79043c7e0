//! 情况汇报 on a grid leader's home page: this month's report of each grid they lead, as the
//! phone knows it (synced and pending alike), so it works offline.
use super::item::{month_label, report_state_label};
use crate::domain::period::Month;
use crate::sync::client;
use crate::sync::state::use_client;
use crate::visits::components::records::state_class;
use leptos::prelude::*;
use leptos_router::components::A;

/// One grid's line: its name, the report's badge (class and words) if written, and the link.
#[derive(Clone, PartialEq)]
struct Line {
    grid: String,
    badge: Option<(&'static str, &'static str)>,
    href: String,
}

#[component]
pub fn ReportCard() -> impl IntoView {
    let client = use_client();
    let rows = Memo::new(move |_| {
        let month = client::today().map(Month::of)?.to_string();
        let profile = client.profile.get()?;
        let grids = profile.reporting_grids();
        if grids.is_empty() {
            return None;
        }
        let own = client.own_records();
        let rows: Vec<Line> = grids
            .iter()
            .map(|g| {
                let found = own.iter().find(|r| {
                    r.report()
                        .is_some_and(|d| d.grid_id == g.grid_id && d.month == month)
                });
                let href = found.map_or_else(
                    || format!("/reports/new?grid={}&month={month}", g.grid_id),
                    |r| format!("/reports/new?id={}", r.id),
                );
                Line {
                    grid: g.grid_name.clone(),
                    badge: found.map(|r| (state_class(&r.state), report_state_label(&r.state))),
                    href,
                }
            })
            .collect();
        Some((month_label(&month), rows))
    });
    move || {
        rows.get().map(|(month, rows)| {
            view! {
                <section class="card duties">
                    <h2>{format!("本月情况汇报 · {month}")}</h2>
                    <ul class="duty-list">
                        {rows.into_iter().map(|Line { grid, badge, href }| view! {
                            <li>
                                {grid} " · "
                                {match badge {
                                    Some((class, label)) => view! { <span class=class>{label}</span> }.into_any(),
                                    None => view! { <span class="state pending">"未提交"</span> }.into_any(),
                                }}
                                " " <A href=href>"填写或修改"</A>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
