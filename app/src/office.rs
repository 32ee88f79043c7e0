//! The office app: the screens used online at a desk or on a leader's phone (the township view,
//! the city bureau's administration). Hydrated by its own bundle (`OFFICE_BUNDLE`), so the
//! field app stays small; links back into the field app are `rel="external"` (a full load).
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
            <header class="topbar">
                <a href="/" rel="external" class="brand">{words::APP_NAME}</a>
                <nav class="topbar-tools">
                    <A href="/sessions" attr:class="topbar-link">{crate::auth::words::SESSIONS}</A>
                    <OfficeSignedIn />
                </nav>
            </header>
            <main class="page">
                <Routes fallback=|| view! { <p class="empty">{words::NO_SUCH_PAGE}</p> }>
                    <Route path=path!("/sessions") view=SessionsPage />
                    // Every other office page needs an office session, or asks the password.
                    <ParentRoute path=path!("") view=OfficeGate>
                    <Route path=path!("/township") view=TownshipPage />
                    <Route path=path!("/township/reports") view=crate::reports::components::ReviewPage />
                    <Route path=path!("/township/assessment") view=crate::assessment::components::AssessmentPage />
                    <Route path=path!("/township/assessment/awards") view=crate::assessment::awards::AwardsPage />
                    <Route path=path!("/township/funds") view=crate::funds::statement::StatementPage />
                    <Route path=path!("/admin") view=ImportPage />
                    <Route path=path!("/admin/grids") view=GridsPage />
                    <Route path=path!("/admin/enterprises") view=EnterprisesPage />
                    <Route path=path!("/admin/people") view=PeoplePage />
                    <Route path=path!("/admin/divisions") view=crate::divisions::components::DivisionsPage />
                    <Route path=path!("/admin/evaluation") view=crate::evaluation::components::CampaignsPage />
                    <Route path=path!("/admin/evaluation/campaign") view=crate::evaluation::components::CampaignPage />
                    <Route path=path!("/admin/evaluation/notice") view=crate::evaluation::components::NoticePage />
                    <Route path=path!("/admin/evaluation/unit") view=crate::evaluation::components::UnitPage />
                    <Route path=path!("/evaluation/rectification") view=crate::evaluation::rectification::page::RectificationPage />
                    <Route path=path!("/evaluation/materials") view=crate::evaluation::materials::page::MaterialsPage />
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
