//! 规范化建设评分: the sheets the person is assigned to fill, kept on the phone, each with how
//! far it was scored and whether that reached the server.
use super::super::api::{Assigned, MINE_PATH};
use super::super::words;
use super::kept_key;
use crate::domain::evaluation::{ScoreSheetDraft, SheetRole};
use crate::layout::words as shared;
use crate::sync::kept::Kept;
use crate::sync::record_draft::Recorded;
use crate::sync::state::use_client;
use leptos::prelude::*;

#[component]
pub fn ScoreSheetsPage() -> impl IntoView {
    let client = use_client();
    let shown = RwSignal::new(None::<Kept<Assigned>>);
    let person = move || client.profile.with(|p| p.as_ref().map(|p| p.person_id));
    Effect::new(move |_| {
        if let Some(person) = person() {
            crate::sync::kept::load(MINE_PATH, kept_key(person), shown);
        }
    });
    view! {
        <section class="card">
            <h1>{words::TITLE}</h1>
            <Show
                when=move || person().is_some()
                fallback=|| view! { <p><a href="/login" rel="external">{shared::SIGN_IN}</a></p> }
            >
                {move || shown.get().map(|Kept { list, offline }| {
                    // The unit's own people close the items its inspection marked down and send
                    // its materials, online on office pages.
                    let own = list.iter().any(|s| s.role == SheetRole::SelfAssessment);
                    view! {
                        {offline.then(|| view! { <p class="muted">{words::OFFLINE}</p> })}
                        {list.is_empty().then(|| view! { <p class="empty">{words::NONE}</p> })}
                        <ul class="records">
                            {list.into_iter().map(|s| view! { <Line sheet=s /> }).collect_view()}
                        </ul>
                        {own.then(|| view! {
                            <p>
                                <a href="/evaluation/rectification" rel="external">{crate::evaluation::rectification::words::TITLE}</a>
                                " · "<a href="/evaluation/materials" rel="external">{crate::evaluation::materials::words::TITLE}</a>
                            </p>
                        })}
                    }
                })}
            </Show>
        </section>
    }
}

/// One sheet: unit, role, campaign, and how far the phone's copy has come.
#[component]
fn Line(sheet: Assigned) -> impl IntoView {
    let client = use_client();
    let id = sheet.id();
    let template = sheet.template.clone();
    let state = move || {
        client.records.with(|all| {
            let record = all.iter().find(|r| r.id == id)?;
            let draft = ScoreSheetDraft::of(&record.draft)?;
            let tally = template.tally(&draft.marks);
            let scored = draft.marks.len();
            Some(format!(
                "{} · {}",
                words::progress(tally.total, scored),
                record.label()
            ))
        })
    };
    view! {
        <li class="record">
            <div class="record-head">
                <strong>{words::heading(&sheet.unit, sheet.role)}</strong>
            </div>
            <div class="muted">{sheet.campaign.clone()}</div>
            <p class="findings">{move || state().unwrap_or_else(|| words::NOT_STARTED.to_owned())}</p>
            <a href=format!("/evaluation/sheet?id={id}") class="button">{words::OPEN}</a>
        </li>
    }
}
