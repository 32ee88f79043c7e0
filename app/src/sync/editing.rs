//! What every record form shares: waiting for the phone's data and a login, the record named by
//! `?id=` when one is corrected or edited (its id is kept, so the server stores it once), and
//! the server's reasons when it refused it.
use crate::sync::api::Problem;
use crate::sync::outbox::{OutboxRecord, RecordState};
use crate::sync::state::use_client;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

/// The record a form opened on, if any.
pub struct Editing {
    pub id: Option<Uuid>,
    pub record: Option<OutboxRecord>,
}

impl Editing {
    /// Read from the page's `?id=` and the phone's records.
    pub fn from_query() -> Self {
        let client = use_client();
        let id: Option<Uuid> = use_query_map()
            .with_untracked(|q| q.get("id"))
            .and_then(|id| id.parse().ok());
        let record = id.and_then(|id| {
            client
                .records
                .with_untracked(|all| all.iter().find(|r| r.id == id).cloned())
        });
        Editing { id, record }
    }

    /// Why the server refused the record, if it did.
    pub fn problems(&self) -> Option<Vec<Problem>> {
        match &self.record.as_ref()?.state {
            RecordState::Rejected { problems } => Some(problems.clone()),
            _ => None,
        }
    }
}

/// The server's reasons for refusing the record being corrected, in one line.
#[component]
pub fn RefusalBanner(problems: Option<Vec<Problem>>) -> impl IntoView {
    problems.map(|p| {
        let reasons = p
            .into_iter()
            .map(|p| p.message)
            .collect::<Vec<_>>()
            .join("；");
        view! { <p class="error" role="alert">"服务器退回了这条记录：" {reasons}</p> }
    })
}

/// Shows `children` once the phone's data is loaded and someone allowed by `allowed` is logged
/// in; otherwise `refusal` and a link to log in.
#[component]
pub fn SignedIn(
    allowed: fn(&crate::auth::api::Profile) -> bool,
    refusal: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    let client = use_client();
    let children = StoredValue::new(children);
    view! {
        <Show when=move || client.ready.get() fallback=|| view! { <p class="loading">"正在加载…"</p> }>
            <Show
                when=move || client.profile.with(|p| p.as_ref().is_some_and(allowed))
                fallback=move || view! { <p class="card">{refusal} "请先" <a href="/login" rel="external">"登录"</a> "。"</p> }
            >
                {children.with_value(|c| c())}
            </Show>
        </Show>
    }
}
