//! Report screens: the leader's form, list item and home card (field app, offline), and the
//! township's review board (office app).
mod card;
mod form;
pub(crate) mod item;
mod review;

pub use card::ReportCard;
pub use form::ReportFormPage;
pub use review::ReviewPage;
