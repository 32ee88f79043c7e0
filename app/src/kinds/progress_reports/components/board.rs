//! 固定日期报送情况: each deadline of the policy's fixed-date reports, per grid, met on time,
//! late, missed or not yet due, on the city bureau's review board: the verdict beside the
//! deadline, so a phone shows both without scrolling sideways. The bureau may excuse (豁免) a
//! unit's deadline while it is due soon or overdue.
use super::super::api::{DeadlineDuty, read_progress_report};
use super::super::words;
use crate::admin::components::alert;
use crate::domain::progress_report::PARTS;
use crate::layout::words::LOADING;
use crate::photos::components::PhotoThumbs;
use crate::waivers::components::WaiveDuty;
use leptos::prelude::*;

#[component]
pub fn DeadlinesCard(
    duties: Vec<DeadlineDuty>,
    #[prop(into)] refetch: Callback<()>,
) -> impl IntoView {
    view! {
        <h2>{words::BOARD}</h2>
        <div class="table-scroll">
            <table class="grid-table deadlines">
                <thead>
                    <tr>
                        <th>{words::DUE}</th><th>{words::STATUS}</th><th>{words::REPORT}</th>
                        <th>{words::UNIT}</th><th>{words::FILED_ON}</th>
                    </tr>
                </thead>
                <tbody>
                    {duties.into_iter().map(|d| view! {
                        <tr>
                            <td>{d.deadline.clone()}</td>
                            <td>
                                <span class=format!("status {}", d.status.code())>{d.status.label()}</span>
                                {d.waive.map(|duty| view! { <WaiveDuty duty done=refetch /> })}
                            </td>
                            <td>{d.label.clone()}</td><td>{d.grid_name}</td>
                            <td>
                                {d.filed_on.clone()}
                                {(!d.filed_on.is_empty()).then(|| view! {
                                    <ReportText grid=d.grid_id label=d.label deadline=d.deadline />
                                })}
                            </td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// 阅读报告: the unit's report for the deadline, read from the server when opened.
#[component]
fn ReportText(grid: i32, label: String, deadline: String) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <details class="waive" on:toggle=move |_| open.set(true)>
            <summary>{words::READ}</summary>
            <Show when=move || open.get()>
                <Report grid label=label.clone() deadline=deadline.clone() />
            </Show>
        </details>
    }
}

#[component]
fn Report(grid: i32, label: String, deadline: String) -> impl IntoView {
    let report = Resource::new(
        move || (label.clone(), deadline.clone()),
        move |(label, deadline)| read_progress_report(grid, label, deadline),
    );
    view! {
        <Suspense fallback=|| view! { <p class="loading">{LOADING}</p> }>
            {move || report.get().map(|r| match r {
                Err(e) => alert(e.to_string()).into_any(),
                Ok(None) => view! { <p class="muted">{words::WITHDRAWN}</p> }.into_any(),
                Ok(Some(r)) => {
                    let parts = [r.progress, r.problems, r.documents];
                    view! {
                        <p class="muted">{words::written_by(&r.author, &r.received_on)}</p>
                        {PARTS.iter().zip(parts).filter(|(_, text)| !text.is_empty()).map(|((_, part, _), text)| view! {
                            <h4>{*part}</h4>
                            <p class="findings">{text}</p>
                        }).collect_view()}
                        <PhotoThumbs ids=r.photos />
                    }.into_any()
                }
            })}
        </Suspense>
    }
}
