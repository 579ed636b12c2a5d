//! For a key account at a written step: the "owner's call made" checkbox.

use encours_engine::priority::fold_name;
use leptos::prelude::*;

use super::toggle_name;
use crate::i18n::Key;
use crate::state::AppState;

/// For a key account at a written step: has the account owner called?
#[component]
pub fn OwnerCallBox(s: AppState, id: String, name: String) -> impl IntoView {
    let box_id = format!("{id}-call");
    let done = {
        let name = name.clone();
        s.priority
            .with_untracked(|p| p.owner_calls_done.iter().any(|n| fold_name(n) == fold_name(&name)))
    };
    let change = move |ev| {
        let on = event_target_checked(&ev);
        s.priority.update(|p| toggle_name(&mut p.owner_calls_done, &name, on));
    };
    view! {
        <span class="field checkbox">
            <input id=box_id.clone() type="checkbox" prop:checked=done on:change=change />
            <label for=box_id>{s.t(Key::OwnerCallDone)}</label>
        </span>
    }
}
