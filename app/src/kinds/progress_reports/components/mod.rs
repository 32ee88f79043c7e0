//! Progress-report pages: the form (filing bundle), the report's line in 我的记录 (field
//! bundle), and the deadlines met or missed on the city bureau's board (township bundle).
mod board;
mod form;
mod item;

pub use board::DeadlinesCard;
pub use form::ProgressFormPage;
