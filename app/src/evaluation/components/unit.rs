//! 评分对照: one unit's inspection beside its self-assessment, item by item, with the photos
//! taken as evidence, and the items to put right.
use crate::admin::components::{by_query, number};
use crate::evaluation::api::{MarkLine, UnitReview, load_unit};
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

#[component]
fn Review(review: UnitReview) -> impl IntoView {
    let back = format!("/admin/evaluation/campaign?id={}", review.campaign_id);
    view! {
        <p><a href=back>{words::BACK_TO_CAMPAIGN}</a></p>
        <h1>{review.unit.clone()}" · "{words::REVIEW}</h1>
        <p class="muted">{review.campaign.clone()}</p>
        <ReviewBody review />
    }
}

/// A unit's sheets side by side, its tasks and its materials: the page's body, and a chapter of
/// the county's archive.
#[component]
pub fn ReviewBody(review: UnitReview) -> impl IntoView {
    let scored = !review.totals.is_empty();
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
                    {review.tasks.into_iter().map(|t| view! {
                        <li>{t.text}{t.closing.map(crate::evaluation::rectification::page::closing)}</li>
                    }).collect_view()}
                </ol>
            }.into_any()
        }}
        {review.materials.map(crate::evaluation::materials::page::sent)}
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
