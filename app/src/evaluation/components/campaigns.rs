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
    // Read when the form is sent: what was typed before the page hydrated counts too.
    let name = NodeRef::<leptos::html::Input>::new();
    let year = NodeRef::<leptos::html::Input>::new();
    let kind = NodeRef::<leptos::html::Select>::new();
    let root = NodeRef::<leptos::html::Input>::new();
    // This year by default, once the page runs in the browser.
    Effect::new(move |_| {
        if let (Some(input), Some(today)) = (year.get(), crate::sync::client::today())
            && input.value().is_empty()
        {
            input.set_value(&today.year().to_string());
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
        let (Some(name), Some(year), Some(kind), Some(root)) =
            (name.get(), year.get(), kind.get(), root.get())
        else {
            return;
        };
        let kind = kind.value();
        create.dispatch(CampaignDraft {
            name: name.value(),
            year: year.value().trim().parse().unwrap_or(0),
            kind: (CampaignKind::ALL.into_iter())
                .find(|k| format!("{k:?}") == kind)
                .unwrap_or(CampaignKind::Jinzhong),
            root: root.value(),
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
                    <input node_ref=name name="name" maxlength="60" required />
                </label>
                <label>{words::YEAR}
                    <input node_ref=year name="year" inputmode="numeric" maxlength="4" required />
                </label>
                <label>{words::KIND}
                    <select node_ref=kind name="kind">
                        {CampaignKind::ALL.map(|k| view! {
                            <option value=format!("{k:?}") selected=k == CampaignKind::Jinzhong>{k.label()}</option>
                        })}
                    </select>
                </label>
                <label>{words::ROOT}
                    <input node_ref=root name="root" inputmode="numeric" maxlength="12" required />
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
