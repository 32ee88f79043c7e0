//! 在线课堂 in the township view: the unit's courses of the year with how many of its people
//! recorded studying each, and, for whoever may notify the unit, the form to put one up and a
//! way to take one down.
use super::api::{Course, UnitCourses, load_unit_courses, post_course, remove_course};
use super::words;
use crate::admin::components::{alert, hydrated};
use crate::domain::course::{BODY_MAX_CHARS, CourseDraft, LINK_MAX_CHARS, TITLE_MAX_CHARS};
use crate::domain::training::{HOURS_MAX, TrainingTopic};
use crate::error::AppError;
use crate::layout::words as shared;
use crate::township::edited::Edited;
use leptos::prelude::*;

type Post = Action<CourseDraft, Result<UnitCourses, AppError>>;
type Remove = Action<i32, Result<UnitCourses, AppError>>;

#[component]
pub fn CoursesCard(scope: i32) -> impl IntoView {
    let loaded = Resource::new(move || scope, load_unit_courses);
    let edited = Edited::<UnitCourses>::default();
    let refusal = edited.refusal;
    let post: Post = Action::new(move |draft: &CourseDraft| post_course(scope, draft.clone()));
    let remove: Remove = Action::new(move |id: &i32| remove_course(scope, *id));
    edited.follow(post);
    edited.follow(remove);
    view! {
        <Suspense fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
            {move || loaded.get().map(|first| {
                let shown = edited.shown(first);
                move || match shown() {
                    Err(why) => Some(alert(why).into_any()),
                    Ok(None) => None,
                    Ok(Some(courses)) => Some(view! { <CoursesView courses post remove refusal /> }.into_any()),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CoursesView(
    courses: UnitCourses,
    post: Post,
    remove: Remove,
    refusal: RwSignal<Option<String>>,
) -> impl IntoView {
    let may_post = courses.may_post;
    let list = if courses.courses.is_empty() {
        view! { <p class="empty">{words::NONE_POSTED}</p> }.into_any()
    } else {
        view! {
            <ul class="notice-list">
                {courses.courses.into_iter().map(|(course, studied)| view! {
                    <Posted course studied may_post remove />
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="courses">
            <h2>{words::card_title(&courses.unit)}</h2>
            {move || refusal.get().map(alert)}
            {may_post.then(|| view! {
                <details class="waive">
                    <summary>{words::NEW}</summary>
                    <CourseForm post />
                </details>
            })}
            {list}
        </section>
    }
}

#[component]
fn Posted(course: Course, studied: usize, may_post: bool, remove: Remove) -> impl IntoView {
    let ready = hydrated();
    let id = course.id;
    let topic = TrainingTopic::from_code(&course.topic).map_or("", |t| t.label());
    let line = words::course_line(topic, course.hours, &course.unit, &course.posted_on);
    view! {
        <li>
            <strong>{course.title}</strong>
            <p class="muted">{line} " · " {words::studied(studied)}</p>
            <p class="notice-body">{course.body}</p>
            {(!course.link.is_empty()).then(|| {
                let href = course.link.clone();
                view! { <p><a href=href target="_blank" rel="noopener noreferrer">{course.link}</a></p> }
            })}
            {may_post.then(|| view! {
                <button type="button" class="button subtle"
                    disabled=move || !ready.get() || remove.pending().get()
                    on:click=move |_| { remove.dispatch(id); }>{words::REMOVE}</button>
            })}
        </li>
    }
}

/// A new course: kept as typed until the server takes it, then emptied.
#[component]
fn CourseForm(post: Post) -> impl IntoView {
    let ready = hydrated();
    let form = RwSignal::new(CourseDraft::default());
    let hours = RwSignal::new(String::new());
    Effect::new(move |_| {
        if matches!(post.value().get(), Some(Ok(_))) {
            form.set(CourseDraft::default());
            hours.set(String::new());
        }
    });
    let send = move |_| {
        let mut draft = form.get_untracked();
        draft.hours = hours.get_untracked().trim().parse().unwrap_or(0);
        post.dispatch(draft);
    };
    view! {
        <div class="form">
            <p class="muted">{words::AUDIENCE}</p>
            <label>
                {words::COURSE_TITLE}
                <input name="course_title" maxlength=TITLE_MAX_CHARS placeholder=words::TITLE_HINT
                    prop:value=move || form.with(|f| f.title.clone())
                    on:input=move |ev| form.update(|f| f.title = event_target_value(&ev)) />
            </label>
            <label>
                {words::TOPIC}
                <select name="course_topic" prop:value=move || form.with(|f| f.topic.clone())
                    on:change=move |ev| form.update(|f| f.topic = event_target_value(&ev))>
                    <option value="">{words::CHOOSE_TOPIC}</option>
                    {TrainingTopic::ALL.iter().map(|t| view! { <option value=t.code()>{t.label()}</option> }).collect_view()}
                </select>
            </label>
            <label>
                {words::HOURS}
                <input type="number" inputmode="numeric" min="1" max=HOURS_MAX name="course_hours" bind:value=hours />
            </label>
            <label>
                {words::LINK}
                <input name="course_link" type="url" maxlength=LINK_MAX_CHARS placeholder=words::LINK_HINT
                    prop:value=move || form.with(|f| f.link.clone())
                    on:input=move |ev| form.update(|f| f.link = event_target_value(&ev)) />
            </label>
            <label>
                {words::BODY}
                <textarea name="course_body" rows="4" maxlength=BODY_MAX_CHARS
                    prop:value=move || form.with(|f| f.body.clone())
                    on:input=move |ev| form.update(|f| f.body = event_target_value(&ev))></textarea>
            </label>
            <button type="button" class="button primary"
                disabled=move || !ready.get() || post.pending().get()
                on:click=send>{words::POST}</button>
        </div>
    }
}
