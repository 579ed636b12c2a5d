//! Who to chase first: the ordering and ladder settings, penalties, and one card per client
//! with its reminder.

mod action_card;
mod action_list;
mod key_account_box;
mod ladder_editor;
mod letter_options;
mod note_box;
mod owner_call_box;
mod penalty_options;
mod priority_options;
mod priority_panel;
mod reminder_box;
mod score_editor;

pub use priority_panel::PriorityPanel;

use encours_engine::lang::Lang;
use encours_engine::money::{self, NumberFormat};
use encours_engine::priority::fold_name;
use rust_decimal::Decimal;
use std::collections::BTreeSet;

/// Reads an amount or a rate typed in the user's language (`1 234,56` / `1,234.56`); `None`
/// when it is not one.
pub(crate) fn parse_typed_amount(text: &str, lang: Lang) -> Option<Decimal> {
    let format = match lang {
        Lang::Fr => NumberFormat::COMMA,
        Lang::En => NumberFormat::DOT,
    };
    money::parse_amount(text, format).ok().map(|amount| amount.value)
}

/// Adds or removes `name` in a set of client names compared as the engine compares them.
pub(crate) fn toggle_name(set: &mut BTreeSet<String>, name: &str, on: bool) {
    set.retain(|n| fold_name(n) != fold_name(name));
    if on {
        set.insert(name.to_owned());
    }
}
