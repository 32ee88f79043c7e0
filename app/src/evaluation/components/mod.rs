//! The bureau's evaluation pages: the campaigns and a new one; one campaign whole; its results
//! notice.
mod assignments;
mod campaign;
mod campaigns;
mod notice;
pub(crate) mod own;
mod unit;

pub use campaign::CampaignPage;
pub use campaigns::CampaignsPage;
pub use notice::NoticePage;
pub use unit::{ReviewBody, UnitPage};
