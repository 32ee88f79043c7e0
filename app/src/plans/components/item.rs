//! An annual plan in 我的记录: grid, year, its sync state, its parts, and a way to edit it.
use crate::domain::annual_plan::{AnnualPlanDraft, PARTS};
use crate::layout::words as shared;
use crate::plans::words;
use crate::records::{ListItem, PartsItem};
use crate::sync::outbox::OutboxRecord;
use crate::sync::state::use_client;
use leptos::prelude::*;

impl ListItem for AnnualPlanDraft {
    fn item(record: OutboxRecord, plan: Self) -> AnyView {
        let grid = use_client().directory.with_untracked(|d| {
            d.grid(plan.grid_id)
                .map_or_else(|| shared::grid_number(plan.grid_id), |g| g.name.clone())
        });
        let parts = PARTS
            .iter()
            .zip(plan.parts())
            .map(|((_, label), text)| (*label, text.clone()))
            .collect();
        view! {
            <PartsItem record headline=words::headline(plan.year, &grid) parts
                form="/plans/new" edit=words::EDIT />
        }
        .into_any()
    }
}
