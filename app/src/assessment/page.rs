//! 我的年度考核 on the phone: the person's own sheet (and a grid leader's members') of this
//! year and last. The last answer is kept on the phone, so the page reads offline.
use super::api::{MyYear, Sheet};
use super::words;
use crate::domain::assessment::{Figure, Scheme, Stage, points_text};
use crate::layout::words as shared;
use crate::sync::kept::Kept;
use crate::sync::state::use_client;
use leptos::prelude::*;

#[component]
pub fn MyAssessmentPage() -> impl IntoView {
    let client = use_client();
    let shown = RwSignal::new(None::<Kept<MyYear>>);
    let person = move || client.profile.with(|p| p.as_ref().map(|p| p.person_id));
    Effect::new(move |_| {
        if let Some(person) = person() {
            let key = format!("statgrid.assessment.{person}");
            crate::sync::kept::load(super::api::MINE_PATH, key, shown);
        }
    });
    view! {
        <section class="card">
            <h1>{words::MINE_TITLE}</h1>
            <Show
                when=move || person().is_some()
                fallback=|| view! { <p><a href="/login" rel="external">{shared::SIGN_IN}</a></p> }
            >
                {move || shown.get().map(|Kept { list: years, offline }| view! {
                    {offline.then(|| view! { <p class="muted">{words::MINE_OFFLINE}</p> })}
                    {years.is_empty().then(|| view! { <p class="empty">{words::MINE_NONE}</p> })}
                    {years.into_iter().map(|y| view! { <Year year=y /> }).collect_view()}
                })}
            </Show>
        </section>
    }
}

#[component]
fn Year(year: MyYear) -> impl IntoView {
    let confirmed = year.stage == Stage::Confirmed;
    let scheme = year.scheme;
    let open = year.stage.open();
    let followed = (!year.followed.is_empty()).then(|| {
        let scheme = scheme.clone();
        let late: Vec<String> = (year.followed.iter())
            .filter(|s| !s.behind.is_empty())
            .map(|s| s.name.clone())
            .collect();
        view! {
            <h3>{words::MEMBERS}</h3>
            {(open && !late.is_empty()).then(|| view! { <p class="status overdue">{words::behind_people(&late)}</p> })}
            {year.followed.into_iter().map(|s| sheet(&scheme, s, open, confirmed)).collect_view()}
        }
    });
    view! {
        <h2>{words::my_year(year.year, &year.unit, year.stage.label())}</h2>
        {(!confirmed).then(|| view! { <p class="muted">{words::MINE_SO_FAR}</p> })}
        {year.own.into_iter().map(|s| sheet(&scheme, s, open, confirmed)).collect_view()}
        {followed}
    }
}

fn sheet(scheme: &Scheme, sheet: Sheet, open: bool, confirmed: bool) -> impl IntoView + use<> {
    let lines: Vec<(String, String)> = (scheme.indicators.iter())
        .zip(sheet.figures.iter().zip(&sheet.scored.earned))
        .map(|(i, (f, e))| {
            let figure = match f {
                Figure {
                    count,
                    out_of: Some(whole),
                } => format!("{count}/{whole}"),
                Figure { count, .. } => count.to_string(),
            };
            let line = words::indicator(&figure, i.target, &points_text(*e), i.points);
            (i.measure.label().to_owned(), line)
        })
        .collect();
    view! {
        <div class="sheet">
            <p><strong>{sheet.name.clone()}</strong> " " <span class="muted">{sheet.grids.clone()}</span></p>
            {confirmed.then(|| view! { <p class="status on_time">{words::verdict(&sheet)}</p> })}
            {(open && !sheet.behind.is_empty()).then(|| view! { <p class="status overdue">{words::behind(&sheet.behind)}</p> })}
            // Label and figure on one line each: the filing pages carry no office styles.
            {lines.into_iter().map(|(label, line)| view! { <p>{label} "：" {line}</p> }).collect_view()}
            {(confirmed && !sheet.remark.is_empty()).then(|| view! {
                <p>{words::REMARK} "：" {sheet.remark.clone()}</p>
            })}
        </div>
    }
}
