//! One campaign: its sheets, calendar, units in division order and the city's sample.
use crate::admin::components::{AdminNav, alert, hydrated};
use crate::domain::evaluation::Template;
use crate::evaluation::api::{CampaignView, draw_sample, load_campaign};
use crate::evaluation::words;
use crate::layout::words as shared;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn CampaignPage() -> impl IntoView {
    let query = use_query_map();
    let id = move || query.with(|q| q.get("id").and_then(|v| v.parse::<i32>().ok()));
    let loaded = Resource::new(id, |id| async move {
        match id {
            Some(id) => load_campaign(id).await,
            None => Ok(None),
        }
    });
    view! {
        <section class="card wide">
            <AdminNav />
            <p><a href="/admin/evaluation">{words::BACK}</a></p>
            <Suspense fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
                {move || loaded.get().map(|answer| match answer {
                    Err(e) => alert(e.to_string()).into_any(),
                    Ok(None) => view! { <p class="empty">{words::NOT_FOUND}</p> }.into_any(),
                    Ok(Some(campaign)) => view! { <Campaign campaign /> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Campaign(campaign: CampaignView) -> impl IntoView {
    let shown = RwSignal::new(campaign);
    let ready = hydrated();
    let error = RwSignal::new(None::<String>);
    let draw = Action::new(move |id: &i32| draw_sample(*id));
    Effect::new(move |_| match draw.value().get() {
        Some(Ok(view)) => shown.set(view),
        Some(Err(e)) => error.set(Some(e.to_string())),
        None => {}
    });
    move || {
        let c = shown.get();
        let id = c.id;
        view! {
            <h1>{c.name.clone()}</h1>
            <p class="muted">{c.kind.label()}" · "{c.thresholds.clone()}</p>
            <h2>{words::CALENDAR}</h2>
            <table class="grid-table windows">
                <thead><tr><th>{words::STAGE}</th><th>{words::DAYS}</th><th>{words::STATE}</th></tr></thead>
                <tbody>
                    {c.windows.iter().map(|w| view! {
                        <tr><td>{w.stage.clone()}</td><td>{w.days.clone()}</td><td>{w.state.clone()}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <h2>{words::SAMPLE}</h2>
            <p class="muted">{c.sample_size.clone()}" "{words::DRAW_HOW}</p>
            {match c.sample.clone() {
                Some(s) => view! {
                    <p role="status">{words::seed(s.seed)}"，"{words::drawn(s.counties, s.townships)}</p>
                    {s.short.map(|why| view! { <p class="warning">{why}</p> })}
                    <p class=if s.verified { "success" } else { "error" }>
                        {if s.verified { words::VERIFIED } else { words::NOT_VERIFIED }}
                    </p>
                }.into_any(),
                None => view! {
                    <button class="button primary" on:click=move |_| { draw.dispatch(id); }
                        disabled=move || !ready.get() || draw.pending().get()>{words::DRAW}</button>
                }.into_any(),
            }}
            {move || error.get().map(alert)}
            <h2>{words::UNITS}</h2>
            <p class="muted">{words::units(c.units.len())}</p>
            <table class="grid-table evaluation-units">
                <thead><tr><th>{words::UNIT}</th><th>{words::UNIT_KIND}</th><th>{words::SAMPLE}</th></tr></thead>
                <tbody>
                    {c.units.iter().map(|u| view! {
                        <tr>
                            <td>{u.name.clone()}<br /><small class="muted">{u.code.clone()}</small></td>
                            <td>{u.kind.clone()}</td>
                            <td>{u.sampled.then_some(words::SAMPLED)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <h2>{words::SHEETS}</h2>
            {c.templates.iter().cloned().map(|t| view! { <Sheet template=t /> }).collect_view()}
        }
    }
}

/// A template as a table: aspect, item, method, evidence and points.
#[component]
fn Sheet(template: Template) -> impl IntoView {
    let local = template.points_local.then_some(words::POINTS_LOCAL);
    view! {
        <h3>{template.name.clone()}" "<span class="muted">{local}</span></h3>
        <table class="grid-table sheet">
            <thead><tr><th>{words::ITEM}</th><th>{words::METHOD}</th><th>{words::POINTS}</th></tr></thead>
            <tbody>
                {template.aspects.into_iter().map(|a| {
                    let total = crate::domain::assessment::points_text(a.points());
                    view! {
                        <tr class="aspect"><th colspan="2">{a.name}</th><th>{total}</th></tr>
                        {a.items.into_iter().map(|i| view! {
                            <tr>
                                <td>{i.text}<br /><small class="muted">{words::evidence(&i.evidence)}</small></td>
                                <td>{i.method.label()}</td>
                                <td>{crate::domain::assessment::points_text(i.points)}</td>
                            </tr>
                        }).collect_view()}
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
