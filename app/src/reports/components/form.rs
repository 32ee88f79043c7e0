//! The grid leader's monthly report form (情况汇报). Saved to the phone's outbox first, so it
//! works offline; the month's visits on this phone are counted in, synced and pending alike.
use super::item::month_label;
use crate::directory::picker::GridChoice;
use crate::domain::period::{Month, parse_date};
use crate::domain::report::{MonthFigures, ReportDraft};
use crate::sync::client;
use crate::sync::editing::{Editing, RecordForm, SaveControls};
use crate::sync::outbox::{OutboxRecord, RecordDraft, RecordState};
use crate::sync::state::{ClientState, use_client};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn ReportFormPage() -> impl IntoView {
    let client = use_client();
    view! {
        <Show when=move || client.ready.get() fallback=|| view! { <p class="loading">"正在加载…"</p> }>
            <Show
                when=move || client.profile.with(|p| p.as_ref().is_some_and(|p| !p.reporting_grids().is_empty()))
                fallback=|| view! { <p class="card">"情况汇报由企业网格长填写。请先" <A href="/login">"登录"</A> "网格长账号。"</p> }
            >
                <ReportForm />
            </Show>
        </Show>
    }
}

/// The phone's report for `grid` and `month`, if it has one.
fn local_report(client: &ClientState, grid: i32, month: &str) -> Option<OutboxRecord> {
    client.records.with_untracked(|all| {
        all.iter()
            .find(|r| {
                r.draft_of::<ReportDraft>()
                    .is_some_and(|d| d.grid_id == grid && d.month == month)
            })
            .cloned()
    })
}

/// The grid's records of the month: the server's count from every member (as of the last
/// sync), and the records on this phone the server has not received yet. An unsent first
/// version is new to the server; a later one only changes a record it counted.
fn month_figures(client: &ClientState, grid: i32, month: &str) -> MonthFigures {
    let Ok(month) = Month::parse(month) else {
        return MonthFigures::default();
    };
    let key = month.to_string();
    let server = client.duties.with(|d| {
        d.iter()
            .flat_map(|d| &d.month_figures)
            .find(|f| f.grid_id == grid && f.month == key)
            .map(|f| f.figures)
            .unwrap_or_default()
    });
    let enterprises: Vec<i32> = client.directory.with(|d| {
        d.enterprises
            .iter()
            .filter(|e| e.grid_id == grid)
            .map(|e| e.id)
            .collect()
    });
    let in_month = |day: &str| parse_date(day).is_ok_and(|d| month.contains(d));
    let mut unsent = MonthFigures::default();
    client.records.with(|all| {
        let new_to_server = all
            .iter()
            .filter(|r| r.state == RecordState::Pending && r.version == 1 && !r.withdrawn);
        for r in new_to_server {
            match &r.draft {
                RecordDraft::Visit(v)
                    if enterprises.contains(&v.enterprise_id) && in_month(&v.visit_date) =>
                {
                    unsent.visits += 1
                }
                RecordDraft::Activity(a) if a.grid_id == grid && in_month(&a.activity_date) => {
                    unsent.activities += 1
                }
                RecordDraft::Training(t) if t.grid_id == grid && in_month(&t.training_date) => {
                    unsent.trainings += 1
                }
                _ => {}
            }
        }
    });
    server.plus(unsent)
}

