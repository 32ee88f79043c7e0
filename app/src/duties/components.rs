//! 待办 on the home page, from the list kept since the last sync, less what this phone has
//! done since: monthly-report reminders for the person's role, the quarter's grid activities,
//! and 本季度待办 (the visits still owed in their enterprise grids). Works offline.
use super::api::{Duty, DutyList, MemberEducation, Reminder};
use super::words;
use super::{open_reminders, still_open};
use crate::domain::activity::ActivityDraft;
use crate::domain::activity::activity_duties;
use crate::domain::cadence::Status;
use crate::domain::grid::GridKind;
use crate::domain::period::{Quarter, parse_date};
use crate::domain::training::TrainingDraft;
use crate::domain::training::education_status;
use crate::domain::visit::VisitDraft;
use crate::sync::client;
use crate::sync::outbox::{OutboxRecord, RecordState};
use crate::sync::state::{ClientState, use_client};
use leptos::prelude::*;

/// What the cards show: the duty list the server sent last, less what the records on the
/// phone (sent or not) have met since.
#[derive(Clone, PartialEq)]
struct Open {
    quarter: String,
    due: String,
    duties: Vec<Duty>,
    reminders: Vec<Reminder>,
    visits_owed: bool,
    activities: Vec<(String, Status)>,
    education: Option<(u32, u32, Status)>,
    members_education: Vec<MemberEducation>,
}

fn open_duties(client: ClientState) -> Option<Open> {
    let list = client.duties.get()?;
    let own = client.own_counted_records();
    let pending: Vec<(i32, time::Date)> = own
        .iter()
        .filter(|r| matches!(r.state, RecordState::Pending))
        .filter_map(|r| r.draft_of::<VisitDraft>())
        .filter_map(|v| Some((v.enterprise_id, parse_date(&v.visit_date).ok()?)))
        .collect();
    let duties = match parse_date(&list.first_day) {
        Ok(first) => still_open(&list.duties, &pending, Quarter::of(first)),
        Err(_) => list.duties.clone(),
    };
    let me = client
        .profile
        .with(|p| p.as_ref().map_or(0, |p| p.person_id));
    let visits_owed = client.profile.with(|p| {
        p.as_ref()
            .is_some_and(|p| p.roles.iter().any(|r| r.kind == GridKind::Enterprise))
    });
    Some(Open {
        reminders: open_reminders(&list.reminders, &own),
        activities: activity_statuses(&list, &own),
        education: education_hours(&list, &own, me),
        members_education: list.members_education,
        quarter: list.quarter,
        due: list.due,
        duties,
        visits_owed,
    })
}

