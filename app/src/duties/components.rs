//! 本季度待办 on the home page: from the list kept since the last sync, less what this phone
//! has visited since. Works offline.
use super::still_open;
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
        Some((list.quarter, list.due, duties))
    });
    move || {
        open.get().map(|(quarter, due, duties)| {
            let count = duties.len();
            view! {
                <section class="card duties">
                    <h2>{format!("本季度待办 · {quarter}")}</h2>
                    {if count == 0 {
                        view! { <p class="muted">"本季度的走访都已完成。"</p> }.into_any()
                    } else {
                        view! {
                            <p class="muted">{format!("还有 {count} 家企业待走访，{due} 前完成为按时。")}</p>
                            <ul class="duty-list">
                                {duties.into_iter().map(|d| view! {
                                    <li>
                                        <span class=format!("status {}", d.status.code())>{d.status.label()}</span>
                                        " " {d.enterprise_name}
                                        <span class="muted">{format!(" · {}", d.grid_name)}</span>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </section>
            }
        })
    }
}
