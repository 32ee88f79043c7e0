//! Major-event pages: the report form (filing bundle), its line in 我的记录 (field bundle), and
//! the board of the township and the city (township bundle).
mod board;
mod form;
mod item;

pub use board::MajorEventBoard;
pub use form::MajorEventFormPage;
