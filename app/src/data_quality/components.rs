//! The data-quality card of the township view: the year's checks at a glance, then the
//! enterprises still to follow up with what was found.
use super::api::{DataQuality, load_data_quality};
use super::words;
use crate::admin::components::alert;
use crate::layout::words as shared;
use leptos::prelude::*;

#[component]
pub fn DataQualityCard(scope: i32) -> impl IntoView {
    let loaded = Resource::new(move || scope, load_data_quality);
    view! {
        <Suspense fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
            {move || loaded.get().map(|answer| match answer {
                Err(e) => Some(alert(e.to_string()).into_any()),
                Ok(None) => None,
                Ok(Some(checks)) => Some(view! { <Checks checks /> }.into_any()),
            })}
        </Suspense>
    }
}

#[component]
fn Checks(checks: DataQuality) -> impl IntoView {
    let summary = words::summary(
        checks.checks,
        checks.enterprises,
        checks.above_scale,
        checks.above_scale_checked,
        checks.resolved,
    );
    let open = if checks.open.is_empty() {
        view! { <p class="empty">{words::NONE_OPEN}</p> }.into_any()
    } else {
        view! {
            <h3>{words::open(checks.open.len())}</h3>
            <table class="grid-table">
                <thead><tr><th>{words::ENTERPRISE}</th><th>{words::FINDINGS}</th></tr></thead>
                <tbody>
                    {checks.open.into_iter().map(|c| view! {
                        <tr>
                            <td>{c.enterprise}<br /><span class="muted">{c.grid} " · " {words::DAY} " " {c.day}</span></td>
                            <td>{c.findings}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <section class="data-quality">
            <h2>{words::title(&checks.unit, checks.year)}</h2>
            <p class="muted">{summary}</p>
            {open}
        </section>
    }
}