#[component]
pub fn DutiesCard() -> impl IntoView {
    let client = use_client();
    let open = Memo::new(move |_| open_duties(client));
    move || {
        open.get().map(|Open { quarter, due, duties, reminders, visits_owed, activities, education, members_education }| {
            let count = duties.len();
            view! {
                {(!reminders.is_empty()).then(|| view! {
                    <section class="card duties">
                        <h2>{words::REMINDERS}</h2>
                        <ul class="duty-list reminders">
                            {reminders.into_iter().map(|m| view! {
                                <DutyItem status=m.status text=m.title note=m.note />
                            }).collect_view()}
                        </ul>
                    </section>
                })}
                {education.map(|(hours, required, status)| view! {
                    <section class="card duties">
                        <h2>{words::EDUCATION}</h2>
                        <ul class="duty-list education">
                            <DutyItem status text=words::hours_so_far(hours) note=words::hours_required(required) />
                        </ul>
                    </section>
                })}
                {(!members_education.is_empty()).then(|| view! {
                    <section class="card duties">
                        <h2>{words::MEMBERS_EDUCATION}</h2>
                        <ul class="duty-list members-education">
                            {members_education.into_iter().map(|m| view! {
                                <DutyItem
                                    status=m.status
                                    text=m.name
                                    note=words::member_hours(&m.grid_name, m.hours, m.required)
                                />
                            }).collect_view()}
                        </ul>
                    </section>
                })}
                {(!activities.is_empty()).then(|| view! {
                    <section class="card duties">
                        <h2>{words::ACTIVITIES}</h2>
                        <ul class="duty-list activities">
                            {activities.into_iter().map(|(grid, status)| view! {
                                <DutyItem status text=grid note=words::ONCE_A_QUARTER.into() />
                            }).collect_view()}
                        </ul>
                    </section>
                })}
                {visits_owed.then(|| view! {
                    <section class="card duties">
                        <h2>{words::visits_title(&quarter)}</h2>
                        {if count == 0 {
                            view! { <p class="muted">{words::ALL_VISITED}</p> }.into_any()
                        } else {
                            view! {
                                <p class="muted">{words::still_to_visit(count, &due)}</p>
                                <ul class="duty-list">
                                    {duties.into_iter().map(|d| view! {
                                        <DutyItem status=d.status text=d.enterprise_name note=d.grid_name />
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </section>
                })}
            }
        })
    }
}

/// Each of the person's grids with its quarterly activity duty, from the days the server
/// knew of at the last sync and the activities on this phone, sent or not.
fn activity_statuses(list: &DutyList, own: &[OutboxRecord]) -> Vec<(String, Status)> {
    let (Some(rule), Some(today)) = (&list.activity_rule, client::today()) else {
        return Vec::new();
    };
    let Ok(first) = parse_date(&list.first_day) else {
        return Vec::new();
    };
    let mut held: Vec<(i32, time::Date)> = own
        .iter()
        .filter(|r| !matches!(r.state, RecordState::Rejected { .. }))
        .filter_map(|r| r.draft_of::<ActivityDraft>())
        .filter_map(|a| Some((a.grid_id, parse_date(&a.activity_date).ok()?)))
        .collect();
    for grid in &list.activities {
        held.extend(
            grid.held
                .iter()
                .filter_map(|d| Some((grid.grid_id, parse_date(d).ok()?))),
        );
    }
    let ids: Vec<i32> = list.activities.iter().map(|g| g.grid_id).collect();
    let judged = activity_duties(rule, &ids, &held, Quarter::of(first), &list.waivers, today);
    list.activities
        .iter()
        .filter_map(|grid| {
            let (_, status) = judged.iter().find(|(id, _)| *id == grid.grid_id)?;
            Some((grid.grid_name.clone(), status.clone()))
        })
        .collect()
}

/// The person's continuing-education hours this year (trainings the server knows they
/// attended, and those on this phone not yet known there), the hours required, and the status.
fn education_hours(list: &DutyList, own: &[OutboxRecord], me: i32) -> Option<(u32, u32, Status)> {
    let rule = list.education_rule.as_ref()?;
    let today = client::today()?;
    let mut attended: Vec<(time::Date, u32)> = list
        .attended
        .iter()
        .filter_map(|a| Some((parse_date(&a.date).ok()?, a.hours)))
        .collect();
    attended.extend(
        own.iter()
            .filter(|r| !matches!(r.state, RecordState::Rejected { .. }))
            .filter(|r| !list.attended.iter().any(|a| a.id == r.id))
            .filter_map(|r| r.draft_of::<TrainingDraft>())
            .filter(|t| t.attendees.contains(&me))
            .filter_map(|t| Some((parse_date(&t.training_date).ok()?, t.hours))),
    );
    let (hours, status) = education_status(rule, me, today.year(), &attended, &list.waivers, today);
    Some((hours, rule.kind.required_amount(), status))
}

/// One line of a duty list: the status in words and colour, what is owed, and a note.
#[component]
fn DutyItem(status: Status, text: String, note: String) -> impl IntoView {
    view! {
        <li>
            <span class=format!("status {}", status.code())>{status.label()}</span>
            " " {text}
            <span class="muted">{format!(" · {note}")}</span>
        </li>
    }
}
