//! The text area for pasted CSV and its "Analyse" button.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::state::use_app;

/// Pasted text is read only when the user presses "Analyse".
#[component]
pub fn PasteArea() -> impl IntoView {
    let s = use_app();
    let analyse = move |_| s.analyse_draft();
    view! {
        <div class="paste">
            <label for="paste-input">{s.t(Key::PasteLabel)}</label>
            <textarea
                id="paste-input"
                rows="8"
                spellcheck="false"
                prop:value=move || s.draft.get()
                on:input=move |ev| s.draft.set(event_target_value(&ev))
            ></textarea>
            <button type="button" class="primary" on:click=analyse>
                {s.t(Key::Analyse)}
            </button>
        </div>
    }
}
