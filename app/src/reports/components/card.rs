//! 本月情况汇报 on a grid leader's home page: each grid's report for this month (and last
//! month's while it still needs the leader), as the phone knows it. Where the phone holds no
//! report, the cadence engine judges the duty on the phone from the policy's rule kept since
//! the last sync and the reports on the phone, synced and pending; so it works offline.
use super::item::month_label;
use crate::domain::period::Month;
use crate::reports::lines::report_lines;
use crate::reports::words;
use crate::sync::client;
use crate::sync::state::use_client;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ReportCard() -> impl IntoView {
    let client = use_client();
    let lines = Memo::new(move |_| {
        let today = client::today()?;
        let this = Month::of(today);
        let profile = client.profile.get()?;
        let reporting = profile.reporting_grids();
        let grids: Vec<(i32, String)> = (reporting.iter())
            .map(|g| (g.grid_id, g.grid_name.clone()))
            .collect();
        let bound: Vec<i32> = (reporting.iter())
            .filter(|g| g.kind.reports_monthly())
            .map(|g| g.grid_id)
            .collect();
        if grids.is_empty() {
            return None;
        }
        let own = client.own_counted_records();
        let (rule, waivers) = client.duties.with(|d| {
            d.as_ref()
                .map(|d| (d.report_rule.clone(), d.waivers.clone()))
                .unwrap_or_default()
        });
        let lines = report_lines(&grids, &bound, &own, rule.as_ref(), &waivers, today);
        Some((month_label(&this.to_string()), lines))
    });
    move || {
        lines.get().map(|(month, lines)| {
            view! {
                <section class="card duties">
                    <h2>{words::card_title(&month)}</h2>
                    <ul class="duty-list">
                        {lines.into_iter().map(|l| view! {
                            <li>
                                {l.title} " · " <span class=l.class>{l.label}</span>
                                " " <A href=l.href>{words::WRITE_OR_EDIT}</A>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
