//! 评价结果通报: the results as 000 §二 publishes them, to print and issue.
use crate::admin::components::{by_query, number};
use crate::evaluation::api::{NOTICE_DOCX_PATH, NOTICE_XLSX_PATH, NoticeView, load_notice};
use crate::evaluation::words;
use leptos::prelude::*;

#[component]
pub fn NoticePage() -> impl IntoView {
    let page = by_query(
        |q| number(q, "id"),
        load_notice,
        words::NOT_FOUND,
        |notice| view! { <Notice notice /> },
    );
    view! { <section class="card wide">{page}</section> }
}

#[component]
fn Notice(notice: NoticeView) -> impl IntoView {
    let back = format!("/admin/evaluation/campaign?id={}", notice.id);
    let xlsx = format!("{NOTICE_XLSX_PATH}?id={}", notice.id);
    let docx = format!("{NOTICE_DOCX_PATH}?id={}", notice.id);
    let unscored = (notice.unscored > 0).then(|| words::unscored(notice.unscored));
    let results = notice.notice;
    view! {
        <h1>{notice.name}</h1>
        <p class="exports">
            <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>{crate::township::words::PRINT}</button>
            " "<a class="button" href=xlsx download>{words::NOTICE_XLSX}</a>
            " "<a class="button" href=docx download>{words::NOTICE_DOCX}</a>
            " "<a href=back>{words::BACK_TO_CAMPAIGN}</a>
        </p>
        <h2>{words::NOTICE_TITLE}</h2>
        {if results.sections.is_empty() {
            view! { <p class="empty">{words::NO_RESULTS}</p> }.into_any()
        } else {
            view! {
                <p class="notice-text">{results.opening}{words::NOTICE_ORDER}</p>
                {results.sections.into_iter().map(|s| view! {
                    <h3>{s.heading}</h3>
                    {s.cities.iter().map(|c| view! { <p class="notice-text">{c.text()}</p> }).collect_view()}
                }).collect_view()}
            }.into_any()
        }}
        {unscored.map(|u| view! { <p class="muted">{u}</p> })}
    }
}
