//! 固定日期报送情况: each deadline of the policy's fixed-date reports, per grid, met on time,
//! late, missed or not yet due, on the city bureau's review board: the verdict beside the
//! deadline, so a phone shows both without scrolling sideways. The bureau may excuse (豁免) a
//! unit's deadline while it is due soon or overdue.
use super::super::api::DeadlineDuty;
use super::super::words;
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
                            <td>{d.deadline}</td>
                            <td>
                                <span class=format!("status {}", d.status.code())>{d.status.label()}</span>
                                {d.waive.map(|duty| view! { <WaiveDuty duty done=refetch /> })}
                            </td>
                            <td>{d.label}</td><td>{d.grid_name}</td><td>{d.filed_on}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