#[component]
fn ReportForm() -> impl IntoView {
    let client = use_client();
    let query = use_query_map();
    let grids: Vec<(i32, String)> = client.profile.with_untracked(|p| {
        p.as_ref()
            .map(|p| {
                p.reporting_grids()
                    .iter()
                    .map(|r| (r.grid_id, r.grid_name.clone()))
                    .collect()
            })
            .unwrap_or_default()
    });
    let opened = Editing::from_query();
    let this_month = client::today().map(Month::of).map(|m| m.to_string());
    let draft = opened.draft::<ReportDraft>();
    let grid = RwSignal::new(
        draft
            .as_ref()
            .map(|d| d.grid_id)
            .or_else(|| query.with_untracked(|q| q.get("grid").and_then(|g| g.parse().ok())))
            .or(grids.first().map(|g| g.0))
            .unwrap_or(0),
    );
    let month = RwSignal::new(
        draft
            .as_ref()
            .map(|d| d.month.clone())
            .or_else(|| query.with_untracked(|q| q.get("month")))
            .or(this_month)
            .unwrap_or_default(),
    );
    let text = |f: fn(&ReportDraft) -> &String| {
        RwSignal::new(draft.as_ref().map(|d| f(d).clone()).unwrap_or_default())
    };
    let work_done = text(|d| &d.work_done);
    let problems = text(|d| &d.problems);
    let next_steps = text(|d| &d.next_steps);
    // What the township said, and what the server refused, about the report being edited.
    let notice = opened.record.as_ref().and_then(|r| match &r.state {
        RecordState::Returned { comment } => Some(format!(
            "乡镇退回了这份汇报：{}",
            comment.clone().unwrap_or_default()
        )),
        RecordState::Rejected { problems } => Some(format!(
            "服务器未接受这份汇报：{}",
            problems
                .iter()
                .map(|p| p.message.clone())
                .collect::<Vec<_>>()
                .join("；")
        )),
        _ => None,
    });
    let save = RecordForm::<ReportDraft>::new(opened.id);
    let error_for = move |field: &'static str| save.error_for(field);
    let figures = move || month_figures(&client, grid.get(), &month.get());
    // Quotes the figures in 本月工作情况, for the leader to keep or edit.
    let quote = move |_| {
        let sentence = figures().sentence(&month_label(&month.get_untracked()));
        work_done.update(|text| {
            if !text.trim().is_empty() {
                text.push('\n');
            }
            text.push_str(&sentence);
        });
    };

    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ReportDraft {
            grid_id: grid.get_untracked(),
            month: month.get_untracked(),
            work_done: work_done.get_untracked(),
            problems: problems.get_untracked(),
            next_steps: next_steps.get_untracked(),
        };
        // One report per grid and month: writing it again edits the one the phone holds.
        let existing = local_report(&client, draft.grid_id, draft.month.trim());
        if existing
            .as_ref()
            .is_some_and(|r| r.state == RecordState::Approved)
        {
            save.refuse(format!(
                "{}的汇报已审核通过并锁定，不能修改；如需修改请联系乡镇网格长解锁",
                month_label(&draft.month)
            ));
            return;
        }
        save.editing.set(existing.map(|r| r.id));
        let navigate = navigate.clone();
        save.submit(draft, move |_| navigate("/records", Default::default()));
    };

    view! {
        <section class="card">
            <h1>"情况汇报"</h1>
            {notice.map(|n| view! { <p class="error" role="alert">{n}</p> })}
            <form on:submit=submit class="form" novalidate>
                <GridChoice grids=grids.clone() chosen=grid on_choose=move |g| grid.set(g)
                    error=Signal::derive(error_for("grid_id")) />
                <label>
                    "汇报月份"
                    <input type="month" name="month" bind:value=month />
                    <span class="field-error">{error_for("month")}</span>
                </label>
                <p class="hint" role="status">
                    {move || {
                        let f = figures();
                        format!(
                            "本网格{}：走访 {} 次，网格活动 {} 次，培训 {} 次（含本手机未同步的记录）",
                            month_label(&month.get()), f.visits, f.activities, f.trainings
                        )
                    }}
                </p>
                <button type="button" class="button subtle" on:click=quote>"填入本月数据"</button>
                <Part label="本月工作情况" name="work_done" placeholder="走访、培训、统计之家活动、数据质量等"
                    value=work_done error=Signal::derive(error_for("work_done")) />
                <Part label="存在问题" name="problems" placeholder="没有可不填"
                    value=problems error=Signal::derive(error_for("problems")) />
                <Part label="下月工作打算" name="next_steps" placeholder=""
                    value=next_steps error=Signal::derive(error_for("next_steps")) />
                <SaveControls state=save.state label="保存并提交" />
            </form>
        </section>
    }
}

/// One part of the report: a labelled text area with its error. One component for all three
/// parts, so the browser bundle carries its code once.
#[component]
fn Part(
    label: &'static str,
    name: &'static str,
    placeholder: &'static str,
    value: RwSignal<String>,
    error: Signal<String>,
) -> impl IntoView {
    view! {
        <label>
            {label}
            <textarea name=name rows="4" placeholder=placeholder
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))></textarea>
            <span class="field-error">{move || error.get()}</span>
        </label>
    }
}
