//! The record kinds, one line each per side. On the server, in the order a push stores them:
//! major events first, since they are urgent. On the phone, how each kind's pulled list is
//! read. Adding a kind is its module and a line in each list here (and its draft in
//! `sync::record_draft`).
use crate::sync::pulled::PullKind;
#[cfg(feature = "ssr")]
use crate::sync::ssr::Kinds;
#[cfg(feature = "ssr")]
use crate::sync::store::Engine;
use crate::{activities, major_events, plans, reports, trainings, visits};

#[cfg(feature = "ssr")]
pub static ALL: Kinds = &[
    &Engine::<crate::major_events::ssr::MajorEvents>::NEW,
    &Engine::<crate::reports::ssr::store::Reports>::NEW,
    &Engine::<crate::activities::ssr::Activities>::NEW,
    &Engine::<crate::trainings::ssr::Trainings>::NEW,
    &Engine::<crate::plans::ssr::Plans>::NEW,
    &Engine::<crate::visits::ssr::Visits>::NEW,
];

pub static PULLED: &[PullKind] = &[
    PullKind::of::<major_events::api::MajorEventRecord>(major_events::api::PULLED_AS),
    PullKind::of::<reports::api::ReportRecord>(reports::api::PULLED_AS),
    PullKind::of::<activities::api::ActivityRecord>(activities::api::PULLED_AS),
    PullKind::of::<trainings::api::TrainingRecord>(trainings::api::PULLED_AS),
    PullKind::of::<plans::api::PlanRecord>(plans::api::PULLED_AS),
    PullKind::of::<visits::api::VisitRecord>(visits::api::PULLED_AS),
];
