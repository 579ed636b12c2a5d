//! Getting the report out: CSV download and printing.

mod export_buttons;

pub use export_buttons::ExportButtons;
