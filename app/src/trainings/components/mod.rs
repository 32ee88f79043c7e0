//! Training pages: the capture form, and the training's line in 我的记录.
mod form;
mod item;

pub use form::TrainingFormPage;
