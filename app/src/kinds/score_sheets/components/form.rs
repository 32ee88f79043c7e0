//! A score sheet (评分表) filled in the field: the campaign's template item by item, with the
//! points, a note, the 看/问/查 box and photos of each, and the aspect subtotals, total and
//! grade summed as the server sums them. Saved to the phone's outbox first, so it works with no
//! network; the record's id is the unit's and role's, so every inspector of the unit carries
//! the same sheet on.
use super::super::api::Assigned;
use super::super::words;
use super::kept_key;
use crate::domain::assessment::parse_tenths;
use crate::domain::evaluation::{Item, Mark, ScoreSheetDraft};
use crate::domain::period::format_date;
use crate::photos::components::PhotoPicker;
use crate::sync::client;
use crate::sync::editing::{Editing, RecordForm, RefusalBanner, SaveControls, SignedIn};
use crate::sync::state::use_client;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use uuid::Uuid;

#[component]
pub fn ScoreSheetFormPage() -> impl IntoView {
    view! {
        <SignedIn allowed=|_| true refusal=words::TITLE>
            <Opened />
        </SignedIn>
    }
}

/// The phone's copy of the person's sheet `id`.
#[cfg(feature = "hydrate")]
fn kept(person_id: i32, id: Uuid) -> Option<Assigned> {
    use crate::sync::kv::{KeyValue, Local};
    let sheets: Vec<Assigned> = Local.get(&kept_key(person_id))?;
    sheets.into_iter().find(|s| s.id() == id)
}

#[cfg(not(feature = "hydrate"))]
fn kept(_person_id: i32, _id: Uuid) -> Option<Assigned> {
    let _ = kept_key;
    None
}

/// The sheet named by `?id=`, when the phone keeps it.
#[component]
fn Opened() -> impl IntoView {
    let person = use_client()
        .profile
        .with_untracked(|p| p.as_ref().map(|p| p.person_id));
    let id: Option<Uuid> = use_query_map()
        .with_untracked(|q| q.get("id"))
        .and_then(|id| id.parse().ok());
    match person.zip(id).and_then(|(p, id)| kept(p, id)) {
        Some(sheet) => view! { <SheetForm sheet /> }.into_any(),
        None => view! { <p class="card empty">{words::NOT_FOUND}</p> }.into_any(),
    }
}

/// One item as typed: points as text (blank until scored), note, the box, photos.
#[derive(Clone, Copy)]
struct Entry {
    points: RwSignal<String>,
    note: RwSignal<String>,
    done: RwSignal<bool>,
    photos: RwSignal<Vec<Uuid>>,
    /// Why what was typed cannot be kept.
    error: RwSignal<Option<&'static str>>,
}

impl Entry {
    fn of(mark: Option<&Mark>) -> Entry {
        let text = mark.map(|m| crate::domain::assessment::points_text(m.points));
        Entry {
            points: RwSignal::new(text.unwrap_or_default()),
            note: RwSignal::new(mark.map(|m| m.note.clone()).unwrap_or_default()),
            done: RwSignal::new(mark.is_some_and(|m| m.done)),
            photos: RwSignal::new(mark.map(|m| m.photos.clone()).unwrap_or_default()),
            error: RwSignal::new(None),
        }
    }

    /// The item's mark: none while blank; an error when the points do not read, or when a
    /// note, the box or photos wait for points (they would be lost).
    fn mark(&self, item: &str) -> Result<Option<Mark>, &'static str> {
        let text = self.points.get();
        let note = self.note.get();
        let (done, photos) = (self.done.get(), self.photos.get());
        if text.trim().is_empty() {
            let begun = !note.trim().is_empty() || done || !photos.is_empty();
            return if begun {
                Err(words::POINTS_FIRST)
            } else {
                Ok(None)
            };
        }
        let points = parse_tenths(&text).ok_or(words::BAD_POINTS)?;
        Ok(Some(Mark {
            item: item.to_owned(),
            points,
            note: note.trim().to_owned(),
            done,
            photos,
        }))
    }
}

type Entries = StoredValue<Vec<(Item, Entry)>>;

/// The marks that read, in the template's order.
fn marks(entries: Entries) -> Vec<Mark> {
    entries.with_value(|all| {
        (all.iter())
            .filter_map(|(item, e)| e.mark(&item.id).ok().flatten())
            .collect()
    })
}

