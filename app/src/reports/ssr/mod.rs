//! Server side of monthly reports: storing pushed versions, the pull, locks, and review.
mod city;
mod duty;
pub mod export;
pub mod figures;
pub mod reminders;
pub mod review;
pub mod store;
