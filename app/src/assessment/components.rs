//! 年度考核 pages of the office app: a unit's sheets, scored and submitted by the unit and
//! confirmed or returned by the city bureau; the city's list of units and its scheme.
use super::api::{
    AssessmentView, CityAssessments, MarkDraft, PAYMENTS_PATH, Sheet, decide_assessment,
    load_assessment, load_city, mark_sheet, save_scheme, submit_assessment,
};
use super::words;
use crate::admin::components::{alert, hydrated};
use crate::domain::assessment::{Decision, Figure, Reward, Scheme, Stage, points_text};
use crate::domain::cadence::MonthDay;
use crate::layout::words as shared;
use crate::township::edited::Edited;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

type Answer<T> = Result<T, crate::error::AppError>;

#[component]
pub fn AssessmentPage() -> impl IntoView {
    let query = use_query_map();
    let number = move |key: &str| query.with(|q| q.get(key).and_then(|v| v.parse::<i32>().ok()));
    view! {
        <section class="card wide">
            {move || match number("unit") {
                Some(unit) => view! { <UnitAssessment unit year=number("year") /> }.into_any(),
                None => view! { <CityAssessmentsPage year=number("year") /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn UnitAssessment(unit: i32, year: Option<i32>) -> impl IntoView {
    let loaded = Resource::new(move || (unit, year), |(u, y)| load_assessment(u, y));
    let edited = Edited::<AssessmentView>::default();
    let refusal = edited.refusal;
    let mark =
        Action::new(move |(year, draft): &(i32, MarkDraft)| mark_sheet(unit, *year, draft.clone()));
    let submit = Action::new(move |year: &i32| submit_assessment(unit, *year));
    let decide =
        Action::new(move |(year, d): &(i32, Decision)| decide_assessment(unit, *year, d.clone()));
    edited.follow(mark);
    edited.follow(submit);
    edited.follow(decide);
    view! {
        <Suspense fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
            {move || loaded.get().map(|first| {
                let shown = edited.shown(first.map(Some));
                view! {
                    {move || refusal.get().map(alert)}
                    {move || match shown() {
                        Err(why) => alert(why).into_any(),
                        Ok(None) => ().into_any(),
                        Ok(Some(view)) => view! { <UnitView view mark submit decide /> }.into_any(),
                    }}
                }
            })}
        </Suspense>
    }
}

#[component]
fn UnitView(
    view: AssessmentView,
    mark: Action<(i32, MarkDraft), Answer<AssessmentView>>,
    submit: Action<i32, Answer<AssessmentView>>,
    decide: Action<(i32, Decision), Answer<AssessmentView>>,
) -> impl IntoView {
    let ready = hydrated();
    let year = view.year;
    let unit = view.unit_id;
    let noun = words::noun(view.scheme.assessed);
    let summary = words::summary(
        noun,
        view.sheets.len(),
        view.qualified(),
        view.reward_yuan(),
    );
    let editing = RwSignal::new(None::<i32>);
    let may_mark = view.may_mark;
    let submittable = may_mark && !view.sheets.is_empty();
    view! {
        <h1>{words::year_title(&view.unit, year)}</h1>
        <nav class="tabs">
            <a href=format!("/township/assessment?unit={unit}&year={}", year - 1)>{words::city_year(year - 1)}</a>
            <a href="/township/assessment">{words::ALL_UNITS}</a>
            <a href="/township" rel="external">{shared::TOWNSHIP}</a>
        </nav>
        <p role="status" class=if view.stage == Stage::Confirmed { "status on_time" } else { "status due_soon" }>
            {view.stage.label()}
        </p>
        {(!view.note.is_empty()).then(|| view! { <p class="status overdue">{words::returned(&view.note)}</p> })}
        <p class="muted">{words::scheme_line(&view.scheme)}</p>
        <p class="muted">{words::SOURCES}</p>
        <p class="muted">{if view.stage.open() { words::LIVE } else { words::FROZEN }}</p>
        {view.no_stars.clone().map(|why| view! { <p class="status overdue">{why}</p> })}
        {view.problems.iter().cloned().map(alert).collect_view()}
        {if view.sheets.is_empty() {
            view! { <p class="empty">{words::NONE}</p> }.into_any()
        } else {
            let scheme = view.scheme.clone();
            let open = view.stage.open();
            let late: Vec<String> = (view.sheets.iter())
                .filter(|s| !s.behind.is_empty())
                .map(|s| s.name.clone())
                .collect();
            view! {
                <p>{summary}</p>
                {(open && !late.is_empty()).then(|| view! { <p class="status overdue">{words::behind_people(&late)}</p> })}
                <ul class="sheets" aria-label=words::TITLE>
                    {view.sheets.into_iter().map(|sheet| {
                        let id = sheet.subject_id;
                        let scheme = scheme.clone();
                        let form = sheet.clone();
                        view! {
                            <li>
                                <h3>{sheet.name.clone()} " " <span class="muted">{sheet.grids.clone()}</span></h3>
                                <p class="verdict">{words::verdict(&sheet)}</p>
                                {(open && !sheet.behind.is_empty()).then(|| view! { <p class="status overdue">{words::behind(&sheet.behind)}</p> })}
                                <dl class="facts">
                                    {(scheme.indicators.iter().zip(sheet.figures.iter().zip(&sheet.scored.earned)))
                                        .map(|(i, (f, e))| view! {
                                            <dt>{i.measure.label()}</dt>
                                            <dd>{words::indicator(&figure_text(f), i.target, &points_text(*e), i.points)}</dd>
                                        })
                                        .collect_view()}
                                    <dt>{words::MANUAL}</dt>
                                    <dd>{words::manual(&points_text(sheet.scored.manual), scheme.manual_points)}</dd>
                                    {(!sheet.remark.is_empty()).then(|| view! { <dt>{words::REMARK}</dt><dd>{sheet.remark.clone()}</dd> })}
                                </dl>
                                {may_mark.then(|| view! {
                                    <button class="link" disabled=move || !ready.get()
                                        on:click=move |_| editing.set(Some(id))>{words::MARK}</button>
                                })}
                                {move || (editing.get() == Some(id)).then(|| view! {
                                    <MarkForm sheet=form.clone() scheme=scheme.clone() year mark editing />
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        {submittable.then(|| view! {
            <button class="button primary" disabled=move || !ready.get()
                on:click=move |_| { submit.dispatch(year); }>{words::SUBMIT}</button>
        })}
        {view.may_decide.then(|| view! { <Decide stage=view.stage year decide /> })}
    }
}

/// A figure as the sheet shows it: a count, or a count out of its whole.
fn figure_text(figure: &Figure) -> String {
    match figure.out_of {
        Some(whole) => format!("{}/{whole}", figure.count),
        None => figure.count.to_string(),
    }
}

/// The unit's points, remark and (for a scheme of bands) reward for one sheet.
#[component]
fn MarkForm(
    sheet: Sheet,
    scheme: Scheme,
    year: i32,
    mark: Action<(i32, MarkDraft), Answer<AssessmentView>>,
    editing: RwSignal<Option<i32>>,
) -> impl IntoView {
    let manual = RwSignal::new(points_text(sheet.scored.manual));
    let remark = RwSignal::new(sheet.remark.clone());
    let chosen = RwSignal::new(sheet.chosen_yuan.map(|y| y.to_string()).unwrap_or_default());
    let bands = matches!(scheme.reward, Reward::Bands { .. });
    let subject_id = sheet.subject_id;
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        mark.dispatch((
            year,
            MarkDraft {
                subject_id,
                manual: manual.get_untracked(),
                remark: remark.get_untracked(),
                chosen: chosen.get_untracked(),
            },
        ));
    };
    // A mark saved from this form closes it; a refused one keeps it as typed.
    let opened_at = mark.version().get_untracked();
    Effect::new(move |_| {
        let saved =
            mark.version().get() > opened_at && matches!(mark.value().get_untracked(), Some(Ok(_)));
        if saved {
            editing.set(None);
        }
    });
    view! {
        <form class="form" on:submit=save>
            <label>{format!("{}（0–{} 分）", words::MANUAL, scheme.manual_points)}
                <input name="manual" inputmode="decimal" prop:value=manual
                    on:input=move |ev| manual.set(event_target_value(&ev)) />
            </label>
            <label>{words::REMARK}
                <input name="remark" prop:value=remark on:input=move |ev| remark.set(event_target_value(&ev)) />
            </label>
            {bands.then(|| view! {
                <label>{words::REWARD}
                    <input name="chosen" inputmode="numeric" prop:value=chosen
                        on:input=move |ev| chosen.set(event_target_value(&ev)) />
                </label>
            })}
            <button type="submit" class="button primary">{words::SAVE}</button>
        </form>
    }
}

/// The city bureau's decision on a submitted or confirmed assessment.
#[component]
fn Decide(
    stage: Stage,
    year: i32,
    decide: Action<(i32, Decision), Answer<AssessmentView>>,
) -> impl IntoView {
    let ready = hydrated();
    let reason = RwSignal::new(String::new());
    let send = move |decision: fn(String) -> Decision| {
        decide.dispatch((year, decision(reason.get_untracked())));
    };
    let reason_field = move || {
        view! {
            <label>{words::REASON}
                <input name="reason" prop:value=reason on:input=move |ev| reason.set(event_target_value(&ev)) />
            </label>
        }
    };
    match stage {
        Stage::Submitted => view! {
            <div class="form">
                <button class="button primary" disabled=move || !ready.get()
                    on:click=move |_| send(|_| Decision::Confirm)>{words::CONFIRM}</button>
                {reason_field()}
                <button class="button" disabled=move || !ready.get()
                    on:click=move |_| send(|reason| Decision::Return { reason })>{words::RETURN}</button>
            </div>
        }.into_any(),
        Stage::Confirmed => view! {
            <div class="form">
                {reason_field()}
                <button class="button" disabled=move || !ready.get()
                    on:click=move |_| send(|reason| Decision::Unlock { reason })>{words::UNLOCK}</button>
            </div>
        }.into_any(),
        _ => ().into_any(),
    }
}

#[component]
fn CityAssessmentsPage(year: Option<i32>) -> impl IntoView {
    let loaded = Resource::new(move || year, load_city);
    let edited = Edited::<CityAssessments>::default();
    let refusal = edited.refusal;
    let save =
        Action::new(move |(year, scheme): &(i32, Scheme)| save_scheme(*year, scheme.clone()));
    edited.follow(save);
    view! {
        <Suspense fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
            {move || loaded.get().map(|first| {
                let shown = edited.shown(first.map(Some));
                view! {
                    {move || match shown() {
                        Err(why) => alert(why).into_any(),
                        Ok(None) => ().into_any(),
                        Ok(Some(city)) => view! { <CityView city save refusal /> }.into_any(),
                    }}
                }
            })}
        </Suspense>
    }
}

#[component]
fn CityView(
    city: CityAssessments,
    save: Action<(i32, Scheme), Answer<CityAssessments>>,
    refusal: RwSignal<Option<String>>,
) -> impl IntoView {
    let year = city.year;
    view! {
        <h1>{format!("{} {}", words::city_year(year), words::CITY_TITLE)}</h1>
        <nav class="tabs">
            <a href=format!("/township/assessment?year={}", year - 1)>{words::city_year(year - 1)}</a>
            <a href="/township" rel="external">{shared::TOWNSHIP}</a>
        </nav>
        <table class="grid-table units">
            <thead><tr>
                <th>{words::UNIT}</th><th>{words::STAGE}</th><th>{words::QUALIFIED_OF}</th><th>{words::REWARDS}</th>
            </tr></thead>
            <tbody>
                {city.units.is_empty().then(|| view! { <tr><td colspan="4">{words::NO_UNITS}</td></tr> })}
                {city.units.into_iter().map(|u| view! {
                    <tr>
                        <td><a href=format!("/township/assessment?unit={}&year={year}", u.unit_id)>{u.unit}</a></td>
                        <td>{u.stage.short()}</td>
                        <td>{u.assessed.map(|n| format!("{}/{n}", u.qualified.unwrap_or(0)))}</td>
                        <td>{u.reward_yuan}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        <p class="exports">
            <a class="button" href=format!("/township/assessment/awards?year={year}")>{words::AWARDS}</a>
        </p>
        {city.may_edit.then(|| view! {
            <p class="exports">
                <a class="button" rel="external" href=format!("{PAYMENTS_PATH}?year={year}")>{words::EXPORT}</a>
            </p>
            <SchemeForm scheme=city.scheme year save refusal />
        })}
    }
}

/// The city's scheme: a preset to start from, and the numbers that are local settings.
#[component]
fn SchemeForm(
    scheme: Scheme,
    year: i32,
    save: Action<(i32, Scheme), Answer<CityAssessments>>,
    refusal: RwSignal<Option<String>>,
) -> impl IntoView {
    let ready = hydrated();
    let draft = RwSignal::new(scheme);
    let saved = RwSignal::new(false);
    let day_error = RwSignal::new(false);
    Effect::new(move |_| saved.set(matches!(save.value().get(), Some(Ok(_)))));
    let number = |ev: &leptos::ev::Event| event_target_value(ev).trim().parse::<u32>().unwrap_or(0);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch((year, draft.get_untracked()));
    };
    view! {
        <form class="form" on:submit=submit>
            <h2>{words::SCHEME}</h2>
            <p class="muted">{words::SCHEME_LEAD}</p>
            <p class="muted">{words::SOURCES}</p>
            {move || refusal.get().map(alert)}
            {move || saved.get().then(|| view! { <p role="status" class="status on_time">{words::SCHEME_SAVED}</p> })}
            <label>{words::PRESET}
                <select name="preset" on:change=move |ev| {
                    if let Some(preset) = Scheme::preset(&event_target_value(&ev)) {
                        draft.set(preset);
                    }
                }>
                    <option value="" selected>{"—"}</option>
                    <option value="yuhuan">{words::YUHUAN}</option>
                    <option value="yueqing">{words::YUEQING}</option>
                </select>
            </label>
            <p class="muted">{move || words::scheme_line(&draft.get())}</p>
            <table class="grid-table">
                <thead><tr><th>{words::INDICATOR}</th><th>{words::POINTS}</th><th>{words::TARGET}</th></tr></thead>
                <tbody>
                    {move || (0..draft.with(|s| s.indicators.len())).map(|n| {
                        let indicator = draft.with(|s| s.indicators[n]);
                        view! {
                            <tr>
                                <td>{indicator.measure.label()}</td>
                                <td><input type="number" min="0" max="100" prop:value=indicator.points.to_string()
                                    on:change=move |ev| draft.update(|s| s.indicators[n].points = number(&ev)) /></td>
                                <td><input type="number" min="1" prop:value=indicator.target.to_string()
                                    on:change=move |ev| draft.update(|s| s.indicators[n].target = number(&ev)) /></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <label>{words::MANUAL_POINTS}
                <input name="manual_points" type="number" min="0" max="100"
                    prop:value=move || draft.with(|s| s.manual_points.to_string())
                    on:change=move |ev| draft.update(|s| s.manual_points = number(&ev)) />
            </label>
            <label>{words::PASS_MARK}
                <input name="pass_mark" type="number" min="1" max="100"
                    prop:value=move || draft.with(|s| s.pass_mark.to_string())
                    on:change=move |ev| draft.update(|s| s.pass_mark = number(&ev)) />
            </label>
            <FundsFields draft day_error />
            <button type="submit" class="button primary" disabled=move || !ready.get() || day_error.get()>{words::SAVE_SCHEME}</button>
        </form>
    }
}

/// The grids' activity funds: the amount a head and the day heads are counted.
#[component]
fn FundsFields(draft: RwSignal<Scheme>, day_error: RwSignal<bool>) -> impl IntoView {
    view! {
        <label>{words::PER_HEAD}
            <input name="per_head_yuan" type="number" min="0"
                prop:value=move || draft.with(|s| s.funds.per_head_yuan.to_string())
                on:change=move |ev| draft.update(|s| {
                    s.funds.per_head_yuan = event_target_value(&ev).trim().parse().unwrap_or(0);
                }) />
        </label>
        <label>{words::COUNTED_ON}
            <input name="counted_on" type="text" inputmode="numeric" placeholder="01-01"
                prop:value=move || draft.with(|s| s.funds.counted_on.to_string())
                on:change=move |ev| match MonthDay::parse(&event_target_value(&ev)) {
                    Ok(day) => {
                        day_error.set(false);
                        draft.update(|s| s.funds.counted_on = day);
                    }
                    Err(_) => day_error.set(true),
                } />
            <span class="field-error">{move || day_error.get().then_some(words::BAD_COUNT_DAY)}</span>
        </label>
    }
}
