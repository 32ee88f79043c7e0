//! 在线课堂 on the phone: the courses put up for the person, newest first, each with its link
//! and, until the phone holds an online training of its name, a way to record having studied
//! it (the training form, filled in from the course). The last list the server sent is kept on
//! the phone, so the page reads offline.
use super::api::Course;
use super::words;
use crate::domain::training::{TrainingDraft, TrainingSession, TrainingTopic};
use crate::layout::words as shared;
use crate::sync::kept::Kept;
use crate::sync::state::{ClientState, use_client};
use leptos::prelude::*;

/// The LocalStorage key of the person's courses, which the training form reads too.
pub fn kept(person: i32) -> String {
    format!("statgrid.courses.{person}")
}

#[component]
pub fn CoursesPage() -> impl IntoView {
    let client = use_client();
    let shown = RwSignal::new(None::<Kept<Course>>);
    let person = move || client.profile.with(|p| p.as_ref().map(|p| p.person_id));
    Effect::new(move |_| {
        if let Some(person) = person() {
            crate::sync::kept::load(super::api::COURSES_PATH, kept(person), shown);
        }
    });
    view! {
        <section class="card courses">
            <h1>{words::TITLE}</h1>
            <Show
                when=move || person().is_some()
                fallback=|| view! { <p>{words::SIGN_IN_FIRST} <a href="/login" rel="external">{shared::SIGN_IN}</a></p> }
            >
                {move || shown.get().map(|Kept { list: courses, offline }| view! {
                    {offline.then(|| view! { <p class="muted">{words::OFFLINE}</p> })}
                    {courses.is_empty().then(|| view! { <p class="empty">{words::NONE_RECEIVED}</p> })}
                    <ul class="notice-list">
                        {courses.into_iter().map(|course| view! { <Offered course client /> }).collect_view()}
                    </ul>
                })}
            </Show>
        </section>
    }
}

#[component]
fn Offered(course: Course, client: ClientState) -> impl IntoView {
    let title = course.title.clone();
    let recorded = move || studied(client, &title);
    let topic = TrainingTopic::from_code(&course.topic).map_or("", |t| t.label());
    let line = words::course_line(topic, course.hours, &course.unit, &course.posted_on);
    let link = (!course.link.is_empty()).then(|| {
        view! { <a class="button" href=course.link target="_blank" rel="noopener noreferrer">{words::OPEN}</a> }
    });
    let record = format!("/trainings/new?course={}", course.id);
    view! {
        <li>
            <details>
                <summary><strong>{course.title}</strong></summary>
                <p class="muted">{line}</p>
                <p class="notice-body">{course.body}</p>
                <p class="course-actions">
                    {link}
                    {move || if recorded() {
                        view! { <span class="badge done">{words::RECORDED}</span> }.into_any()
                    } else {
                        view! { <a class="button primary" href=record.clone()>{words::RECORD}</a> }.into_any()
                    }}
                </p>
            </details>
        </li>
    }
}

/// Whether the phone holds an online training of `title` the person attended.
fn studied(client: ClientState, title: &str) -> bool {
    let me = client
        .profile
        .with(|p| p.as_ref().map_or(0, |p| p.person_id));
    client.records.with(|all| {
        all.iter().filter(|r| !r.withdrawn).any(|r| {
            r.draft_of::<TrainingDraft>().is_some_and(|t| {
                t.title == title
                    && t.session == TrainingSession::Online.code()
                    && t.attendees.contains(&me)
            })
        })
    })
}

/// The training an online course becomes once studied: the course's name, subject and hours,
/// organised by its unit, today, by the person alone.
pub fn training_of(course: &Course, grid_id: i32, person: i32, today: String) -> TrainingDraft {
    TrainingDraft {
        grid_id,
        title: course.title.clone(),
        training_date: today,
        organiser: course.unit.clone(),
        topic: course.topic.clone(),
        session: TrainingSession::Online.code().to_owned(),
        hours: course.hours,
        attendees: vec![person],
    }
}

/// The course `id` among the person's kept courses.
pub fn kept_course(person: i32, id: i32) -> Option<Course> {
    browser::kept_list(person).into_iter().find(|c| c.id == id)
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::kept;
    use crate::courses::api::Course;
    use crate::sync::kv::{KeyValue, Local};

    pub fn kept_list(person: i32) -> Vec<Course> {
        Local.get(&kept(person)).unwrap_or_default()
    }
}

/// On the server there is no phone's copy.
#[cfg(not(feature = "hydrate"))]
mod browser {
    use crate::courses::api::Course;

    pub fn kept_list(_person: i32) -> Vec<Course> {
        Vec::new()
    }
}
