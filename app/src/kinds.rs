//! The record kinds the server stores, one line each, in the order a push stores them: major
//! events first, since they are urgent. Adding a kind is its module and a line here.
use crate::sync::ssr::Kinds;
use crate::sync::store::Engine;

pub static ALL: Kinds = &[
    &Engine::<crate::major_events::ssr::MajorEvents>::NEW,
    &Engine::<crate::reports::ssr::store::Reports>::NEW,
    &Engine::<crate::activities::ssr::Activities>::NEW,
    &Engine::<crate::trainings::ssr::Trainings>::NEW,
    &Engine::<crate::plans::ssr::Plans>::NEW,
    &Engine::<crate::visits::ssr::Visits>::NEW,
];
