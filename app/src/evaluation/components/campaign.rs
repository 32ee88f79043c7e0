//! One campaign: its sheets, calendar, units in division order and the city's sample.
use crate::admin::components::{AdminNav, alert, by_query, hydrated, number};
use crate::domain::evaluation::Template;
use crate::evaluation::api::{
    ARCHIVE_PATH, CampaignView, TotalEntry, draw_sample, load_campaign, save_totals,
};
use crate::evaluation::words;
use leptos::prelude::*;

#[component]
pub fn CampaignPage() -> impl IntoView {
    let page = by_query(
        |q| number(q, "id"),
        load_campaign,
        words::NOT_FOUND,
        |campaign| view! { <Campaign campaign /> },
    );
    view! {
        <section class="card wide">
            <AdminNav />
            <p><a href="/admin/evaluation">{words::BACK}</a></p>
            {page}
        </section>
    }
}

#[component]
fn Campaign(campaign: CampaignView) -> impl IntoView {
    let shown = RwSignal::new(campaign);
    let ready = hydrated();
    let error = RwSignal::new(None::<String>);
    let draw = Action::new(move |id: &i32| draw_sample(*id));
    // Outside the view below, which a save draws again, so that its message stays.
    let saved = RwSignal::new(None::<Result<(), String>>);
    let assigning = RwSignal::new(None::<String>);
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
            {(!c.counties.is_empty()).then(|| view! {
                <h2>{words::COUNTY_BOARD}</h2>
                <table class="grid-table counties">
                    <thead><tr><th>{words::COUNTY}</th><th>{words::INSPECTED}</th><th>{words::STATE}</th></tr></thead>
                    <tbody>
                        {c.counties.iter().map(|l| view! {
                            <tr>
                                <td>{l.county.clone()}</td>
                                <td class=if l.met { "success" } else { "warning" }>{l.quota.clone()}</td>
                                <td>{l.timing.clone()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })}
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
            <p class="muted">{words::units(c.units.len())}" "<a href=format!("/admin/evaluation/notice?id={id}")>{words::NOTICE}</a></p>
            {c.results.clone().map(|r| view! { <p role="status">{r}</p> })}
            {c.rectification.clone().map(|r| view! { <p class="rectification">{r}</p> })}
            <Totals campaign=c.clone() shown message=saved />
            <super::assignments::Assignments campaign=c.clone() shown message=assigning />
            <h2>{words::ARCHIVES}</h2>
            <p class="exports archives">
                {c.archives.iter().map(|(code, name)| view! {
                    <a class="button" href=format!("{ARCHIVE_PATH}?id={id}&county={code}") download>{name.clone()}</a>" "
                }).collect_view()}
            </p>
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

/// Each unit with its final total to enter, and its grade once entered.
#[component]
fn Totals(
    campaign: CampaignView,
    shown: RwSignal<CampaignView>,
    message: RwSignal<Option<Result<(), String>>>,
) -> impl IntoView {
    let ready = hydrated();
    let id = campaign.id;
    let typed: Vec<(String, RwSignal<String>)> = (campaign.units.iter())
        .map(|u| {
            (
                u.code.clone(),
                RwSignal::new(u.total.clone().unwrap_or_default()),
            )
        })
        .collect();
    let entries = typed.clone();
    let save = Action::new(move |totals: &Vec<TotalEntry>| save_totals(id, totals.clone()));
    Effect::new(move |_| match save.value().get() {
        Some(Ok(view)) => {
            message.set(Some(Ok(())));
            shown.set(view);
        }
        Some(Err(e)) => message.set(Some(Err(e.to_string()))),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let totals = (entries.iter())
            .map(|(code, total)| TotalEntry {
                code: code.clone(),
                total: total.get_untracked(),
            })
            .collect();
        save.dispatch(totals);
    };
    // The inspections scored in full, to take as the totals before saving.
    let inspected: Vec<(RwSignal<String>, String)> = (campaign.units.iter().zip(&typed))
        .filter_map(|(u, (_, total))| Some((*total, u.inspected.clone()?)))
        .collect();
    let any_inspected = !inspected.is_empty();
    let take = move |_| {
        for (total, points) in &inspected {
            total.set(points.clone());
        }
    };
    view! {
        <form on:submit=submit>
            <p class="muted">{words::TOTALS_HOW}</p>
            {any_inspected.then(|| view! {
                <p><button type="button" class="button" on:click=take>{words::TAKE_INSPECTED}</button></p>
            })}
            <table class="grid-table evaluation-units">
                <thead><tr><th>{words::UNIT}</th><th>{words::SAMPLE}</th><th>{words::TOTALS}</th></tr></thead>
                <tbody>
                    {campaign.units.into_iter().zip(typed).map(|(u, (_, total))| {
                        let label = format!("{}{}", u.name, words::TOTALS);
                        view! {
                            <tr>
                                <td>
                                    <a href=format!("/admin/evaluation/unit?id={id}&code={}", u.code)>{u.name.clone()}</a>
                                    <br /><small class="muted">{u.kind.clone()}" · "{u.code.clone()}</small>
                                    {u.sheets.iter().map(|s| view! { <br /><small>{s.clone()}</small> }).collect_view()}
                                    {u.rectification.clone().map(|r| view! { <br /><small class="rectification">{r}</small> })}
                                    {u.materials.iter().map(|m| view! { <br /><small class="materials">{m.clone()}</small> }).collect_view()}
                                </td>
                                <td>{u.sampled.then_some(words::SAMPLED)}</td>
                                <td>
                                    <input class="total" inputmode="decimal" maxlength="5" aria-label=label
                                        prop:value=total on:input=move |ev| total.set(event_target_value(&ev)) />
                                    <br /><small>{u.grade.clone()}</small>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            {move || match message.get() {
                Some(Ok(())) => view! { <p class="success" role="status">{words::TOTALS_SAVED}</p> }.into_any(),
                Some(Err(e)) => alert(e).into_any(),
                None => ().into_any(),
            }}
            <button class="button primary" type="submit" disabled=move || !ready.get() || save.pending().get()>{words::SAVE_TOTALS}</button>
        </form>
    }
}
