//! Administration screens of the city bureau (online only): import, grid tree, people,
//! grouping suggestion and the audit log; the status page (`crate::status`) sits among their tabs.
mod audit;
mod by_query;
mod enterprises;
mod grouping;
mod import;
mod people;
mod permissions;
mod tree;
mod upload;

pub use audit::AuditPage;
pub use enterprises::EnterprisesPage;
pub use grouping::GroupingPage;
pub use import::ImportPage;
pub use people::PeoplePage;
pub use permissions::PermissionsPage;
pub use tree::GridsPage;

use crate::admin::words;
use leptos::prelude::*;
use leptos_router::components::A;

/// The administration tabs above every administration page.
#[component]
pub(crate) fn AdminNav() -> impl IntoView {
    view! {
        <nav class="tabs" aria-label=words::TABS>
            <A href="/admin" exact=true>{words::IMPORT}</A>
            <A href="/admin/grids">{words::GRIDS}</A>
            <A href="/admin/enterprises">{words::ENTERPRISES}</A>
            <A href="/admin/people">{words::PEOPLE}</A>
            <A href="/admin/divisions">{words::DIVISIONS}</A>
            <A href="/admin/evaluation">{crate::evaluation::words::TITLE}</A>
            <A href="/admin/grouping">{words::GROUPING}</A>
            <A href="/admin/cadence">{words::CADENCE}</A>
            <A href="/admin/permissions">{words::PERMISSIONS}</A>
            <A href="/admin/audit">{words::AUDIT}</A>
            <A href="/admin/status">{crate::status::words::TITLE}</A>
        </nav>
    }
}

pub(crate) use by_query::{by_query, number};

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
