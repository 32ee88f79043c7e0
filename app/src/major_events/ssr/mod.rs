//! Server side of major events: the record kind, and the board that flags them.
mod board;
mod kind;

pub use board::{board, mark_read, unread_reminders};
pub use kind::MajorEvents;
