//! Minutes in 我的记录: township, day, sync state, the parts, and a way to edit them.
use super::super::words;
use crate::domain::analysis_meeting::{AnalysisMeetingDraft, PARTS};
use crate::layout::words as shared;
use crate::records::{ListItem, PartsItem};
use crate::sync::outbox::OutboxRecord;
use crate::sync::state::use_client;
use leptos::prelude::*;

impl ListItem for AnalysisMeetingDraft {
    fn item(record: OutboxRecord, minutes: Self) -> AnyView {
        let township = use_client().directory.with_untracked(|d| {
            d.grid(minutes.grid_id)
                .map_or_else(|| shared::grid_number(minutes.grid_id), |g| g.name.clone())
        });
        let parts = PARTS
            .iter()
            .zip(minutes.parts())
            .map(|((_, label), text)| (*label, text.clone()))
            .collect();
        let headline = words::headline(&minutes.meeting_date, &township);
        view! {
            <PartsItem record headline parts form="/meetings/new" edit=words::EDIT />
        }
        .into_any()
    }
}