#[component]
fn SheetForm(sheet: Assigned) -> impl IntoView {
    let id = sheet.id();
    let opened = Editing::from_query();
    let problems = opened.problems();
    let locked = opened.record.as_ref().is_some_and(|r| !r.editable());
    let before: Option<ScoreSheetDraft> = opened.draft();
    let save = RecordForm::<ScoreSheetDraft>::new(Some(id));
    let today = client::today().map(format_date).unwrap_or_default();
    let day = RwSignal::new(before.as_ref().map_or(today, |d| d.scored_on.clone()));
    let old = before.map(|d| d.marks).unwrap_or_default();
    let entries: Entries = StoredValue::new(
        (sheet.template.items())
            .map(|item| {
                (
                    item.clone(),
                    Entry::of(old.iter().find(|m| m.item == item.id)),
                )
            })
            .collect(),
    );
    let template = StoredValue::new(sheet.template.clone());
    let thresholds = sheet.thresholds;
    let items = sheet.template.items().count();
    let tally = Memo::new(move |_| template.with_value(|t| t.tally(&marks(entries))));
    let summary = move || {
        let t = tally.get();
        let grade = thresholds.grade(t.total).label();
        words::total(t.total, grade, items - t.unscored, items, t.unchecked)
    };
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut unreadable = false;
        let marks = entries.with_value(|all| {
            let mut marks = Vec::new();
            for (item, entry) in all {
                match entry.mark(&item.id) {
                    Ok(mark) => {
                        entry.error.set(None);
                        marks.extend(mark);
                    }
                    Err(why) => {
                        entry.error.set(Some(why));
                        unreadable = true;
                    }
                }
            }
            marks
        });
        if unreadable {
            save.refuse(words::FIX_MARKED.to_owned());
            return;
        }
        if let Err(errors) = template.with_value(|t| t.check(&marks)) {
            let why: Vec<String> = errors.iter().map(ToString::to_string).collect();
            save.refuse(why.join("；"));
            return;
        }
        let draft = ScoreSheetDraft {
            campaign_id: sheet.campaign_id,
            unit_id: sheet.unit_id,
            role: sheet.role,
            scored_on: day.get_untracked(),
            marks,
        };
        let navigate = navigate.clone();
        save.submit(draft, move |_| navigate("/evaluation", Default::default()));
    };
    let aspects = sheet.template.aspects.clone();
    view! {
        <section class="card">
            <h1>{words::heading(&sheet.unit, sheet.role)}</h1>
            <p class="muted">{words::template(&sheet.campaign, &sheet.template.name, sheet.template.version)}</p>
            {sheet.template.points_local.then(|| view! { <p class="hint">{words::POINTS_LOCAL}</p> })}
            <RefusalBanner problems />
            <p class="status" role="status">{summary}</p>
            {locked.then(|| view! { <p class="error">{words::LOCKED}</p> })}
            <form on:submit=submit class="form" novalidate>
                <label>
                    {words::DAY}
                    <input type="date" name="scored_on" prop:value=move || day.get()
                        on:input=move |ev| day.set(event_target_value(&ev)) />
                    <span class="field-error">{save.error_for("scored_on")}</span>
                </label>
                {aspects.into_iter().enumerate().map(|(n, aspect)| {
                    let of = aspect.points();
                    let name = aspect.name.clone();
                    let legend = move || words::aspect(&name, tally.with(|t| t.aspects.get(n).copied().unwrap_or(0)), of);
                    view! {
                        <fieldset class="participants">
                            <legend>{legend}</legend>
                            {aspect.items.iter().map(|item| item_fields(entries, item)).collect_view()}
                        </fieldset>
                    }
                }).collect_view()}
                <span class="field-error">{save.error_for("marks")}</span>
                {(!locked).then(|| view! { <SaveControls state=save.state label=words::SAVE /> })}
            </form>
        </section>
    }
}

/// One item's fields: its text, method and evidence, then points, the box, note and photos.
fn item_fields(entries: Entries, item: &Item) -> impl IntoView + use<> {
    let entry =
        entries.with_value(|all| all.iter().find(|(i, _)| i.id == item.id).map(|(_, e)| *e));
    let entry = entry?;
    let name = format!("points-{}", item.id);
    let evidence =
        (!item.evidence.is_empty()).then(|| format!("{}{}", words::EVIDENCE, item.evidence));
    Some(view! {
        <div class="findings">
            <p><strong>{words::item(&item.text, item.points)}</strong></p>
            {evidence.map(|e| view! { <p class="hint">{e}</p> })}
            <label>
                {words::POINTS}
                <input type="text" inputmode="decimal" name=name
                    prop:value=move || entry.points.get()
                    on:input=move |ev| entry.points.set(event_target_value(&ev)) />
                <span class="field-error">{move || entry.error.get()}</span>
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=move || entry.done.get()
                    on:change=move |ev| entry.done.set(event_target_checked(&ev)) />
                {words::done(item.method)}
            </label>
            <label>
                {words::NOTE}
                <textarea rows="2" prop:value=move || entry.note.get()
                    on:input=move |ev| entry.note.set(event_target_value(&ev))></textarea>
            </label>
            <PhotoPicker photos=entry.photos />
        </div>
    })
}
