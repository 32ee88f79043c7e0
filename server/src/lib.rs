//! The StatGrid server: settings, start-up, and the routes around the Leptos app.
#![recursion_limit = "256"]
pub mod access_log;
pub mod assets;
pub mod backup;
pub mod database;
pub mod demo;
pub mod metrics;
pub mod security;
pub mod settings;
pub mod startup;
