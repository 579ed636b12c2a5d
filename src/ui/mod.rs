//! The page's components, one per file, grouped by feature.

pub mod controls;
pub mod export;
pub mod import;
pub mod layout;
pub mod priority;
pub mod report;
pub mod settings;
