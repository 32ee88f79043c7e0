//! Who fills which unit's sheet: the list, with a way to end an assignment, and a form to add
//! one by unit code, phone number and role.
use crate::admin::components::{alert, hydrated};
use crate::domain::evaluation::{Linker, SheetRole};
use crate::evaluation::api::{AssignmentEntry, CampaignView, assign, unassign};
use crate::evaluation::words;
use leptos::prelude::*;

#[component]
pub fn Assignments(
    campaign: CampaignView,
    shown: RwSignal<CampaignView>,
    /// Kept outside the campaign's view, which a change draws again.
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let ready = hydrated();
    let id = campaign.id;
    let add = Action::new(move |entry: &AssignmentEntry| assign(id, entry.clone()));
    let remove = Action::new(move |assignment: &i32| unassign(id, *assignment));
    for action in [add.value(), remove.value()] {
        Effect::new(move |_| match action.get() {
            Some(Ok(view)) => {
                message.set(None);
                shown.set(view);
            }
            Some(Err(e)) => message.set(Some(e.to_string())),
            None => {}
        });
    }
    let code = NodeRef::<leptos::html::Select>::new();
    let phone = NodeRef::<leptos::html::Input>::new();
    let role = NodeRef::<leptos::html::Select>::new();
    let linker = NodeRef::<leptos::html::Select>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(code), Some(phone), Some(role)) = (code.get(), phone.get(), role.get()) else {
            return;
        };
        let role = SheetRole::from_code(&role.value()).unwrap_or(SheetRole::Inspection);
        let linker = linker.get().and_then(|l| Linker::from_code(&l.value()));
        add.dispatch(AssignmentEntry {
            code: code.value(),
            phone: phone.value(),
            role,
            linker,
        });
    };
    view! {
        <h2>{words::ASSIGNMENTS}</h2>
        <p class="muted">{words::ASSIGN_HOW}</p>
        {campaign.assignments.is_empty().then(|| view! { <p class="empty">{words::NO_ASSIGNMENTS}</p> })}
        {(!campaign.contact_points.is_empty()).then(|| view! {
            <h3>{words::CONTACT_POINTS}</h3>
            <ul class="contact-points">
                {campaign.contact_points.iter().map(|p| view! {
                    <li>
                        {format!("{}（{}）：{} · ", p.person, p.linker, p.units)}
                        <span class=if p.met { "success" } else { "warning" }>{p.links.clone()}</span>
                    </li>
                }).collect_view()}
            </ul>
        })}
        <ul class="assignments">
            {campaign.assignments.into_iter().map(|a| {
                let assignment = a.id;
                view! {
                    <li>
                        {a.unit}" · "{a.role.label()}" · "{a.person}
                        {a.linker.map(|l| format!("（{}）", l.label()))}" "
                        <button type="button" class="button subtle" disabled=move || !ready.get()
                            on:click=move |_| { remove.dispatch(assignment); }>{words::UNASSIGN}</button>
                    </li>
                }
            }).collect_view()}
        </ul>
        <form class="form" on:submit=submit>
            <label>{words::UNIT}
                <select node_ref=code name="unit">
                    {campaign.units.into_iter().map(|u| view! { <option value=u.code>{u.name}</option> }).collect_view()}
                </select>
            </label>
            <label>{words::PHONE}<input node_ref=phone name="phone" inputmode="tel" maxlength="20" /></label>
            <label>{words::ROLE}
                <select node_ref=role name="role">
                    {SheetRole::ALL.into_iter().map(|r| view! { <option value=r.code()>{r.label()}</option> }).collect_view()}
                </select>
            </label>
            <label>{words::LINKER}
                <select node_ref=linker name="linker">
                    <option value="">{words::NOT_LINKED}</option>
                    {Linker::ALL.into_iter().map(|l| view! { <option value=l.code()>{l.label()}</option> }).collect_view()}
                </select>
            </label>
            {move || message.get().map(alert)}
            <button class="button primary" type="submit" disabled=move || !ready.get() || add.pending().get()>{words::ASSIGN}</button>
        </form>
    }
}
