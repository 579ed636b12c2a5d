//! Getting data in: paste, file, drop, sample; the detected reading choices and the column
//! mapping.

mod column_mapping;
mod column_row;
mod drop_zone;
mod file_picker;
mod header_line;
mod import_panel;
mod parse_choices;
mod paste_area;
mod sample_button;
mod sheet_choice;

pub use drop_zone::DropZone;
pub use import_panel::ImportPanel;
