//! Activity pages: the capture form, and the activity's line in 我的记录.
mod form;
mod item;

pub use form::ActivityFormPage;
