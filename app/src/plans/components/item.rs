//! An annual plan in 我的记录: grid, year, its sync state, and a way to edit it (the form is in
//! the filing bundle: a full load).
use crate::domain::annual_plan::{AnnualPlanDraft, PARTS};
use crate::layout::words as shared;
use crate::plans::words;
use crate::records::{ListItem, refusal, state_class};
use crate::sync::outbox::OutboxRecord;
use crate::sync::state::use_client;
use crate::sync::withdraw::WithdrawButton;
use leptos::prelude::*;

impl ListItem for AnnualPlanDraft {
    fn item(record: OutboxRecord, plan: Self) -> AnyView {
        view! { <PlanItem record plan /> }.into_any()
    }
}

#[component]
fn PlanItem(record: OutboxRecord, plan: AnnualPlanDraft) -> impl IntoView {
    let grid = use_client().directory.with_untracked(|d| {
        d.grid(plan.grid_id)
            .map_or_else(|| shared::grid_number(plan.grid_id), |g| g.name.clone())
    });
    let problems = refusal(&record.state);
    let edit = record
        .editable()
        .then(|| format!("/plans/new?id={}", record.id));
    let parts = PARTS
        .iter()
        .zip(plan.parts())
        .map(|((_, label), text)| view! { <p class="findings"><strong>{*label} "："</strong>{text.clone()}</p> })
        .collect_view();
    view! {
        <li class="record">
            <div class="record-head">
                <strong>{words::headline(plan.year, &grid)}</strong>
                <span class=state_class(&record.state)>{record.label()}</span>
            </div>
            <div class="muted">{shared::version(record.version)}</div>
            {parts}
            {problems.map(|p| view! { <p class="error">{p}</p> })}
            {edit.map(|href| view! { <a href=href rel="external" class="button">{words::EDIT}</a> })}
            <WithdrawButton record=record.clone() />
        </li>
    }
}
