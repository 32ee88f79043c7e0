//! A monthly report in 我的记录: its review state, the township's comment, and a way to edit.
use crate::domain::period::Month;
use crate::domain::report::ReportDraft;
use crate::layout::words as shared;
use crate::records::{ListItem, refusal, state_class};
use crate::reports::words;
use crate::sync::outbox::{OutboxRecord, RecordState};
use crate::sync::state::use_client;
use crate::sync::withdraw::WithdrawButton;
use leptos::prelude::*;
use leptos_router::components::A;

/// The month as people say it, e.g. 2026年11月; the raw text when it is not a month.
pub fn month_label(month: &str) -> String {
    Month::parse(month).map_or_else(|_| month.to_owned(), |m| m.label())
}

/// The state as a leader reads it: a synced report waits for the township.
pub fn report_state_label(state: &RecordState) -> &'static str {
    match state {
        RecordState::Synced { .. } => words::SUBMITTED,
        other => other.label(),
    }
}

impl ListItem for ReportDraft {
    fn item(record: OutboxRecord, report: Self) -> AnyView {
        view! { <ReportItem record report /> }.into_any()
    }
}

#[component]
fn ReportItem(record: OutboxRecord, report: ReportDraft) -> impl IntoView {
    let client = use_client();
    let grid = client.profile.with_untracked(|p| {
        p.as_ref()
            .and_then(|p| p.roles.iter().find(|r| r.grid_id == report.grid_id))
            .map_or_else(
                || shared::grid_number(report.grid_id),
                |r| r.grid_name.clone(),
            )
    });
    let comment = match &record.state {
        RecordState::Returned { comment } => Some(comment.clone().unwrap_or_default()),
        _ => None,
    };
    let problems = refusal(&record.state);
    let edit = record
        .editable()
        .then(|| format!("/reports/new?id={}", record.id));
    view! {
        <li class="record report">
            <div class="record-head">
                <strong>{words::headline(&month_label(&report.month))}</strong>
                <span class=state_class(&record.state)>{if record.withdrawn { record.label() } else { report_state_label(&record.state) }}</span>
            </div>
            <div class="muted">{grid} {words::after_grid(record.version)}</div>
            <p class="findings">{report.work_done}</p>
            {comment.map(|c| view! { <p class="error">{words::RETURN_COMMENT} {c}</p> })}
            {problems.map(|p| view! { <p class="error">{p}</p> })}
            {(record.state == RecordState::Approved).then(|| view! {
                <p class="muted">{words::LOCKED}</p>
            })}
            {edit.map(|href| view! { <A href=href attr:class="button">{words::EDIT}</A> })}
            <WithdrawButton record=record.clone() />
        </li>
    }
}
