//! A score sheet in 我的记录: its role, day and how many items were scored, sync state, and a
//! way to go on scoring it (it is never withdrawn).
use super::super::words;
use crate::domain::evaluation::ScoreSheetDraft;
use crate::records::{ListItem, PartsItem};
use crate::sync::outbox::OutboxRecord;
use leptos::prelude::*;

impl ListItem for ScoreSheetDraft {
    fn item(record: OutboxRecord, sheet: Self) -> AnyView {
        let headline = words::record_line(sheet.role, &sheet.scored_on, sheet.marks.len());
        view! {
            <PartsItem record headline parts=Vec::new() form="/evaluation/sheet" edit=words::EDIT />
        }
        .into_any()
    }
}
