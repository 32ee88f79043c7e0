//! 规范化建设评价: the campaigns, and the form that starts one.
use crate::admin::components::{AdminNav, alert, hydrated};
use crate::domain::evaluation::CampaignKind;
use crate::evaluation::api::{CampaignDraft, CampaignLine, create_campaign, list_campaigns};
use crate::evaluation::words;
use crate::layout::words as shared;
use leptos::prelude::*;

#[component]
pub fn CampaignsPage() -> impl IntoView {
    let campaigns = Resource::new(|| (), |_| list_campaigns());
    let ready = hydrated();
    let error = RwSignal::new(None::<String>);
    let name = RwSignal::new(String::new());
    let year = RwSignal::new(String::new());
    let kind = RwSignal::new(CampaignKind::Jinzhong);
    let root = RwSignal::new(String::new());
    // This year by default, once the page runs in the browser.
    Effect::new(move |_| {
        if let Some(today) = crate::sync::client::today() {
            year.set(today.year().to_string());
        }
    });
    let create = Action::new(move |draft: &CampaignDraft| create_campaign(draft.clone()));
    Effect::new(move |_| match create.value().get() {
        Some(Ok(id)) => {
            let navigate = leptos_router::hooks::use_navigate();
            navigate(
                &format!("/admin/evaluation/campaign?id={id}"),
                Default::default(),
            );
        }
        Some(Err(e)) => error.set(Some(e.to_string())),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        create.dispatch(CampaignDraft {
            name: name.get_untracked(),
            year: year.get_untracked().trim().parse().unwrap_or(0),
            kind: kind.get_untracked(),
            root: root.get_untracked(),
        });
    };
    view! {
        <section class="card wide">
            <AdminNav />
            <h1>{words::TITLE}</h1>
            <Transition fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
                {move || campaigns.get().map(|r| match r {
                    Err(e) => alert(e.to_string()).into_any(),
                    Ok(list) if list.is_empty() => view! { <p class="muted">{words::NONE}</p> }.into_any(),
                    Ok(list) => view! { <List list /> }.into_any(),
                })}
            </Transition>
            <form class="form" on:submit=submit>
                <h2>{words::NEW}</h2>
                <p class="muted">{words::HOW}</p>
                <label>{words::NAME}
                    <input name="name" maxlength="60" required on:input=move |ev| name.set(event_target_value(&ev)) />
                </label>
                <label>{words::YEAR}
                    <input name="year" inputmode="numeric" maxlength="4" required prop:value=year on:input=move |ev| year.set(event_target_value(&ev)) />
                </label>
                <label>{words::KIND}
                    <select name="kind" on:change=move |ev| {
                        let picked = CampaignKind::ALL.into_iter().find(|k| format!("{k:?}") == event_target_value(&ev));
                        kind.set(picked.unwrap_or(CampaignKind::Jinzhong));
                    }>
                        {CampaignKind::ALL.map(|k| view! {
                            <option value=format!("{k:?}") selected=k == CampaignKind::Jinzhong>{k.label()}</option>
                        })}
                    </select>
                </label>
                <label>{words::ROOT}
                    <input name="root" inputmode="numeric" maxlength="12" required on:input=move |ev| root.set(event_target_value(&ev)) />
                </label>
                {move || error.get().map(alert)}
                <button class="button primary" type="submit" disabled=move || !ready.get() || create.pending().get()>{words::CREATE}</button>
            </form>
        </section>
    }
}

#[component]
fn List(list: Vec<CampaignLine>) -> impl IntoView {
    view! {
        <table class="grid-table campaigns">
            <thead><tr><th>{words::NAME}</th><th>{words::YEAR}</th><th>{words::UNITS}</th><th>{words::SAMPLE}</th></tr></thead>
            <tbody>
                {list.into_iter().map(|c| view! {
                    <tr>
                        <td><a href=format!("/admin/evaluation/campaign?id={}", c.id)>{c.name}</a></td>
                        <td>{c.year}</td>
                        <td>{c.units}</td>
                        <td>{if c.drawn { words::DRAWN } else { words::NOT_DRAWN }}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
