//! 我的年度考核 on the phone: the person's own sheet (and a grid leader's members') of this
//! year and last. The last answer is kept on the phone, so the page reads offline.
use super::api::{MyYear, Sheet};
use super::words;
use crate::domain::assessment::{Figure, Scheme, Stage, points_text};
use crate::layout::words as shared;
use crate::sync::state::use_client;
use leptos::prelude::*;

/// What the page shows, and whether it is the phone's copy because the server could not be
/// reached.
#[derive(Clone, Default, PartialEq)]
struct Shown {
    years: Vec<MyYear>,
    offline: bool,
}

#[component]
pub fn MyAssessmentPage() -> impl IntoView {
    let client = use_client();
    let shown = RwSignal::new(None::<Shown>);
    let person = move || client.profile.with(|p| p.as_ref().map(|p| p.person_id));
    Effect::new(move |_| {
        if let Some(person) = person() {
            browser::load(person, shown);
        }
    });
    view! {
        <section class="card">
            <h1>{words::MINE_TITLE}</h1>
            <Show
                when=move || person().is_some()
                fallback=|| view! { <p><a href="/login" rel="external">{shared::SIGN_IN}</a></p> }
            >
                {move || shown.get().map(|Shown { years, offline }| view! {
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
    let followed = (!year.followed.is_empty()).then(|| {
        let scheme = scheme.clone();
        view! {
            <h3>{words::MEMBERS}</h3>
            {year.followed.into_iter().map(|s| sheet(&scheme, s, confirmed)).collect_view()}
        }
    });
    view! {
        <h2>{words::my_year(year.year, &year.unit, year.stage.label())}</h2>
        {(!confirmed).then(|| view! { <p class="muted">{words::MINE_SO_FAR}</p> })}
        {year.own.into_iter().map(|s| sheet(&scheme, s, confirmed)).collect_view()}
        {followed}
    }
}

fn sheet(scheme: &Scheme, sheet: Sheet, confirmed: bool) -> impl IntoView + use<> {
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
            <dl class="facts">
                {lines.into_iter().map(|(label, line)| view! { <dt>{label}</dt><dd>{line}</dd> }).collect_view()}
                {(confirmed && !sheet.remark.is_empty()).then(|| view! {
                    <dt>{words::REMARK}</dt><dd>{sheet.remark.clone()}</dd>
                })}
            </dl>
        </div>
    }
}

/// Reading through the JSON API, with the phone's copy in LocalStorage.
#[cfg(feature = "hydrate")]
mod browser {
    use super::Shown;
    use crate::assessment::api::{MINE_PATH, MyYear};
    use crate::error::AppError;
    use crate::sync::kv::{KeyValue, Local};
    use gloo_net::http::Request;
    use leptos::prelude::*;
    use leptos::task::spawn_local;

    fn kept(person: i32) -> String {
        format!("statgrid.assessment.{person}")
    }

    /// Shows the phone's copy, then the server's answer once it comes.
    pub fn load(person: i32, shown: RwSignal<Option<Shown>>) {
        if let Some(years) = Local.get::<Vec<MyYear>>(&kept(person)) {
            shown.set(Some(Shown {
                years,
                offline: false,
            }));
        }
        spawn_local(async move {
            match crate::sync::http::answer(Request::get(MINE_PATH).send().await).await {
                Ok(years) => {
                    let years: Vec<MyYear> = years;
                    Local.set(&kept(person), &years);
                    shown.set(Some(Shown {
                        years,
                        offline: false,
                    }));
                }
                Err(e) => shown.set(Some(Shown {
                    years: Local.get(&kept(person)).unwrap_or_default(),
                    offline: matches!(e, AppError::Network(_)),
                })),
            }
        });
    }
}

/// On the server the page renders its shell only: the results are the browser's to fetch.
#[cfg(not(feature = "hydrate"))]
mod browser {
    use super::Shown;
    use leptos::prelude::*;

    pub fn load(_person: i32, _shown: RwSignal<Option<Shown>>) {}
}
