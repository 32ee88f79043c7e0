//! A township's analysis meetings of a month in the township view: the duty's status and each
//! meeting's minutes.
use super::super::api::MonthMeetings;
use super::super::words;
use crate::domain::analysis_meeting::PARTS;
use crate::waivers::components::WaiveDuty;
use leptos::prelude::*;

/// `done` reloads the view once the bureau has excused the month.
#[component]
pub fn MonthMeetingsCard(
    meetings: MonthMeetings,
    month: String,
    done: Callback<()>,
) -> impl IntoView {
    let none = meetings.held.is_empty().then_some(words::NONE_HELD);
    view! {
        <section class="meetings">
            <h2>
                {words::month_duty(&month, &meetings.township)}
                {meetings.status.map(|s| view! {
                    " " <span class=format!("status {}", s.code())>{s.label()}</span>
                })}
            </h2>
            {meetings.excuse.map(|duty| view! { <WaiveDuty duty done /> })}
            {none.map(|text| view! { <p class="muted">{text}</p> })}
            <ul class="records">
                {meetings.held.into_iter().map(|m| view! {
                    <li class="record">
                        <div class="record-head">
                            <strong>{m.minutes.meeting_date.clone()}</strong>
                            <span class="muted">{words::recorded_by(&m.recorded_by)}</span>
                        </div>
                        {PARTS.iter().zip(m.minutes.parts()).map(|((_, label), text)| view! {
                            <p class="findings"><strong>{*label} "："</strong>{text.clone()}</p>
                        }).collect_view()}
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
