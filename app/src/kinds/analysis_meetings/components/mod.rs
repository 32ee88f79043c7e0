//! Analysis-meeting pages: the form (filing bundle), the minutes' line in 我的记录 (field
//! bundle), and a township's month of meetings in the township view (township bundle).
mod form;
mod item;
mod month;

pub use form::MeetingFormPage;
pub use month::MonthMeetingsCard;
