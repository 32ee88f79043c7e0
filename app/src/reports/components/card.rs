//! 本月情况汇报 on a grid leader's home page: each grid's report for this month (and last
//! month's while it still needs the leader), as the phone knows it. Where the phone holds no
//! report, the cadence engine judges the duty on the phone from the policy's rule kept since
//! the last sync and the reports on the phone, synced and pending; so it works offline.
use super::item::{month_label, report_state_label};
use crate::domain::cadence::Status;
use crate::domain::period::{Month, shanghai_date};
use crate::domain::report::ReportDraft;
use crate::domain::report::report_duties;
use crate::records::state_class;
use crate::sync::client;
use crate::sync::outbox::RecordState;
use crate::sync::state::use_client;
use leptos::prelude::*;
use leptos_router::components::A;

/// One grid and month: its name, the badge (class and words) and where to write or edit it.
#[derive(Clone, PartialEq)]
struct Line {
    title: String,
    class: String,
    label: &'static str,
    href: String,
}

#[component]
pub fn ReportCard() -> impl IntoView {
    let client = use_client();
    let lines = Memo::new(move |_| {
        let today = client::today()?;
        let this = Month::of(today);
        let months = [this.prev(), this];
        let profile = client.profile.get()?;
        let grids: Vec<(i32, String)> = profile
            .reporting_grids()
            .iter()
            .map(|g| (g.grid_id, g.grid_name.clone()))
            .collect();
        if grids.is_empty() {
            return None;
        }
        let own = client.own_counted_records();
        let held = |grid: i32, month: Month| {
            own.iter().find(|r| {
                r.draft_of::<ReportDraft>()
                    .is_some_and(|d| d.grid_id == grid && d.month == month.to_string())
            })
        };
        // Reports the server has or will have, dated by when they were (or will be) sent.
        let filed: Vec<(i32, Month, time::Date)> = own
            .iter()
            .filter(|r| !matches!(r.state, RecordState::Rejected { .. }))
            .filter_map(|r| {
                let d = r.draft_of::<ReportDraft>()?;
                let sent = match r.state {
                    RecordState::Synced { received_at_ms } => received_at_ms,
                    _ => r.device_time_ms,
                };
                Some((
                    d.grid_id,
                    Month::parse(&d.month).ok()?,
                    shanghai_date(sent)?,
                ))
            })
            .collect();
        let rule = client
            .duties
            .with(|d| d.as_ref().and_then(|d| d.report_rule.clone()));
        let ids: Vec<i32> = grids.iter().map(|(id, _)| *id).collect();
        let judged = rule
            .map(|rule| report_duties(&rule, &ids, &filed, &months, today))
            .unwrap_or_default();
        let mut lines = Vec::new();
        for (grid, name) in &grids {
            for month in months {
                let title = format!("{name} · {}", month_label(&month.to_string()));
                let line = match held(*grid, month) {
                    // Last month's report, once sent, needs nothing more from the leader.
                    Some(r)
                        if month != this
                            && !matches!(
                                r.state,
                                RecordState::Returned { .. } | RecordState::Rejected { .. }
                            ) =>
                    {
                        continue;
                    }
                    Some(r) => Line {
                        title,
                        class: state_class(&r.state).to_owned(),
                        label: report_state_label(&r.state),
                        href: format!("/reports/new?id={}", r.id),
                    },
                    None => {
                        let status = judged
                            .iter()
                            .find(|(g, m, _)| g == grid && *m == month)
                            .map(|(_, _, s)| s.clone());
                        // Last month only while it is still owed.
                        if month != this
                            && !matches!(status, Some(Status::Overdue | Status::DueSoon))
                        {
                            continue;
                        }
                        Line {
                            title,
                            class: status.as_ref().map_or("state pending".to_owned(), |s| {
                                format!("status {}", s.code())
                            }),
                            label: status.as_ref().map_or("未提交", |s| s.label()),
                            href: format!("/reports/new?grid={grid}&month={month}"),
                        }
                    }
                };
                lines.push(line);
            }
        }
        Some((month_label(&this.to_string()), lines))
    });
    move || {
        lines.get().map(|(month, lines)| {
            view! {
                <section class="card duties">
                    <h2>{format!("本月情况汇报 · {month}")}</h2>
                    <ul class="duty-list">
                        {lines.into_iter().map(|l| view! {
                            <li>
                                {l.title} " · " <span class=l.class>{l.label}</span>
                                " " <A href=l.href>"填写或修改"</A>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
