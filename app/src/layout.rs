//! The frame of every page: the top bar with the sync state, and the home page.
use crate::auth::api::Profile;
use crate::sync::api::FieldError;
use crate::sync::components::SyncBar;
use crate::sync::state::use_client;
use leptos::prelude::*;
use leptos_router::components::A;
use split::{Unavailable, drawn};

pub mod split;
pub mod words;

/// `external` when the page belongs to another bundle than the home page's.
#[component]
pub fn TopBar(#[prop(optional)] external: bool) -> impl IntoView {
    view! {
        <header class="topbar">
            <a href="/" class="brand" rel=external.then_some("external")>{words::APP_NAME}</a>
            <SyncBar />
        </header>
    }
}

/// What a logged-in person can do; a prompt to log in otherwise.
#[component]
pub fn HomePage() -> impl IntoView {
    let client = use_client();
    view! {
        <Show when=move || client.ready.get() fallback=|| view! { <p class="loading">{words::LOADING}</p> }>
            {move || match client.profile.get() {
                None => view! {
                    <section class="card">
                        <h1>{words::WELCOME}</h1>
                        <p>{words::WELCOME_LEAD}</p>
                        <A href="/login" attr:class="button primary">{words::SIGN_IN}</A>
                    </section>
                }
                .into_any(),
                Some(profile) => drawn(home_of(profile), false).into_any(),
            }}
        </Show>
    }
}

/// The home page of a logged-in person: a split ([`split`]), drawn once the phone is read.
#[cfg_attr(feature = "split-pages", lazy(fallible))]
async fn home_of(profile: Profile) -> Result<AnyView, Unavailable> {
    let client = use_client();
    let oversees = profile.oversees();
    let in_grid = !profile.roles.is_empty();
    let administers = profile.administers_city();
    let reviews = profile.reviews_reports();
    let reports = !profile.reporting_grids().is_empty();
    let plans = !profile.planning_grids().is_empty();
    let meets = !profile.meeting_grids().is_empty();
    // Only where the policy asks the person's grids for fixed-date reports.
    let files_progress = profile.may(crate::domain::permission::Ability::ReportProgress);
    let directory = client.directory;
    let progress_due = move || files_progress && directory.with(|d| !d.fixed_reports.is_empty());
    let records_activities = !profile.activity_grids().is_empty();
    let roles = profile
        .roles
        .iter()
        .map(|r| format!("{} · {}", r.grid_name, r.role.label()))
        .collect::<Vec<_>>()
        .join("，");
    Ok(view! {
        <section class="card">
            <h1>{words::greeting(&profile.name)}</h1>
            <p class="muted">{roles}</p>
        </section>
        <nav class="actions">
            // An inspector outside the grid (规范化建设 only) has no enterprises to visit.
            <Show when=move || in_grid>
                <A href="/visits/new" attr:class="button primary">{words::RECORD_VISIT}</A>
            </Show>
            <A href="/records" attr:class="button">{words::MY_RECORDS}</A>
            <Show when=move || records_activities>
                // The occasional forms are a bundle of their own: a full load.
                <a href="/activities/new" rel="external" class="button">{words::ACTIVITIES}</a>
                <a href="/trainings/new" rel="external" class="button">{words::TRAININGS}</a>
            </Show>
            <a href="/notices" rel="external" class="button">{crate::notices::words::TITLE}</a>
            <a href="/courses" rel="external" class="button">{crate::courses::words::TITLE}</a>
            <a href="/assessment" rel="external" class="button">{crate::assessment::words::TITLE}</a>
            <a href="/evaluation" rel="external" class="button">{crate::kinds::score_sheets::words::TITLE}</a>
            <a href="/settings" rel="external" class="button">{words::SETTINGS}</a>
            <Show when=move || reports>
                <A href="/reports/new" attr:class="button">{words::REPORT}</A>
            </Show>
            <Show when=move || plans>
                <a href="/plans/new" rel="external" class="button">{words::PLAN}</a>
            </Show>
            <Show when=move || meets>
                <a href="/meetings/new" rel="external" class="button">{crate::kinds::analysis_meetings::words::TITLE}</a>
            </Show>
            <Show when=progress_due>
                <a href="/progress/new" rel="external" class="button">{crate::kinds::progress_reports::words::TITLE}</a>
            </Show>
            <Show when=move || records_activities>
                <a href="/events/new" rel="external" class="button urgent">{words::REPORT_EVENT}</a>
            </Show>
            <Show when=move || oversees>
                <a href="/township" rel="external" class="button">{words::TOWNSHIP}</a>
            </Show>
            <Show when=move || reviews>
                <a href="/township/reports" rel="external" class="button">{words::REVIEW_REPORTS}</a>
            </Show>
            <Show when=move || administers>
                // Office screens are a separate bundle: a full page load.
                <a href="/admin" rel="external" class="button">{words::ADMINISTRATION}</a>
            </Show>
        </nav>
        <crate::sync::components::InstallHint />
        <crate::reports::components::ReportCard />
        <crate::duties::components::DutiesCard />
        <crate::auth::components::LogoutButton />
    }
    .into_any())
}

/// A form field's validation errors, joined for the line under it.
pub fn field_errors<E: FieldError + Send + Sync + 'static>(
    errors: RwSignal<Vec<E>>,
    field: &'static str,
) -> impl Fn() -> String + Copy {
    move || {
        errors.with(|e| {
            e.iter()
                .filter(|e| e.field() == field)
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("；")
        })
    }
}
