//! A progress report in 我的记录: the report, its deadline and grid, sync state, the parts,
//! and a way to edit it.
use super::super::words;
use crate::domain::progress_report::{PARTS, ProgressReportDraft};
use crate::layout::words as shared;
use crate::records::{ListItem, PartsItem};
use crate::sync::outbox::OutboxRecord;
use crate::sync::state::use_client;
use leptos::prelude::*;

impl ListItem for ProgressReportDraft {
    fn item(record: OutboxRecord, report: Self) -> AnyView {
        let grid = use_client().directory.with_untracked(|d| {
            d.grid(report.grid_id)
                .map_or_else(|| shared::grid_number(report.grid_id), |g| g.name.clone())
        });
        let parts = PARTS
            .iter()
            .zip(report.parts())
            // The documents may be left empty: no bare heading for them.
            .filter(|(_, text)| !text.is_empty())
            .map(|((_, label, _), text)| (*label, text.clone()))
            .collect();
        let headline = words::headline(&report.label, &report.deadline, &grid);
        view! {
            <PartsItem record headline parts form="/progress/new" edit=words::EDIT />
        }
        .into_any()
    }
}
