//! The office apps: the screens used online at a desk or on a leader's phone. Each is hydrated
//! by a bundle of its own, so the field app stays small and a township leader opening the
//! township view on a phone downloads none of the city's administration:
//! - `TownshipApp` (`TOWNSHIP_BUNDLE`): the township view, its reviews, assessment and funds,
//!   and a unit's evaluation tasks and materials;
//! - `OfficeApp` (`OFFICE_BUNDLE`): the city bureau's administration and the sign-in devices.
//!
//! Links between the apps are `rel="external"` (a full load): each router knows only its own
//! pages.
use crate::admin::components::{
    AuditPage, EnterprisesPage, GridsPage, GroupingPage, ImportPage, PeoplePage, PermissionsPage,
};
use crate::auth::office::{OfficeGate, OfficeSignedIn, provide_door};
use crate::auth::sessions_page::SessionsPage;
use crate::layout::words;
use crate::township::components::TownshipPage;
use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{A, ParentRoute, Route, Router, Routes};
use leptos_router::path;

#[component]
pub fn OfficeApp() -> impl IntoView {
    provide_meta_context();
    provide_door();
    view! {
        <Title text=words::APP_NAME />
        <Router>
            <OfficeTopBar sessions=view! { <A href="/sessions" attr:class="topbar-link">{crate::auth::words::SESSIONS}</A> } />
            <main class="page">
                <Routes fallback=|| view! { <p class="empty">{words::NO_SUCH_PAGE}</p> }>
                    <Route path=path!("/sessions") view=SessionsPage />
                    // Every other office page needs an office session, or asks the password.
                    <ParentRoute path=path!("") view=OfficeGate>
                    <Route path=path!("/admin") view=ImportPage />
                    <Route path=path!("/admin/grids") view=GridsPage />
                    <Route path=path!("/admin/enterprises") view=EnterprisesPage />
                    <Route path=path!("/admin/people") view=PeoplePage />
                    <Route path=path!("/admin/divisions") view=crate::divisions::components::DivisionsPage />
                    <Route path=path!("/admin/evaluation") view=crate::evaluation::components::CampaignsPage />
                    <Route path=path!("/admin/evaluation/campaign") view=crate::evaluation::components::CampaignPage />
                    <Route path=path!("/admin/evaluation/notice") view=crate::evaluation::components::NoticePage />
                    <Route path=path!("/admin/evaluation/unit") view=crate::evaluation::components::UnitPage />
                    <Route path=path!("/admin/grouping") view=GroupingPage />
                    <Route path=path!("/admin/permissions") view=PermissionsPage />
                    <Route path=path!("/admin/audit") view=AuditPage />
                    <Route path=path!("/admin/status") view=crate::status::components::StatusPage />
                    <Route path=path!("/admin/cadence") view=crate::cadence::components::CadencePage />
                    </ParentRoute>
                </Routes>
            </main>
        </Router>
    }
}

#[component]
pub fn TownshipApp() -> impl IntoView {
    provide_meta_context();
    provide_door();
    view! {
        <Title text=words::APP_NAME />
        <Router>
            <OfficeTopBar sessions=view! { <a href="/sessions" rel="external" class="topbar-link">{crate::auth::words::SESSIONS}</a> } />
            <main class="page">
                <Routes fallback=|| view! { <p class="empty">{words::NO_SUCH_PAGE}</p> }>
                    // Every page needs an office session, or asks the password.
                    <ParentRoute path=path!("") view=OfficeGate>
                    <Route path=path!("/township") view=TownshipPage />
                    <Route path=path!("/township/reports") view=crate::reports::components::ReviewPage />
                    <Route path=path!("/township/assessment") view=crate::assessment::components::AssessmentPage />
                    <Route path=path!("/township/assessment/awards") view=crate::assessment::awards::AwardsPage />
                    <Route path=path!("/township/funds") view=crate::funds::statement::StatementPage />
                    <Route path=path!("/evaluation/rectification") view=crate::evaluation::rectification::page::RectificationPage />
                    <Route path=path!("/evaluation/materials") view=crate::evaluation::materials::page::MaterialsPage />
                    </ParentRoute>
                </Routes>
            </main>
        </Router>
    }
}

/// The office apps' top bar: the way back to the field app, the sign-in devices (a link of
/// the app's own router, or a full load from the other app) and who is signed in.
#[component]
fn OfficeTopBar(sessions: impl IntoView + 'static) -> impl IntoView {
    view! {
        <header class="topbar">
            <a href="/" rel="external" class="brand">{words::APP_NAME}</a>
            <nav class="topbar-tools">
                {sessions}
                <OfficeSignedIn />
            </nav>
        </header>
    }
}
