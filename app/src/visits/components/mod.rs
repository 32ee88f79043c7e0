//! Visit pages: the capture form, and the visit's line in 我的记录.
mod form;
mod item;

pub use form::VisitFormPage;
