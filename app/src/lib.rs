//! StatGrid (统计网格): the app shared by the server (feature `ssr`) and the browser
//! (feature `hydrate`). `domain` is pure and compiled for both.
#![recursion_limit = "256"]
pub mod activities;
pub mod admin;
pub mod assessment;
pub mod auth;
mod bundle_scripts;
pub mod cadence;
pub mod courses;
pub mod data_quality;
#[cfg(feature = "ssr")]
pub mod db;
pub mod directory;
pub mod divisions;
pub mod domain;
pub mod duties;
pub mod error;
pub mod evaluation;
pub mod filing;
pub mod funds;
#[cfg(feature = "ssr")]
pub mod grid_scope;
pub mod kinds;
pub mod law_promotion;
mod layout;
pub mod major_events;
pub mod membership;
#[cfg(feature = "ssr")]
pub mod metrics;
#[cfg(feature = "ssr")]
pub mod month_lock;
pub mod notices;
pub mod office;
pub mod photos;
pub mod plans;
pub mod preparation;
pub mod records;
pub mod reports;
pub mod request_id;
pub mod server_codec;
#[cfg(feature = "ssr")]
pub mod spreadsheet;
pub mod staffing;
#[cfg(feature = "ssr")]
pub mod state;
pub mod stats_homes;
pub mod status;
pub mod sync;
pub mod township;
pub mod training_plan;
pub mod trainings;
pub mod visits;
pub mod waivers;

use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The bundle that hydrates the field app (capture, records, sync): what a phone downloads.
pub const FIELD_BUNDLE: &str = "statgrid";
/// The bundle of the city's administration screens: a separate download, so neither the field
/// app nor the township view carries them; it is loaded only when those screens are opened.
pub const OFFICE_BUNDLE: &str = "statgrid_office";
/// The bundle of the township view (reviews, assessment, funds, a unit's evaluation tasks),
/// which leaders open on their phones: loaded only when those screens are opened.
pub const TOWNSHIP_BUNDLE: &str = "statgrid_township";
/// The bundle of the field forms used a few times a quarter or year (activities, trainings,
/// major events, annual plans) and the settings page, precached by the service worker like the
/// field app.
pub const FILING_BUNDLE: &str = "statgrid_filing";

/// The HTML document around the field app. It carries no user data, so the service worker can
/// cache it and serve it offline.
pub fn shell() -> impl IntoView {
    document(FIELD_BUNDLE, view! { <App /> })
}

/// The HTML document around the administration screens, hydrated by their own bundle.
pub fn office_shell() -> impl IntoView {
    document(OFFICE_BUNDLE, view! { <office::OfficeApp /> })
}

/// The HTML document around the township view, hydrated by its own bundle.
pub fn township_shell() -> impl IntoView {
    document(TOWNSHIP_BUNDLE, view! { <office::TownshipApp /> })
}

/// The HTML document around the filing forms, hydrated by their own bundle. Like the field
/// shell it carries no user data, so the service worker caches it for offline use.
pub fn filing_shell() -> impl IntoView {
    document(FILING_BUNDLE, view! { <filing::FilingApp /> })
}

fn document(bundle: &'static str, body: impl IntoView) -> impl IntoView {
    // The office screens' own rules, kept out of the stylesheet every phone loads first.
    let office_css = matches!(bundle, OFFICE_BUNDLE | TOWNSHIP_BUNDLE)
        .then(|| view! { <link rel="stylesheet" href="/pkg/statgrid_office.css" /> });
    view! {
        <!DOCTYPE html>
        <html lang="zh-CN">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
                <meta name="theme-color" content="#1d4ed8" />
                <link rel="manifest" href="/manifest.webmanifest" />
                <link rel="icon" href="/icons/icon-192.png" />
                <link rel="apple-touch-icon" href="/icons/apple-touch-icon.png" />
                <link rel="stylesheet" href="/pkg/statgrid.css" />
                {office_css}
                <bundle_scripts::BundleScripts bundle />
                <MetaTags />
            </head>
            <body>{body}</body>
        </html>
    }
}

/// The field app: what grid members and leaders use, online or not.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(sync::state::ClientState::new());
    Effect::new(|_| sync::client::start());
    view! {
        <Title text=layout::words::APP_NAME />
        <Router>
            <layout::TopBar />
            <main class="page">
                <Routes fallback=|| view! { <p class="empty">{layout::words::NO_SUCH_PAGE}</p> }>
                    <Route path=path!("/") view=layout::HomePage />
                    <Route path=path!("/login") view=auth::components::LoginPage />
                    <Route path=path!("/visits/new") view=visits::components::VisitFormPage />
                    <Route path=path!("/records") view=records::RecordsPage />
                    <Route path=path!("/reports/new") view=reports::components::ReportFormPage />
                    <Route path=path!("/password") view=auth::components::PasswordPage />
                </Routes>
            </main>
        </Router>
    }
}
