//! Small form controls shared by the panels.

mod choice_select;

pub use choice_select::{ChoiceSelect, LabelShown};
