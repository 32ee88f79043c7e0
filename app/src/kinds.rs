//! The record kinds: every list that names them is here, one line per kind in each.
//! * [`ALL`]: the server's engines, in the order a push stores them (major events first,
//!   since they are urgent);
//! * [`PULLED`]: how the phone reads each kind's pulled list;
//! * [`phone_kinds!`]: the kinds a phone keeps, from which `sync::record_draft` makes the
//!   `RecordDraft` enum and `records` reaches each kind's line in 我的记录;
//! * [`FilingForms`] and [`FILING_FORMS`]: the routes of the forms in the filing app, and the
//!   same paths for the service worker to keep offline.
//!
//! A kind is its draft in `domain`, its module, and a line in each list. A kind added from
//! now on keeps its module under `kinds/`, declared here beside its lines, and its sea-orm
//! entity inside that module rather than in `db`, so that adding it touches no other list;
//! the first six kinds predate this and stay at the crate root.
use crate::sync::pulled::PullKind;
#[cfg(feature = "ssr")]
use crate::sync::ssr::Kinds;
#[cfg(feature = "ssr")]
use crate::sync::store::Engine;
use crate::{activities, major_events, plans, reports, trainings, visits};

pub mod analysis_meetings;
pub mod progress_reports;
pub mod score_sheets;
use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{MatchNestedRoutes, path};

#[cfg(feature = "ssr")]
pub static ALL: Kinds = &[
    &Engine::<major_events::ssr::MajorEvents>::NEW,
    &Engine::<reports::ssr::store::Reports>::NEW,
    &Engine::<activities::ssr::Activities>::NEW,
    &Engine::<trainings::ssr::Trainings>::NEW,
    &Engine::<plans::ssr::Plans>::NEW,
    &Engine::<analysis_meetings::ssr::AnalysisMeetings>::NEW,
    &Engine::<progress_reports::ssr::ProgressReports>::NEW,
    &Engine::<visits::ssr::Visits>::NEW,
    &Engine::<score_sheets::ssr::ScoreSheets>::NEW,
];

pub static PULLED: &[PullKind] = &[
    PullKind::of::<major_events::api::MajorEventRecord>(major_events::api::PULLED_AS),
    PullKind::of::<reports::api::ReportRecord>(reports::api::PULLED_AS),
    PullKind::of::<activities::api::ActivityRecord>(activities::api::PULLED_AS),
    PullKind::of::<trainings::api::TrainingRecord>(trainings::api::PULLED_AS),
    PullKind::of::<plans::api::PlanRecord>(plans::api::PULLED_AS),
    PullKind::of::<analysis_meetings::api::MeetingRecord>(analysis_meetings::api::PULLED_AS),
    PullKind::of::<progress_reports::api::ProgressRecord>(progress_reports::api::PULLED_AS),
    PullKind::of::<visits::api::VisitRecord>(visits::api::PULLED_AS),
    PullKind::of::<score_sheets::api::SheetRecord>(score_sheets::api::PULLED_AS),
];

/// Hands `$make!` the phone's kinds as `Variant(Draft), …`, so the enum of drafts and the
/// dispatch to each kind's list item are made from this one list. Visit first: a draft
/// saved before drafts carried their kind is read as the first kind it fits, and the oldest
/// such records are bare visits.
macro_rules! phone_kinds {
    ($make:ident) => {
        $make! {
            Visit(crate::domain::visit::VisitDraft),
            MonthlyReport(crate::domain::report::ReportDraft),
            Activity(crate::domain::activity::ActivityDraft),
            Training(crate::domain::training::TrainingDraft),
            MajorEvent(crate::domain::major_event::MajorEventDraft),
            AnnualPlan(crate::domain::annual_plan::AnnualPlanDraft),
            AnalysisMeeting(crate::domain::analysis_meeting::AnalysisMeetingDraft),
            ProgressReport(crate::domain::progress_report::ProgressReportDraft),
            ScoreSheet(crate::domain::evaluation::ScoreSheetDraft),
        }
    };
}
pub(crate) use phone_kinds;

/// The pages of [`FilingForms`], which the service worker keeps for offline use.
pub const FILING_FORMS: &[&str] = &[
    "/activities/new",
    "/trainings/new",
    "/events/new",
    "/plans/new",
    "/meetings/new",
    "/progress/new",
    "/evaluation",
    "/evaluation/sheet",
];

/// The filing app's form of each kind filed there.
#[component(transparent)]
pub fn FilingForms() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/activities/new") view=activities::components::ActivityFormPage />
        <Route path=path!("/trainings/new") view=trainings::components::TrainingFormPage />
        <Route path=path!("/events/new") view=major_events::components::MajorEventFormPage />
        <Route path=path!("/plans/new") view=plans::components::PlanFormPage />
        <Route path=path!("/meetings/new") view=analysis_meetings::components::MeetingFormPage />
        <Route path=path!("/progress/new") view=progress_reports::components::ProgressFormPage />
        <Route path=path!("/evaluation") view=score_sheets::components::list::ScoreSheetsPage />
        <Route path=path!("/evaluation/sheet") view=score_sheets::components::form::ScoreSheetFormPage />
    }
    .into_inner()
}
