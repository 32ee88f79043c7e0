//! The major-event form (上报重大事项). Saved to the phone's outbox first, so it works offline;
//! the outbox sends it before any other record once a connection appears.
use crate::directory::picker::{GridChoice, member_grids};
use crate::domain::major_event::{MajorEventDraft, TITLE_MAX_CHARS};
use crate::domain::period::format_date;
use crate::filing::go_to_field_app;
use crate::sync::client;
use crate::sync::editing::{Editing, RecordForm, RefusalBanner, SaveControls, Saved, SignedIn};
use crate::sync::state::use_client;
use leptos::prelude::*;

#[component]
pub fn MajorEventFormPage() -> impl IntoView {
    view! {
        <SignedIn allowed=|p| !p.activity_grids().is_empty() refusal="只有企业网格的成员可以上报重大事项。">
            <MajorEventForm />
        </SignedIn>
    }
}

#[component]
fn MajorEventForm() -> impl IntoView {
    let client = use_client();
    let opened = Editing::from_query();
    let problems = opened.problems();
    let save = RecordForm::<MajorEventDraft>::new(opened.id);
    let editing = opened.id;
    let grids = member_grids();
    let today = client::today().map(format_date).unwrap_or_default();
    let draft = opened
        .draft::<MajorEventDraft>()
        .unwrap_or_else(|| MajorEventDraft {
            grid_id: grids.first().map_or(0, |g| g.0),
            enterprise_id: None,
            occurred_on: today,
            title: String::new(),
            details: String::new(),
            impact: String::new(),
        });
    let form = RwSignal::new(draft);
    let error_for = move |field: &'static str| save.error_for(field);
    let text = move |read: fn(&MajorEventDraft) -> &String| move || form.with(|f| read(f).clone());
    let set = move |write: fn(&mut MajorEventDraft, String)| {
        move |ev| form.update(|f| write(f, event_target_value(&ev)))
    };
    let enterprises = move || {
        let grid = form.with(|f| f.grid_id);
        client.directory.with(|d| {
            d.enterprises
                .iter()
                .filter(|e| e.grid_id == grid)
                .map(|e| (e.id, e.name.clone()))
                .collect::<Vec<_>>()
        })
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.submit(form.get_untracked(), move |saved| match saved {
            Saved::Changed => go_to_field_app("/records"),
            Saved::New => form.update(|f| {
                f.title.clear();
                f.details.clear();
                f.impact.clear();
                f.enterprise_id = None;
            }),
        });
    };

    view! {
        <section class="card">
            <h1>{if editing.is_some() { "修改重大事项" } else { "上报重大事项" }}</h1>
            <p class="hint">"发生或即将发生对统计数据有较大影响的事项，请立即上报。联网后优先于其他记录发送，乡镇和市统计局会立即看到。"</p>
            <RefusalBanner problems />
            <form on:submit=submit class="form" novalidate>
                <GridChoice label="所在网格" grids chosen=Signal::derive(move || form.with(|f| f.grid_id))
                    on_choose=move |grid| form.update(|f| {
                        f.grid_id = grid;
                        f.enterprise_id = None;
                    })
                    error=Signal::derive(error_for("grid_id")) />
                <label>
                    "涉及企业（可不选）"
                    <select name="enterprise"
                        on:change=move |ev| form.update(|f| f.enterprise_id = event_target_value(&ev).parse().ok())>
                        <option value="">"不涉及具体企业"</option>
                        <For each=enterprises key=|(id, _)| *id let((id, name))>
                            <option value=id.to_string() selected=move || form.with(|f| f.enterprise_id == Some(id))>{name}</option>
                        </For>
                    </select>
                    <span class="field-error">{error_for("enterprise_id")}</span>
                </label>
                <label>
                    "发生日期（或预计发生日期）"
                    <input type="date" name="occurred_on" prop:value=text(|f| &f.occurred_on)
                        on:input=set(|f, v| f.occurred_on = v) />
                    <span class="field-error">{error_for("occurred_on")}</span>
                </label>
                <label>
                    "事项标题"
                    <input type="text" name="title" maxlength=TITLE_MAX_CHARS.to_string()
                        placeholder="例如：某企业全面停产" prop:value=text(|f| &f.title)
                        on:input=set(|f, v| f.title = v) />
                    <span class="field-error">{error_for("title")}</span>
                </label>
                <label>
                    "事项经过"
                    <textarea name="details" rows="5" placeholder="发生了什么、原因、目前进展"
                        prop:value=text(|f| &f.details) on:input=set(|f, v| f.details = v)></textarea>
                    <span class="field-error">{error_for("details")}</span>
                </label>
                <label>
                    "对统计数据的影响"
                    <textarea name="impact" rows="3" placeholder="例如：预计本月产值减少约3000万元、用工减少200人"
                        prop:value=text(|f| &f.impact) on:input=set(|f, v| f.impact = v)></textarea>
                    <span class="field-error">{error_for("impact")}</span>
                </label>
                <SaveControls state=save.state label="保存并上报" saved="已保存（待同步，联网后优先上报）" />
            </form>
            <p><a href="/records" rel="external">"查看我的记录"</a></p>
        </section>
    }
}
