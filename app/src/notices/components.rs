//! 通知 in the township view: the unit's notices of the year with who has read each, and, for
//! whoever may notify it, the form to send one and a way to take one back.
use super::api::{SentNotice, UnitNotices, load_unit_notices, post_notice, remove_notice};
use super::words;
use crate::admin::components::{alert, hydrated};
use crate::domain::notice::{BODY_MAX_CHARS, NoticeDraft, TITLE_MAX_CHARS, read_share};
use crate::error::AppError;
use crate::layout::words as shared;
use crate::township::edited::Edited;
use leptos::prelude::*;

type Post = Action<NoticeDraft, Result<UnitNotices, AppError>>;
type Remove = Action<i32, Result<UnitNotices, AppError>>;

#[component]
pub fn NoticesCard(scope: i32) -> impl IntoView {
    let loaded = Resource::new(move || scope, load_unit_notices);
    let edited = Edited::<UnitNotices>::default();
    let refusal = edited.refusal;
    let post: Post = Action::new(move |draft: &NoticeDraft| post_notice(scope, draft.clone()));
    let remove: Remove = Action::new(move |id: &i32| remove_notice(scope, *id));
    edited.follow(post);
    edited.follow(remove);
    view! {
        <Suspense fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
            {move || loaded.get().map(|first| {
                let shown = edited.shown(first);
                move || match shown() {
                    Err(why) => Some(alert(why).into_any()),
                    Ok(None) => None,
                    Ok(Some(notices)) => Some(view! { <NoticesView notices post remove refusal /> }.into_any()),
                }
            })}
        </Suspense>
    }
}

#[component]
fn NoticesView(
    notices: UnitNotices,
    post: Post,
    remove: Remove,
    refusal: RwSignal<Option<String>>,
) -> impl IntoView {
    let may_post = notices.may_post;
    let list = if notices.sent.is_empty() {
        view! { <p class="empty">{words::NONE_SENT}</p> }.into_any()
    } else {
        view! {
            <ul class="notice-list">
                {notices.sent.into_iter().map(|notice| view! { <Sent notice may_post remove /> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="notices">
            <h2>{words::card_title(&notices.unit)}</h2>
            {move || refusal.get().map(alert)}
            {may_post.then(|| view! {
                <details class="waive">
                    <summary>{words::NEW}</summary>
                    <NoticeForm post />
                </details>
            })}
            {list}
        </section>
    }
}

#[component]
fn Sent(notice: SentNotice, may_post: bool, remove: Remove) -> impl IntoView {
    let ready = hydrated();
    let id = notice.id;
    let share = read_share(notice.read, notice.audience);
    let unread = (!notice.unread.is_empty()).then(|| {
        view! {
            <details>
                <summary>{words::UNREAD_LIST} " " {notice.unread.len()}</summary>
                <p class="muted">{notice.unread.join("、")}</p>
            </details>
        }
    });
    view! {
        <li>
            <strong>{notice.title}</strong>
            <p class="muted">{words::sent_line(&notice.posted_on, &notice.poster, &share)}</p>
            <p class="notice-body">{notice.body}</p>
            {unread}
            {may_post.then(|| view! {
                <button type="button" class="button subtle"
                    disabled=move || !ready.get() || remove.pending().get()
                    on:click=move |_| { remove.dispatch(id); }>{words::REMOVE}</button>
            })}
        </li>
    }
}

/// A new notice: kept as typed until the server takes it, then emptied.
#[component]
fn NoticeForm(post: Post) -> impl IntoView {
    let ready = hydrated();
    let form = RwSignal::new(NoticeDraft::default());
    Effect::new(move |_| {
        if matches!(post.value().get(), Some(Ok(_))) {
            form.set(NoticeDraft::default());
        }
    });
    view! {
        <div class="form">
            <p class="muted">{words::AUDIENCE}</p>
            <label>
                {words::NOTICE_TITLE}
                <input name="notice_title" maxlength=TITLE_MAX_CHARS placeholder=words::TITLE_HINT
                    prop:value=move || form.with(|f| f.title.clone())
                    on:input=move |ev| form.update(|f| f.title = event_target_value(&ev)) />
            </label>
            <label>
                {words::BODY}
                <textarea name="notice_body" rows="5" maxlength=BODY_MAX_CHARS
                    prop:value=move || form.with(|f| f.body.clone())
                    on:input=move |ev| form.update(|f| f.body = event_target_value(&ev))></textarea>
            </label>
            <button type="button" class="button primary"
                disabled=move || !ready.get() || post.pending().get()
                on:click=move |_| { post.dispatch(form.get_untracked()); }>{words::SEND}</button>
        </div>
    }
}
