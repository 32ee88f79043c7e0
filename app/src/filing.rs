//! The filing app: the field forms used a few times a quarter or year (网格活动, 培训, 重大事项,
//! 年度工作计划), the notices, the online courses, one's annual assessment and the settings page, as against visits and reports used every
//! week. Hydrated by its own bundle (`FILING_BUNDLE`), which the service worker precaches, so they work offline
//! while the capture screens phones load every day stay small. It keeps the same outbox and
//! sync as the field app; links between the two are `rel="external"` (a full load).
use crate::kinds::FilingForms;
use crate::layout::{self, TopBar};
use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

#[component]
pub fn FilingApp() -> impl IntoView {
    provide_meta_context();
    provide_context(crate::sync::state::ClientState::new());
    Effect::new(|_| crate::sync::client::start());
    view! {
        <Title text=layout::words::APP_NAME />
        <Router>
            <TopBar external=true />
            <main class="page">
                <Routes fallback=|| view! { <p class="empty">{layout::words::NO_SUCH_PAGE}</p> }>
                    <FilingForms />
                    <Route path=path!("/settings") view=crate::sync::settings::SettingsPage />
                    <Route path=path!("/notices") view=crate::notices::page::NoticesPage />
                    <Route path=path!("/courses") view=crate::courses::page::CoursesPage />
                    <Route path=path!("/assessment") view=crate::assessment::page::MyAssessmentPage />
                </Routes>
            </main>
        </Router>
    }
}

/// Leaves the filing app for a page of the field app: a full load, as the router here does
/// not know those pages.
pub fn go_to_field_app(path: &str) {
    let _ = window().location().assign(path);
}
