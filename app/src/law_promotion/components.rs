//! The law-promotion card of the township view: each unit's activities and visits of the
//! quarter, with the verdict and, for whoever reviews the unit, 豁免.
use super::api::{LawPromotion, load_law_promotion};
use super::words;
use crate::admin::components::alert;
use crate::layout::words as shared;
use crate::township::components::StatusBadge;
use crate::waivers::components::WaiveDuty;
use leptos::prelude::*;

#[component]
pub fn LawPromotionCard(scope: i32) -> impl IntoView {
    let loaded = Resource::new(move || scope, load_law_promotion);
    let reload = Callback::new(move |()| loaded.refetch());
    view! {
        <Suspense fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
            {move || loaded.get().map(|answer| match answer {
                Err(e) => Some(alert(e.to_string()).into_any()),
                Ok(None) => None,
                Ok(Some(promotion)) => Some(view! { <Units promotion reload /> }.into_any()),
            })}
        </Suspense>
    }
}

#[component]
fn Units(promotion: LawPromotion, reload: Callback<()>) -> impl IntoView {
    view! {
        <section class="law-promotion">
            <h2>{words::title(&promotion.quarter)}</h2>
            <p class="muted">{words::HOW}</p>
            <table class="grid-table units">
                <thead><tr><th>{words::UNIT}</th><th>{words::DONE}</th></tr></thead>
                <tbody>
                    {promotion.units.into_iter().map(|u| view! {
                        <tr>
                            <td>{u.unit}</td>
                            <td>
                                {words::done(u.activities, u.visits)}
                                <StatusBadge status=u.status />
                                {u.excuse.map(|duty| view! { <WaiveDuty duty done=reload /> })}
                            </td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
