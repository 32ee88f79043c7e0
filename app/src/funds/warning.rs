//! The warning under an activity's spending when it would take the grid over its funds. The
//! balance is the server's at the last answer (kept on the phone, so it warns offline too),
//! less what the phone's unsent activities of the grid spend.
use super::api::{GridBalance, MINE_PATH};
use super::words;
use crate::domain::activity::{ActivityDraft, SPEND_MAX_YUAN};
use crate::domain::funds::overrun;
use crate::domain::money::parse_yuan;
use crate::domain::period::parse_date;
use crate::sync::kept::Kept;
use crate::sync::state::use_client;
use leptos::prelude::*;
use uuid::Uuid;

/// The activity's spending in fen, if it reads as one.
fn spend_of(draft: &ActivityDraft) -> Option<i64> {
    parse_yuan(&draft.spend_yuan, SPEND_MAX_YUAN).ok()
}

/// The activity's year, if its date reads as one.
fn year_of(draft: &ActivityDraft) -> Option<i32> {
    parse_date(&draft.activity_date).ok().map(|d| d.year())
}

#[component]
pub fn FundsWarning(form: RwSignal<ActivityDraft>, editing: Option<Uuid>) -> impl IntoView {
    let client = use_client();
    let shown = RwSignal::new(None::<Kept<GridBalance>>);
    let person = move || client.profile.with(|p| p.as_ref().map(|p| p.person_id));
    Effect::new(move |_| {
        if let Some(person) = person() {
            crate::sync::kept::load(MINE_PATH, format!("statgrid.funds.{person}"), shown);
        }
    });
    let warning = move || {
        let (grid, year, spend) = form.with(|f| (f.grid_id, year_of(f), spend_of(f)));
        let (year, spend) = (year?, spend?);
        let balance = shown.with(|kept| {
            let kept = kept.as_ref()?;
            let line = kept
                .list
                .iter()
                .find(|b| b.grid_id == grid && b.year == year)?;
            Some(line.balance_fen)
        })?;
        let me = person()?;
        let (unsent, counted) = client.records.with(|records| {
            let of_grid = records
                .iter()
                .filter(|r| r.person_id == me && !r.withdrawn)
                .filter_map(|r| Some((r, r.draft_of::<ActivityDraft>()?)))
                .filter(|(_, a)| a.grid_id == grid && year_of(a) == Some(year));
            let mut unsent = 0;
            let mut counted = 0;
            for (record, activity) in of_grid {
                let fen = spend_of(activity).unwrap_or(0);
                match (Some(record.id) == editing, record.is_unsynced()) {
                    (false, true) => unsent += fen,
                    // The one being changed, as the server counted it: its new spending replaces it.
                    (true, false) => counted += fen,
                    _ => {}
                }
            }
            (unsent, counted)
        });
        let by = overrun(balance + counted, unsent, spend)?;
        Some(words::overrun(by, balance + counted - unsent))
    };
    view! {
        {move || warning().map(|w| view! { <p class="notice warn" role="alert">{w}</p> })}
    }
}
