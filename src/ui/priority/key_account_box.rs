//! The "key account" checkbox of a client card.

use leptos::prelude::*;

use super::toggle_name;
use crate::i18n::Key;
use crate::state::AppState;

/// The "key account" checkbox.
#[component]
pub fn KeyAccountBox(s: AppState, id: String, name: String, checked: bool) -> impl IntoView {
    let box_id = format!("{id}-key");
    let change = move |ev| {
        let on = event_target_checked(&ev);
        s.priority.update(|p| toggle_name(&mut p.key_accounts, &name, on));
    };
    view! {
        <span class="field checkbox">
            <input id=box_id.clone() type="checkbox" prop:checked=checked on:change=change />
            <label for=box_id>{s.t(Key::MarkKeyAccount)}</label>
        </span>
    }
}
