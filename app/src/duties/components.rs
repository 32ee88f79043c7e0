//! 待办 on the home page, from the list kept since the last sync, less what this phone has
//! done since: monthly-report reminders for the person's role, and 本季度待办 (the visits
//! still owed in their enterprise grids). Works offline.
use super::{open_reminders, still_open};
use crate::domain::cadence::Status;
use crate::domain::grid::GridKind;
use crate::sync::outbox::RecordState;
use crate::sync::state::use_client;
use leptos::prelude::*;

#[component]
pub fn DutiesCard() -> impl IntoView {
    let client = use_client();
    let open = Memo::new(move |_| {
        let list = client.duties.get()?;
        let own = client.own_records();
        let pending = own
            .iter()
            .filter(|r| matches!(r.state, RecordState::Pending))
            .filter_map(|r| r.visit())
            .map(|v| (v.enterprise_id, v.visit_date.as_str()));
        let duties = still_open(&list.duties, pending, &list.first_day, &list.last_day);
        let reminders = open_reminders(&list.reminders, &own);
        let visits_owed = client.profile.with(|p| {
            p.as_ref()
                .is_some_and(|p| p.roles.iter().any(|r| r.kind == GridKind::Enterprise))
        });
        Some((list.quarter, list.due, duties, reminders, visits_owed))
    });
    move || {
        open.get().map(|(quarter, due, duties, reminders, visits_owed)| {
            let count = duties.len();
            view! {
                {(!reminders.is_empty()).then(|| view! {
                    <section class="card duties">
                        <h2>"待办提醒"</h2>
                        <ul class="duty-list reminders">
                            {reminders.into_iter().map(|m| view! {
                                <DutyItem status=m.status text=m.title note=m.note />
                            }).collect_view()}
                        </ul>
                    </section>
                })}
                {visits_owed.then(|| view! {
                    <section class="card duties">
                        <h2>{format!("本季度待办 · {quarter}")}</h2>
                        {if count == 0 {
                            view! { <p class="muted">"本季度的走访都已完成。"</p> }.into_any()
                        } else {
                            view! {
                                <p class="muted">{format!("还有 {count} 家企业待走访，{due} 前完成为按时。")}</p>
                                <ul class="duty-list">
                                    {duties.into_iter().map(|d| view! {
                                        <DutyItem status=d.status text=d.enterprise_name note=d.grid_name />
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </section>
                })}
            }
        })
    }
}

/// One line of a duty list: the status in words and colour, what is owed, and a note.
#[component]
fn DutyItem(status: Status, text: String, note: String) -> impl IntoView {
    view! {
        <li>
            <span class=format!("status {}", status.code())>{status.label()}</span>
            " " {text}
            <span class="muted">{format!(" · {note}")}</span>
        </li>
    }
}
