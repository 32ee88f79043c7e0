//! Visit pages: the capture form and 我的记录.
mod form;
pub(crate) mod records;

pub use form::VisitFormPage;
pub use records::RecordsPage;
