//! 重大事项 on the township view: every event of the viewer's grids, those waiting on the
//! viewer's side flagged at the top, each with the township's and the city bureau's read marks;
//! an event the city has not read in time shows red.
use crate::major_events::api::{MajorEventRow, load_major_events, mark_major_event_read};
use crate::major_events::words;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn MajorEventBoard() -> impl IntoView {
    let events = Resource::new(|| (), |_| load_major_events());
    view! {
        <Suspense fallback=|| ()>
            {move || events.get().map(|result| match result {
                Ok(rows) if rows.is_empty() => ().into_any(),
                Ok(rows) => view! { <Events rows refresh=move || events.refetch() /> }.into_any(),
                // The board is an aside: its failure leaves the rest of the page as it is.
                Err(_) => ().into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Events(
    rows: Vec<MajorEventRow>,
    refresh: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let unread = rows.iter().filter(|r| r.acknowledge.is_some()).count();
    let section_class = match unread {
        0 => "major-events",
        _ => "major-events alert",
    };
    let failure = RwSignal::new(None::<String>);
    let ready = crate::admin::components::hydrated();
    view! {
        <section class=section_class>
            <h2>{match unread {
                0 => words::BOARD.to_owned(),
                n => words::board_unread(n),
            }}</h2>
            <Show when=move || failure.get().is_some()>
                <p class="error" role="alert">{move || failure.get().unwrap_or_default()}</p>
            </Show>
            <ul class="records">
                {rows.into_iter().map(|r| {
                    let (id, version, unread) = (r.id, r.version, r.acknowledge.is_some());
                    let read = move |_| spawn_local(async move {
                        match mark_major_event_read(id, version).await {
                            Ok(()) => refresh(),
                            Err(e) => failure.set(Some(e.to_string())),
                        }
                    });
                    view! {
                        <li class="record" class:urgent=unread class:escalated=r.escalated>
                            <div class="record-head">
                                <strong>{r.title}</strong>
                                <span class="muted">{words::occurred_on(&r.occurred_on)}</span>
                            </div>
                            <div class="muted">
                                {r.grid_name} {r.enterprise_name.map(|n| format!(" · {n}"))}
                                {words::reported(&r.reporter, &r.received)}
                            </div>
                            <p class="findings">{r.details}</p>
                            <p>{words::impact_in_full(&r.impact)}</p>
                            <p class="muted">{r.read.unwrap_or_else(|| words::TOWNSHIP_UNREAD.to_owned())}</p>
                            {match (r.city_read, r.escalated) {
                                (Some(by), _) => view! { <p class="muted">{by}</p> }.into_any(),
                                (None, true) => view! { <p class="error">{words::city_overdue(r.city_read_hours)}</p> }.into_any(),
                                (None, false) => view! { <p class="muted">{words::CITY_UNREAD}</p> }.into_any(),
                            }}
                            {r.acknowledge.map(|label| view! { <button class="button" disabled=move || !ready.get() on:click=read>{label}</button> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
