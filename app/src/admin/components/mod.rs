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
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

/// The administration app, hydrated by its own bundle (`ADMIN_BUNDLE`). Links into the field
/// app are `rel="external"`: they leave this router for a full page load.
#[component]
pub fn AdminApp() -> impl IntoView {
    provide_meta_context();
    view! {
        <Title text="统计网格 · 管理" />
        <Router>
            <header class="topbar">
                <a href="/" rel="external" class="brand">"统计网格"</a>
                <span class="muted">"名录与网格管理"</span>
            </header>
            <main class="page">
                <Routes fallback=|| view! { <p class="empty">"页面不存在"</p> }>
                    <Route path=path!("/admin") view=ImportPage />
                    <Route path=path!("/admin/grids") view=GridsPage />
                    <Route path=path!("/admin/enterprises") view=EnterprisesPage />
                    <Route path=path!("/admin/people") view=PeoplePage />
                    <Route path=path!("/admin/grouping") view=GroupingPage />
                    <Route path=path!("/admin/audit") view=AuditPage />
                </Routes>
            </main>
        </Router>
    }
}

/// The administration tabs above every administration page.
#[component]
fn AdminNav() -> impl IntoView {
    view! {
        <nav class="tabs" aria-label="管理">
            <A href="/admin">"导入名录"</A>
            <A href="/admin/grids">"网格"</A>
            <A href="/admin/enterprises">"企业"</A>
            <A href="/admin/people">"人员"</A>
            <A href="/admin/grouping">"分组建议"</A>
            <A href="/admin/audit">"操作日志"</A>
        </nav>
    }
}

/// False until the page has hydrated. The administration bundle loads after the page shows, so
/// buttons that need it stay disabled until then: a click is never silently lost.
fn hydrated() -> ReadSignal<bool> {
    let (ready, set_ready) = signal(false);
    Effect::new(move |_| set_ready.set(true));
    ready
}

/// An error from a server call, shown as an alert.
fn alert(message: String) -> impl IntoView {
    view! { <p class="error" role="alert">{message}</p> }
}
