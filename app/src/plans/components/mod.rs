//! Annual-plan pages: the form (filing bundle) and the plan's line in 我的记录 (field bundle).
mod form;
mod item;

pub use form::PlanFormPage;
