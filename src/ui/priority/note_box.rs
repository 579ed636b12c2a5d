//! The user's note on a client.

use encours_engine::priority::fold_name;
use leptos::prelude::*;

use crate::i18n;
use crate::state::AppState;

/// The user's note on the client, saved when the field loses focus.
#[component]
pub fn NoteBox(s: AppState, id: String, name: String, note: String) -> impl IntoView {
    let note_id = format!("{id}-note");
    let label = {
        let name = name.clone();
        move || i18n::note_about(s.lang.get(), &name)
    };
    let change = move |ev| {
        let text = event_target_value(&ev);
        s.priority.update(|p| {
            p.notes.retain(|n, _| fold_name(n) != fold_name(&name));
            if !text.trim().is_empty() {
                p.notes.insert(name.clone(), text);
            }
        });
    };
    view! {
        <span class="field note">
            <label for=note_id.clone()>{label}</label>
            <textarea id=note_id rows="2" prop:value=note on:change=change></textarea>
        </span>
    }
}
