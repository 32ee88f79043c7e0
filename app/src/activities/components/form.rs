//! The activity form (统计之家活动). Saving goes to the phone's outbox first, so it works
//! offline; the same validation as the server's runs before anything is saved.
use crate::activities::words;
use crate::directory::picker::{GridChoice, MemberPicker, member_grids};
use crate::domain::activity::{ActivityDraft, ActivityType};
use crate::domain::period::format_date;
use crate::domain::stats_home::GENERIC_PLACE;
use crate::filing::go_to_field_app;
use crate::funds::warning::FundsWarning;
use crate::layout::words::chars_used;
use crate::photos::components::PhotoPicker;
use crate::sync::client;
use crate::sync::editing::{Editing, RecordForm, RefusalBanner, SaveControls, Saved, SignedIn};
use crate::sync::state::use_client;
use leptos::prelude::*;

#[component]
pub fn ActivityFormPage() -> impl IntoView {
    view! {
        <SignedIn allowed=|p| !p.activity_grids().is_empty() refusal=words::REFUSAL>
            <ActivityForm />
        </SignedIn>
    }
}

type Save = RecordForm<ActivityDraft>;
type Form = RwSignal<ActivityDraft>;

#[component]
fn ActivityForm() -> impl IntoView {
    let client = use_client();
    let opened = Editing::from_query();
    let problems = opened.problems();
    let save = Save::new(opened.id);
    let editing = opened.id;
    let grids = member_grids();
    let me = client
        .profile
        .with_untracked(|p| p.as_ref().map_or(0, |p| p.person_id));
    let today = client::today().map(format_date).unwrap_or_default();
    let draft = opened
        .draft::<ActivityDraft>()
        .unwrap_or_else(|| ActivityDraft {
            grid_id: grids.first().map_or(0, |g| g.0),
            activity_type: String::new(),
            activity_date: today,
            place: usual_place(grids.first().map_or(0, |g| g.0)),
            participants: vec![me],
            summary: String::new(),
            spend_yuan: String::new(),
            photos: Vec::new(),
        });
    let participants = RwSignal::new(draft.participants.clone());
    let photos = RwSignal::new(draft.photos.clone());
    let form = RwSignal::new(draft);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut draft = form.get_untracked();
        draft.participants = participants.get_untracked();
        draft.photos = photos.get_untracked();
        save.submit(draft, move |saved| match saved {
            Saved::Changed => go_to_field_app("/records"),
            Saved::New => {
                form.update(|f| {
                    f.summary.clear();
                    f.spend_yuan.clear();
                });
                photos.set(Vec::new());
            }
        });
    };

    view! {
        <section class="card">
            <h1>{if editing.is_some() { words::EDIT_TITLE } else { words::NEW_TITLE }}</h1>
            <RefusalBanner problems />
            <form on:submit=submit class="form" novalidate>
                <GridChoice grids chosen=Signal::derive(move || form.with(|f| f.grid_id))
                    on_choose=move |grid| {
                        form.update(|f| {
                            if f.place == usual_place(f.grid_id) {
                                f.place = usual_place(grid);
                            }
                            f.grid_id = grid;
                        });
                        participants.set(Vec::new());
                    }
                    error=Signal::derive(save.error_for("grid_id")) />
                {what_when_where(save, form)}
                <MemberPicker legend=words::PARTICIPANTS grid=Signal::derive(move || form.with(|f| f.grid_id))
                    chosen=participants error=Signal::derive(save.error_for("participants")) />
                {summary_and_spend(save, form)}
                <FundsWarning form editing />
                <PhotoPicker photos />
                <SaveControls state=save.state />
            </form>
        </section>
    }
}

/// The 统计之家 of `grid`'s township, as the phone's directory holds them.
fn homes_of(grid: i32) -> Vec<String> {
    use_client().directory.with_untracked(|d| {
        (d.stats_homes.iter())
            .filter(|h| h.grid_id == grid)
            .map(|h| h.name.clone())
            .collect()
    })
}

/// The place a new activity of `grid` starts with: its township's one 统计之家 by name, else
/// just the words.
fn usual_place(grid: i32) -> String {
    match homes_of(grid).as_slice() {
        [one] => one.clone(),
        _ => GENERIC_PLACE.into(),
    }
}

/// A text field of the draft, to show.
fn text(form: Form, read: fn(&ActivityDraft) -> &String) -> impl Fn() -> String + Copy {
    move || form.with(|f| read(f).clone())
}

/// A text field of the draft, to change as it is typed.
fn set(form: Form, write: fn(&mut ActivityDraft, String)) -> impl Fn(leptos::ev::Event) + Copy {
    move |ev| form.update(|f| write(f, event_target_value(&ev)))
}

/// The activity's type, day and place.
fn what_when_where(save: Save, form: Form) -> impl IntoView {
    view! {
        <label>
            {words::TYPE}
            <select name="activity_type" prop:value=text(form, |f| &f.activity_type)
                on:change=set(form, |f, v| f.activity_type = v)>
                <option value="">{words::CHOOSE_TYPE}</option>
                {ActivityType::ALL.iter().map(|t| {
                    let code = t.code();
                    view! { <option value=code selected=move || form.with(|f| f.activity_type == code)>{t.label()}</option> }
                }).collect_view()}
            </select>
            <span class="field-error">{save.error_for("activity_type")}</span>
        </label>
        <label>
            {words::DATE}
            <input type="date" name="activity_date" prop:value=text(form, |f| &f.activity_date)
                on:input=set(form, |f, v| f.activity_date = v) />
            <span class="field-error">{save.error_for("activity_date")}</span>
        </label>
        <label>
            {words::PLACE}
            <input type="text" name="place" list="stats-homes" prop:value=text(form, |f| &f.place)
                on:input=set(form, |f, v| f.place = v) />
            <datalist id="stats-homes">
                {move || homes_of(form.with(|f| f.grid_id)).into_iter()
                    .map(|name| view! { <option value=name></option> }).collect_view()}
            </datalist>
            <span class="field-error">{save.error_for("place")}</span>
        </label>
    }
}

/// What was done, and what it cost.
fn summary_and_spend(save: Save, form: Form) -> impl IntoView {
    view! {
        <label>
            {words::SUMMARY}
            <textarea name="summary" rows="5" placeholder=words::SUMMARY_HINT
                prop:value=text(form, |f| &f.summary) on:input=set(form, |f, v| f.summary = v)></textarea>
            <span class="hint">{move || chars_used(form.with(|f| f.summary.trim().chars().count()))}</span>
            <span class="field-error">{save.error_for("summary")}</span>
        </label>
        <label>
            {words::SPEND}
            <input type="text" inputmode="decimal" name="spend_yuan" prop:value=text(form, |f| &f.spend_yuan)
                on:input=set(form, |f, v| f.spend_yuan = v) />
            <span class="hint">{words::spend_limit()}</span>
            <span class="field-error">{save.error_for("spend_yuan")}</span>
        </label>
    }
}
