//! The activity form (统计之家活动). Saving goes to the phone's outbox first, so it works
//! offline; the same validation as the server's runs before anything is saved.
use crate::directory::picker::{GridChoice, MemberPicker, member_grids};
use crate::domain::activity::{ActivityDraft, ActivityType, SPEND_MAX_YUAN};
use crate::domain::period::format_date;
use crate::filing::go_to_field_app;
use crate::photos::components::PhotoPicker;
use crate::sync::client;
use crate::sync::editing::{Editing, RecordForm, RefusalBanner, SaveControls, Saved, SignedIn};
use crate::sync::state::use_client;
use leptos::prelude::*;

#[component]
pub fn ActivityFormPage() -> impl IntoView {
    view! {
        <SignedIn allowed=|p| !p.activity_grids().is_empty() refusal="只有企业网格的成员可以记录网格活动。">
            <ActivityForm />
        </SignedIn>
    }
}

#[component]
fn ActivityForm() -> impl IntoView {
    let client = use_client();
    let opened = Editing::from_query();
    let problems = opened.problems();
    let save = RecordForm::<ActivityDraft>::new(opened.id);
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
            place: "统计之家".into(),
            participants: vec![me],
            summary: String::new(),
            spend_yuan: String::new(),
            photos: Vec::new(),
        });
    let participants = RwSignal::new(draft.participants.clone());
    let photos = RwSignal::new(draft.photos.clone());
    let form = RwSignal::new(draft);
    let error_for = move |field: &'static str| save.error_for(field);
    let text = move |read: fn(&ActivityDraft) -> &String| move || form.with(|f| read(f).clone());
    let set = move |write: fn(&mut ActivityDraft, String)| {
        move |ev| form.update(|f| write(f, event_target_value(&ev)))
    };

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
            <h1>{if editing.is_some() { "修改网格活动" } else { "记录网格活动" }}</h1>
            <RefusalBanner problems />
            <form on:submit=submit class="form" novalidate>
                <GridChoice grids chosen=Signal::derive(move || form.with(|f| f.grid_id))
                    on_choose=move |grid| {
                        form.update(|f| f.grid_id = grid);
                        participants.set(Vec::new());
                    }
                    error=Signal::derive(error_for("grid_id")) />
                <label>
                    "活动类型"
                    <select name="activity_type" prop:value=text(|f| &f.activity_type)
                        on:change=set(|f, v| f.activity_type = v)>
                        <option value="">"请选择类型"</option>
                        {ActivityType::ALL.iter().map(|t| {
                            let code = t.code();
                            view! { <option value=code selected=move || form.with(|f| f.activity_type == code)>{t.label()}</option> }
                        }).collect_view()}
                    </select>
                    <span class="field-error">{error_for("activity_type")}</span>
                </label>
                <label>
                    "活动日期"
                    <input type="date" name="activity_date" prop:value=text(|f| &f.activity_date)
                        on:input=set(|f, v| f.activity_date = v) />
                    <span class="field-error">{error_for("activity_date")}</span>
                </label>
                <label>
                    "地点"
                    <input type="text" name="place" prop:value=text(|f| &f.place)
                        on:input=set(|f, v| f.place = v) />
                    <span class="field-error">{error_for("place")}</span>
                </label>
                <MemberPicker legend="参加人员" grid=Signal::derive(move || form.with(|f| f.grid_id))
                    chosen=participants error=Signal::derive(error_for("participants")) />
                <label>
                    "活动内容"
                    <textarea name="summary" rows="5" placeholder="学习内容、交流的问题、形成的共识等"
                        prop:value=text(|f| &f.summary) on:input=set(|f, v| f.summary = v)></textarea>
                    <span class="hint">{move || format!("{} / 2000 字", form.with(|f| f.summary.trim().chars().count()))}</span>
                    <span class="field-error">{error_for("summary")}</span>
                </label>
                <label>
                    "活动经费（元，可不填）"
                    <input type="text" inputmode="decimal" name="spend_yuan" prop:value=text(|f| &f.spend_yuan)
                        on:input=set(|f, v| f.spend_yuan = v) />
                    <span class="hint">{format!("最多 {SPEND_MAX_YUAN} 元")}</span>
                    <span class="field-error">{error_for("spend_yuan")}</span>
                </label>
                <PhotoPicker photos />
                <SaveControls state=save.state />
            </form>
        </section>
    }
}
