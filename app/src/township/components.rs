//! 乡镇走访情况: the township leader's visits by enterprise grid for a month. Needs the network.
use crate::domain::cadence::Status;
use crate::kinds::analysis_meetings::components::MonthMeetingsCard;
use crate::layout::words as shared;
use crate::photos::components::PhotoThumbs;
use crate::plans::api::PlanSummary;
use crate::township::api::{
    GridCoverage, MonthVisits, OverviewQuery, QuarterFigures, ScopeChoice, TownshipOverview,
    VisitCoverage, VisitRow, load_grid_visits, load_township_history, load_township_overview,
};
use crate::township::words;
use crate::waivers::components::WaiveDuty;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn TownshipPage() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let overview = Resource::new(
        move || {
            query.with(|q| OverviewQuery {
                scope: q.get("scope").and_then(|s| s.parse().ok()),
                month: q.get("month").filter(|m| !m.is_empty()),
            })
        },
        load_township_overview,
    );
    // After a waiver, the verdicts are read again.
    let reload = Callback::new(move |()| overview.refetch());
    let go = move |scope: i32, month: String| {
        navigate(
            &format!("/township?scope={scope}&month={month}"),
            Default::default(),
        );
    };
    view! {
        <section class="card wide">
            <h1>{shared::TOWNSHIP}</h1>
            <crate::major_events::components::MajorEventBoard />
            <Suspense fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
                {move || overview.get().map(|result| match result {
                    Ok(o) => view! { <Overview overview=o go=go.clone() reload /> }.into_any(),
                    Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Overview(
    overview: TownshipOverview,
    go: impl Fn(i32, String) + Clone + Send + Sync + 'static,
    reload: Callback<()>,
) -> impl IntoView {
    let scope = overview.scope_id;
    let month = overview.month.clone();
    let total: usize = overview.grids.iter().map(|g| g.visits).sum();
    let coverage = overview.coverage.clone();
    let year: i32 = month
        .get(..4)
        .and_then(|y| y.parse().ok())
        .unwrap_or_default();
    let meetings = overview.meetings.map(|meetings| {
        let month = month.clone();
        view! { <MonthMeetingsCard meetings month done=reload /> }
    });
    view! {
        <ScopeMonth scopes=overview.scopes scope month=month.clone() go export="visits" />
        {meetings}
        <p><a href="/township/assessment" class="button">{crate::assessment::words::LINK}</a></p>
        <crate::notices::components::NoticesCard scope />
        <crate::courses::components::CoursesCard scope />
        <crate::staffing::components::RosterCard scope />
        <crate::stats_homes::components::StatsHomesCard scope />
        <crate::training_plan::components::TrainingPlanCard scope year />
        <crate::preparation::components::PreparationCard scope year />
        <Coverage coverage />
        <crate::data_quality::components::DataQualityCard scope />
        <crate::law_promotion::components::LawPromotionCard scope />
        <UnitActivityTable units=overview.units reload />
        <History scope />
        <h2>{words::visits_of(&month)}</h2>
        <p class="muted">{words::visits_in_all(&month, total)}</p>
        <table class="grid-table" aria-label=words::visits_of(&month)>
            <thead>
                <tr><th>{words::GRID}</th><th>{words::ENTERPRISES}</th><th>{words::VISITED}</th><th>{words::VISITS}</th><th>{words::ACTIVITIES}</th><th>{shared::PLAN}</th></tr>
            </thead>
            <tbody>
                {overview.grids.iter().map(|g| view! {
                    <tr>
                        <td>{g.grid_name.clone()}</td>
                        <td>{g.enterprise_count}</td>
                        <td>{g.visited_enterprises}</td>
                        <td>{g.visits}</td>
                        <td>
                            {words::times(g.activities)}
                            <StatusBadge status=g.activity_status.clone() />
                            {g.activity_excuse.clone().map(|duty| view! { <WaiveDuty duty done=reload /> })}
                        </td>
                        <td>
                            <PlanCell plan=g.plan.clone() status=g.plan_status.clone() />
                            {g.plan_excuse.clone().map(|duty| view! { <WaiveDuty duty done=reload /> })}
                        </td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        {overview.grids.into_iter().filter(|g| g.visits > 0).map(|g| view! {
            <GridVisitList grid=g.grid_id name=g.grid_name count=g.visits month=month.clone() />
        }).collect_view()}
        // The year's funds and a check of who the grids' members are: below the month's work,
        // which is read daily.
        <crate::funds::components::FundsCard scope />
        <crate::membership::components::MembershipCard scope />
    }
}

/// The activities the townships, departments and work areas organised themselves this quarter,
/// with the verdict where the policy asks for them (各级网格每季度).
#[component]
fn UnitActivityTable(
    units: Vec<crate::township::api::UnitActivities>,
    reload: Callback<()>,
) -> impl IntoView {
    (!units.is_empty()).then(|| {
        view! {
            <h2>{words::UNIT_ACTIVITIES}</h2>
            <table class="grid-table units">
                <thead><tr><th>{words::UNIT}</th><th>{words::ACTIVITIES}</th></tr></thead>
                <tbody>
                    {units.into_iter().map(|u| view! {
                        <tr>
                            <td>{u.grid_name}</td>
                            <td>
                                {words::times(u.activities)}
                                <StatusBadge status=u.status />
                                {u.excuse.map(|duty| view! { <WaiveDuty duty done=reload /> })}
                            </td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
    })
}

/// A grid's visits of the month, fetched when the reader asks for them: a township's month
/// is thousands of visits, most of which nobody opens.
#[component]
fn GridVisitList(grid: i32, name: String, count: usize, month: String) -> impl IntoView {
    let open = RwSignal::new(false);
    // The button works once the page is live; before that a click would do nothing.
    let live = RwSignal::new(false);
    Effect::new(move || live.set(true));
    let visits = Resource::new(
        move || open.get().then(|| month.clone()),
        move |month| async move {
            match month {
                Some(month) => load_grid_visits(grid, month).await.map(Some),
                None => Ok(None),
            }
        },
    );
    let list = move || {
        visits.get().map(|answer| match answer {
            Ok(Some(visits)) => view! { <VisitList visits /> }.into_any(),
            Ok(None) => ().into_any(),
            Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
        })
    };
    view! {
        <section class="grid-visits">
            <h2>{name}</h2>
            <button type="button" class="button" disabled=move || !live.get()
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() { words::HIDE_VISITS.to_owned() } else { words::show_visits(count) }}
            </button>
            <Show when=move || open.get()>
                <Suspense fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>{list}</Suspense>
            </Show>
        </section>
    }
}

#[component]
fn VisitList(visits: Vec<VisitRow>) -> impl IntoView {
    view! {
        <ul class="records">
            {visits.into_iter().map(|v| view! {
                <li class="record">
                    <div class="record-head">
                        <strong>{v.enterprise_name}</strong>
                        <span class="muted">{v.visit_date}</span>
                    </div>
                    <div class="muted">
                        {v.person_name} " · " {v.purpose.label()}
                        {v.follow_up.then_some(words::NEEDS_FOLLOW_UP)}
                    </div>
                    <p class="findings">{v.findings}</p>
                    <PhotoThumbs ids=v.photos />
                </li>
            }).collect_view()}
        </ul>
    }
}

/// A duty's verdict after its figure, where the policy asks for the duty.
#[component]
pub(crate) fn StatusBadge(status: Option<Status>) -> impl IntoView {
    status.map(|s| view! { " " <span class=format!("status {}", s.code())>{s.label()}</span> })
}

/// A grid's annual plan in the overview: when it came in, its verdict, and its text on demand.
#[component]
fn PlanCell(plan: Option<PlanSummary>, status: Option<Status>) -> impl IntoView {
    let badge =
        status.map(|s| view! { <span class=format!("status {}", s.code())>{s.label()}</span> });
    match plan {
        None => view! { {words::NOT_SENT} {badge} }.into_any(),
        Some(p) => view! {
            <details class="plan">
                <summary>{words::plan_sent(&p.submitted_on, p.version)} " " {badge}</summary>
                <p><strong>{words::GOALS}</strong>{p.goals}</p>
                <p><strong>{words::MEASURES}</strong>{p.measures}</p>
                <p><strong>{words::SCHEDULE}</strong>{p.schedule}</p>
            </details>
        }
        .into_any(),
    }
}

/// The grid and month pickers above a township page, with the page's exports (`export`:
/// the file's stem under `/api/v1/township/export/`) and a print button.
#[component]
pub(crate) fn ScopeMonth(
    scopes: Vec<ScopeChoice>,
    scope: i32,
    month: String,
    go: impl Fn(i32, String) + Clone + Send + Sync + 'static,
    export: &'static str,
) -> impl IntoView {
    let go_scope = go.clone();
    let month_for_scope = month.clone();
    let file =
        |ext: &str| format!("/api/v1/township/export/{export}.{ext}?scope={scope}&month={month}");
    view! {
        <div class="filters">
            <label>
                {words::SCOPE}
                <select on:change=move |ev| {
                    if let Ok(id) = event_target_value(&ev).parse() {
                        go_scope(id, month_for_scope.clone());
                    }
                }>
                    {scopes.iter().map(|s| view! {
                        <option value=s.grid_id selected=s.grid_id == scope>{s.name.clone()}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>
                {words::MONTH}
                <input type="month" value=month.clone()
                    on:change=move |ev| go(scope, event_target_value(&ev)) />
            </label>
        </div>
        <p class="exports">
            <a href=file("xlsx") download>{words::EXPORT_EXCEL}</a>
            " · "
            <a href=file("csv") download>{words::EXPORT_CSV}</a>
            " · "
            <button type="button" class="link" on:click=move |_| { let _ = window().print(); }>{words::PRINT}</button>
        </p>
    }
}

/// 走访覆盖: the visit cadence for the quarter, per grid, and who is still to be visited.
#[component]
fn Coverage(coverage: VisitCoverage) -> impl IntoView {
    let VisitCoverage {
        quarter,
        policy_name,
        due,
        per_quarter,
        started,
        grids,
        not_visited,
        not_visited_total,
    } = coverage;
    if per_quarter == 0 {
        return view! {
            <h2>{words::coverage_of(&quarter)}</h2>
            <p class="muted">{words::no_visit_rule(&policy_name)}</p>
        }
        .into_any();
    }
    view! {
        <h2>{words::coverage_of(&quarter)}</h2>
        <p class="muted">{words::visit_rule(&policy_name, per_quarter, &due)}</p>
        <Show when=move || started fallback=|| view! { <p class="muted">{words::NOT_BEGUN}</p> }>
            <table class="grid-table">
                <thead>
                    <tr><th>{words::GRID}</th><th>{words::VISITED_OF}</th><th>{words::STATUS}</th></tr>
                </thead>
                <tbody>
                    {grids.iter().map(coverage_row).collect_view()}
                </tbody>
            </table>
        </Show>
        <Show when={let n = not_visited_total; move || started && n > 0}>
            <details class="not-visited">
                <summary>{words::not_visited(not_visited_total)}</summary>
                <ul>
                    {not_visited.iter().map(|e| view! {
                        <li>
                            <span class="muted">{e.grid_name.clone()}</span> " · " {e.enterprise_name.clone()}
                            " · " <span class=format!("status {}", e.status.code())>{e.status.label()}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </details>
        </Show>
    }
    .into_any()
}

/// One grid's line: counts in words (colour only repeats what the text says).
fn coverage_row(g: &GridCoverage) -> impl IntoView + use<> {
    let c = g.counts;
    let visited = g.visited();
    let percent = (visited * 100).checked_div(g.enterprises).unwrap_or(0);
    let class = if c.overdue > 0 {
        "status overdue"
    } else if c.pending > 0 {
        "status due_soon"
    } else {
        "status on_time"
    };
    view! {
        <tr>
            <td>{g.grid_name.clone()}</td>
            <td>{format!("{visited} / {}（{percent}%）", g.enterprises)}</td>
            <td class=class>{g.status_words()}</td>
        </tr>
    }
}

/// 走访趋势: the last year's visits as a small chart, and the last four quarters' figures.
#[component]
fn History(scope: i32) -> impl IntoView {
    let history = Resource::new(move || scope, |scope| load_township_history(Some(scope)));
    view! {
        <Suspense fallback=|| view! { <p class="loading">{words::LOADING_TREND}</p> }>
            {move || history.get().map(|r| match r {
                Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                Ok(h) => view! {
                    <h2>{words::TREND}</h2>
                    {trend_chart(&h.months)}
                    <table class="grid-table">
                        <thead><tr><th>{words::QUARTER}</th><th>{words::COMPLETION}</th><th>{words::TIMELINESS}</th></tr></thead>
                        <tbody>{h.quarters.iter().map(quarter_row).collect_view()}</tbody>
                    </table>
                }.into_any(),
            })}
        </Suspense>
    }
}

fn percent_text(p: Option<u8>) -> String {
    p.map_or_else(|| words::NOT_YET_DUE.to_owned(), |p| format!("{p}%"))
}

fn quarter_row(q: &QuarterFigures) -> impl IntoView + use<> {
    let detail = q
        .grids
        .iter()
        .map(|g| format!("{} {}", g.grid_name, percent_text(g.completeness)))
        .collect::<Vec<_>>()
        .join("；");
    view! {
        <tr title=detail>
            <td>{q.quarter.clone()}</td>
            <td>{percent_text(q.completeness)}</td>
            <td>{percent_text(q.timeliness)}</td>
        </tr>
    }
}

/// Visits per month as a line, with the figures in its label and each point's title, so
/// that the chart is never the only way to read them.
fn trend_chart(months: &[MonthVisits]) -> impl IntoView + use<> {
    const W: f64 = 320.0;
    const H: f64 = 90.0;
    const PAD: f64 = 14.0;
    let max = months.iter().map(|m| m.visits).max().unwrap_or(0).max(1);
    let step = (W - 2.0 * PAD) / (months.len().max(2) - 1) as f64;
    let at = |i: usize, v: usize| {
        (
            PAD + step * i as f64,
            H - PAD - (v as f64 / max as f64) * (H - 2.0 * PAD),
        )
    };
    let points = months
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let (x, y) = at(i, m.visits);
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ");
    let counts: Vec<String> = months
        .iter()
        .map(|m| words::month_visits(&m.month, m.visits))
        .collect();
    let label = words::trend_label(months.len(), &counts);
    let first = months.first().map(|m| m.month.clone()).unwrap_or_default();
    let last = months.last().map(|m| m.month.clone()).unwrap_or_default();
    view! {
        <svg class="trend" viewBox="0 0 320 90" role="img" aria-label=label>
            <text x="14" y="10" font-size="9">{words::at_most(max)}</text>
            <polyline points=points fill="none" stroke="currentColor" stroke-width="2" />
            {months.iter().enumerate().map(|(i, m)| {
                let (x, y) = at(i, m.visits);
                view! {
                    <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="2.5" fill="currentColor">
                        <title>{words::visits_in(&m.month, m.visits)}</title>
                    </circle>
                }
            }).collect_view()}
            <text x="14" y="88" font-size="9">{first}</text>
            <text x="306" y="88" font-size="9" text-anchor="end">{last}</text>
        </svg>
    }
}
