//! 评分对照: one unit's inspection beside its self-assessment, item by item, with the photos
//! taken as evidence, and the items to put right.
use super::own::{Message, on_answer};
use crate::admin::components::{alert, by_query, hydrated, number};
use crate::error::AppError;
use crate::evaluation::api::{MarkLine, UnitReview, load_unit};
use crate::evaluation::rectification::api::{self as rect_api, ReturnEntry};
use crate::evaluation::rectification::words as rect_words;
use crate::evaluation::words;
use leptos::prelude::*;

#[component]
pub fn UnitPage() -> impl IntoView {
    let page = by_query(
        |q| Some((number(q, "id")?, q.get("code")?)),
        |(id, code)| load_unit(id, code),
        words::NO_SUCH_UNIT,
        |review| view! { <Review review /> },
    );
    view! { <section class="card wide">{page}</section> }
}

/// The bureau's action sending a closing back.
type SendBack = Action<ReturnEntry, Result<Option<UnitReview>, AppError>>;

#[component]
fn Review(review: UnitReview) -> impl IntoView {
    let back = format!("/admin/evaluation/campaign?id={}", review.campaign_id);
    let (unit, campaign) = (review.unit.clone(), review.campaign.clone());
    let shown = RwSignal::new(Some(review));
    let message: Message = RwSignal::new(None);
    let send_back: SendBack = Action::new(|entry: &ReturnEntry| rect_api::send_back(entry.clone()));
    on_answer(send_back, shown, message, rect_words::SENT_BACK);
    view! {
        <p><a href=back>{words::BACK_TO_CAMPAIGN}</a></p>
        <h1>{unit}" · "{words::REVIEW}</h1>
        <p class="muted">{campaign}</p>
        {move || message.get().map(|m| match m {
            Ok(said) => view! { <p class="notice info" role="status">{said}</p> }.into_any(),
            Err(e) => alert(e).into_any(),
        })}
        {move || shown.get().map(|review| view! { <ReviewBody review send_back /> })}
    }
}

/// A unit's sheets side by side, its tasks and its materials: the page's body, and a chapter of
/// the county's archive (which sends nothing back).
#[component]
pub fn ReviewBody(
    review: UnitReview,
    #[prop(optional)] send_back: Option<SendBack>,
) -> impl IntoView {
    let scored = !review.totals.is_empty();
    let (campaign_id, code) = (review.campaign_id, review.code.clone());
    view! {
        {(!scored).then(|| view! { <p class="empty">{words::NO_SHEETS}</p> })}
        {review.totals.into_iter().map(|t| view! { <p role="status">{t}</p> }).collect_view()}
        <table class="grid-table sheet">
            <thead><tr>
                <th>{words::ITEM}</th><th>{words::POINTS}</th>
                <th>{review.inspection}</th><th>{words::SELF_ASSESSMENT}</th>
            </tr></thead>
            <tbody>
                {review.aspects.into_iter().map(|a| view! {
                    <tr class="aspect">
                        <th>{a.name}</th><th>{a.points}</th>
                        <th>{a.inspection}</th><th>{a.self_assessment}</th>
                    </tr>
                    {a.items.into_iter().map(|i| view! {
                        <tr>
                            <td>{i.text}<br /><small class="muted">{i.method}</small></td>
                            <td>{i.points}</td>
                            <td>{i.inspection.map(mark)}</td>
                            <td>{i.self_assessment.map(mark)}</td>
                        </tr>
                    }).collect_view()}
                }).collect_view()}
            </tbody>
        </table>
        <h2>{words::SHORTFALLS}</h2>
        {if review.tasks.is_empty() {
            view! { <p class="muted">{words::NO_SHORTFALLS}</p> }.into_any()
        } else {
            view! {
                <ol class="shortfalls">
                    {review.tasks.into_iter().map(|t| {
                        let standing = t.closing.as_ref().is_some_and(|c| c.stands());
                        let form = send_back.filter(|_| standing).map(|action| {
                            returning(action, campaign_id, code.clone(), t.item.clone())
                        });
                        view! {
                            <li>{t.text}{t.closing.map(crate::evaluation::rectification::page::closing)}{form}</li>
                        }
                    }).collect_view()}
                </ol>
            }.into_any()
        }}
        {review.materials.map(crate::evaluation::materials::page::sent)}
    }
}

/// The bureau's form sending a standing closing back, with its reason.
fn returning(action: SendBack, campaign_id: i32, code: String, item: String) -> impl IntoView {
    let ready = hydrated();
    let reason = NodeRef::<leptos::html::Input>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(reason) = reason.get() else { return };
        action.dispatch(ReturnEntry {
            campaign_id,
            code: code.clone(),
            item: item.clone(),
            reason: reason.value(),
        });
    };
    view! {
        <form class="form" on:submit=submit>
            <label>{rect_words::REASON}
                <input node_ref=reason name="reason" maxlength="200" />
            </label>
            <button class="button" type="submit"
                disabled=move || !ready.get() || action.pending().get()>{rect_words::SEND_BACK}</button>
        </form>
    }
}

/// A mark in a cell: points, whether it was checked, the note and the photos.
fn mark(mark: MarkLine) -> impl IntoView {
    view! {
        <strong>{mark.points}</strong>
        {(!mark.done).then(|| view! { " "<small class="warning">{words::NOT_CHECKED}</small> })}
        {(!mark.note.is_empty()).then(|| view! { <br /><small>{mark.note}</small> })}
        {(!mark.photos.is_empty()).then(|| view! {
            <br />
            {mark.photos.into_iter().map(|p| view! {
                <a href=format!("/api/v1/photos/{p}") rel="external">
                    <img class="thumb" src=format!("/api/v1/photos/{p}") alt=words::PHOTO loading="lazy" />
                </a>
            }).collect_view()}
        })}
    }
}
