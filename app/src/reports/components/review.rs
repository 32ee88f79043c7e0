//! 月度汇报审核: the township leader's board of the month's grid reports. Each report shows
//! its text, the grid's visits that month and its history; the leader approves it, returns it
//! with a comment, or unlocks an approved month with a reason. Needs the network.
use super::item::month_label;
use crate::admin::components::{alert, hydrated};
use crate::domain::cadence::Status;
use crate::domain::report::{ReviewAction, ReviewStatus};
use crate::kinds::progress_reports::components::DeadlinesCard;
use crate::layout::words::LOADING;
use crate::reports::api::{
    ReportRow, ReportTrend, ReportView, ReviewBoard, TownshipFigures, load_review_board,
    review_report, waive_report,
};
use crate::reports::words;
use crate::township::components::ScopeMonth;
use crate::waivers::components::WaiveForm;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn ReviewPage() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let board = Resource::new(
        move || {
            query.with(|q| {
                (
                    q.get("scope").and_then(|s| s.parse::<i32>().ok()),
                    q.get("month").filter(|m| !m.is_empty()),
                )
            })
        },
        |(scope, month)| load_review_board(scope, month),
    );
    let go = move |scope: i32, month: String| {
        navigate(
            &format!("/township/reports?scope={scope}&month={month}"),
            Default::default(),
        );
    };
    let ready = hydrated();
    view! {
        <section class="card wide">
            <h1>{words::REVIEW_TITLE}</h1>
            <p><a href="/township">{words::TOWNSHIP_VIEW}</a></p>
            <Transition fallback=|| view! { <p class="loading">{LOADING}</p> }>
                {move || board.get().map(|result| match result {
                    Ok(b) => view! { <Board board=b go=go.clone() refetch=move || board.refetch() ready /> }.into_any(),
                    Err(e) => alert(e.to_string()).into_any(),
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Board(
    board: ReviewBoard,
    go: impl Fn(i32, String) + Clone + Send + Sync + 'static,
    refetch: impl Fn() + Copy + Send + Sync + 'static,
    ready: ReadSignal<bool>,
) -> impl IntoView {
    let scope = board.scope_id;
    let month = board.month.clone();
    let missing = board.rows.iter().filter(|r| r.report.is_none()).count();
    let summary = words::board_summary(
        &month_label(&month),
        board.rows.len(),
        board.count(ReviewStatus::Submitted),
        board.count(ReviewStatus::Returned),
        board.count(ReviewStatus::Approved),
        missing,
        &board.due,
    );
    view! {
        <ScopeMonth scopes=board.scopes scope month=month.clone() go export="reports" />
        <p class="muted" role="status">{summary}</p>
        {(!board.city.is_empty()).then(|| view! { <City townships=board.city month=month.clone() /> })}
        {(!board.deadlines.is_empty()).then(|| view! { <DeadlinesCard duties=board.deadlines refetch=move || refetch() /> })}
        <Trend trend=board.trend />
        <h2>{words::grids_of_month(&month_label(&month))}</h2>
        <ul class="records">
            {board.rows.into_iter().map(|row| view! { <Row row month=month.clone() refetch ready /> }).collect_view()}
        </ul>
    }
}

/// 全市各乡镇（街道）、部门对比: the city bureau's comparison of the level-2 units for the month.
#[component]
fn City(townships: Vec<TownshipFigures>, month: String) -> impl IntoView {
    let percent = |p: Option<u8>| p.map_or_else(|| "—".to_owned(), |p| format!("{p}%"));
    view! {
        <h2>{words::CITY}</h2>
        <div class="table-scroll">
            <table class="grid-table">
                <thead>
                    <tr>
                        <th>{words::TOWNSHIP}</th><th>{words::ENTERPRISE_GRIDS}</th>
                        <th>{words::reported_in(&month_label(&month))}</th><th>{words::APPROVED}</th>
                        <th>{words::LAST_MONTH_COMPLETENESS}</th><th>{words::LAST_MONTH_TIMELINESS}</th><th>{words::VISITS_THIS_MONTH}</th>
                    </tr>
                </thead>
                <tbody>
                    {townships.into_iter().map(|t| view! {
                        <tr>
                            <td>{t.name}</td><td>{t.grids}</td><td>{t.reported}</td><td>{t.approved}</td>
                            <td>{percent(t.completeness)}</td><td>{percent(t.timeliness)}</td><td>{t.visits}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// 近六个月汇报情况: grids × months, each cell in words as well as colour.
#[component]
fn Trend(trend: ReportTrend) -> impl IntoView {
    let percent = |p: &Option<u8>| p.map_or_else(|| "—".to_owned(), |p| format!("{p}%"));
    view! {
        <h2>{words::TREND}</h2>
        <div class="table-scroll">
            <table class="grid-table trend-table">
                <thead>
                    <tr>
                        <th>{words::GRID}</th>
                        {trend.months.iter().map(|m| view! { <th>{month_label(m)}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {trend.grids.into_iter().map(|g| view! {
                        <tr>
                            <td>{g.grid_name}</td>
                            {g.cells.into_iter().map(|c| match c {
                                Some(s) => view! { <td><span class=format!("status {}", s.code())>{s.label()}</span></td> }.into_any(),
                                None => view! { <td class="muted">"—"</td> }.into_any(),
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                    <tr>
                        <th>{words::COMPLETENESS}</th>
                        {trend.completeness.iter().map(|p| view! { <td>{percent(p)}</td> }).collect_view()}
                    </tr>
                    <tr>
                        <th>{words::TIMELINESS}</th>
                        {trend.timeliness.iter().map(|p| view! { <td>{percent(p)}</td> }).collect_view()}
                    </tr>
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn Row(
    row: ReportRow,
    month: String,
    refetch: impl Fn() + Copy + Send + Sync + 'static,
    ready: ReadSignal<bool>,
) -> impl IntoView {
    let waived = match &row.duty {
        Some(Status::Waived { reason, .. }) => Some(reason.clone()),
        _ => None,
    };
    // A grid with no report may be excused, while its month is judged at all.
    let may_waive = row.report.is_none() && waived.is_none() && row.duty.is_some();
    let grid_id = row.grid_id;
    let duty = row.duty.map(|d| {
        view! { <span class=format!("status {}", d.code())>{d.label()}</span> }
    });
    let state = row
        .report
        .as_ref()
        .map_or(words::NOT_SUBMITTED, |r| r.status.label());
    let name = row.grid_name.clone();
    view! {
        <li class="record" data-grid=name>
            <div class="record-head">
                <strong>{row.grid_name}</strong>
                <span class="state">{state}</span>
            </div>
            <div class="muted">{words::CADENCE} {duty} {waived.map(|r| words::waived(&r))}</div>
            {row.report.map(|report| view! { <Report report refetch ready /> })}
            {may_waive.then(|| view! { <Waive grid_id month refetch /> })}
        </li>
    }
}

/// 豁免: excuses the grid's report for the month, with a reason.
#[component]
fn Waive(
    grid_id: i32,
    month: String,
    refetch: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let send =
        Action::new(move |reason: &String| waive_report(grid_id, month.clone(), reason.clone()));
    view! { <WaiveForm summary=words::WAIVE send done=move |()| refetch() /> }
}

/// A review button: the action, its words and its class.
type Step = (ReviewAction, &'static str, &'static str);

#[component]
fn Report(
    report: ReportView,
    refetch: impl Fn() + Copy + Send + Sync + 'static,
    ready: ReadSignal<bool>,
) -> impl IntoView {
    let comment = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let (id, version, status) = (report.id, report.version, report.status);
    let act = move |action: ReviewAction| {
        busy.set(true);
        problem.set(None);
        leptos::task::spawn_local(async move {
            match review_report(id, version, action, comment.get_untracked()).await {
                Ok(()) => refetch(),
                Err(e) => problem.set(Some(e.to_string())),
            }
            busy.set(false);
        });
    };
    let disabled = move || busy.get() || !ready.get();
    // What the reviewer may do next: the comment's label and the buttons.
    let steps: Option<(&str, &[Step])> = match status {
        ReviewStatus::Submitted => Some((
            words::REVIEW_COMMENT,
            &[
                (ReviewAction::Approve, words::APPROVE, "button primary"),
                (ReviewAction::Return, words::RETURN, "button"),
            ],
        )),
        ReviewStatus::Approved => Some((
            words::UNLOCK_REASON,
            &[(ReviewAction::Unlock, words::UNLOCK, "button")],
        )),
        ReviewStatus::Returned => None,
    };
    let actions = match steps {
        Some((label, buttons)) => view! {
            <label>
                {label}
                <textarea name="comment" rows="2" prop:value=move || comment.get()
                    on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
            </label>
            <div class="actions">
                {buttons.iter().map(|&(action, text, class)| view! {
                    <button type="button" class=class disabled=disabled
                        on:click=move |_| act(action)>{text}</button>
                }).collect_view()}
            </div>
        }
        .into_any(),
        None => view! { <p class="muted">{words::AWAITING_CHANGES}</p> }.into_any(),
    };
    view! {
        <div class="report-body">
            <p class="muted">
                {words::report_facts(&report.author, report.version, report.visits, report.visited_enterprises, report.enterprises)}
            </p>
            <h3>{words::WORK_DONE}</h3>
            <p class="findings">{report.work_done}</p>
            <h3>{words::PROBLEMS}</h3>
            <p class="findings">{if report.problems.is_empty() { words::NONE.to_owned() } else { report.problems }}</p>
            <h3>{words::NEXT_STEPS}</h3>
            <p class="findings">{report.next_steps}</p>
            <details>
                <summary>{words::history(report.history.len())}</summary>
                <ul class="history">
                    {report.history.into_iter().map(|h| view! {
                        <li>
                            {words::history_line(&h.at, &h.person, &h.action, h.version)}
                            {h.comment.map(|c| format!("：{c}"))}
                        </li>
                    }).collect_view()}
                </ul>
            </details>
            <div class="form">{actions}</div>
            {move || problem.get().map(alert)}
        </div>
    }
}
