//! The report settings: as-of date, buckets and the aging options.

mod aging_options;
mod as_of_input;
mod bucket_editor;
mod settings_panel;

pub use settings_panel::SettingsPanel;
