//! The bureau's evaluation pages: the campaigns and a new one; one campaign whole.
mod campaign;
mod campaigns;

pub use campaign::CampaignPage;
pub use campaigns::CampaignsPage;
