//! Administration screens of the city bureau (online only): import, grid tree, people,
//! grouping suggestion and the audit log.
mod audit;
mod enterprises;
mod grouping;
mod import;
mod people;
mod tree;
mod upload;

pub use audit::AuditPage;
pub use enterprises::EnterprisesPage;
pub use grouping::GroupingPage;
pub use import::ImportPage;
pub use people::PeoplePage;
pub use tree::GridsPage;

use leptos::prelude::*;
use leptos_router::components::A;

/// The administration tabs above every administration page.
#[component]
pub(crate) fn AdminNav() -> impl IntoView {
    view! {
        <nav class="tabs" aria-label="管理">
            <A href="/admin">"导入名录"</A>
            <A href="/admin/grids">"网格"</A>
            <A href="/admin/enterprises">"企业"</A>
            <A href="/admin/people">"人员"</A>
            <A href="/admin/grouping">"分组建议"</A>
            <A href="/admin/cadence">"报送节奏"</A>
            <A href="/admin/audit">"操作日志"</A>
        </nav>
    }
}

/// False until the page has hydrated. The administration bundle loads after the page shows, so
/// buttons that need it stay disabled until then: a click is never silently lost.
pub(crate) fn hydrated() -> ReadSignal<bool> {
    let (ready, set_ready) = signal(false);
    Effect::new(move |_| set_ready.set(true));
    ready
}

/// An error from a server call, shown as an alert.
pub(crate) fn alert(message: String) -> impl IntoView {
    view! { <p class="error" role="alert">{message}</p> }
}
