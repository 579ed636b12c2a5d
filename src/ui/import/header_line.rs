//! The header line: detected, with an input to change it.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::state::use_app;

/// The header line number, detected, with an input to change it.
#[component]
pub fn HeaderLine(detected: u32) -> impl IntoView {
    let s = use_app();
    let change = move |ev| {
        let value = event_target_value(&ev);
        s.choose_import(|o| o.header_line = value.trim().parse().ok().filter(|n: &u32| *n > 0));
    };
    view! {
        <div class="choice">
            <span class="detected" data-testid="parse-header-line" data-value=detected.to_string()>
                {detected}
            </span>
            <span class="field">
                <label for="opt-header-line">{s.t(Key::HeaderLine)}</label>
                <input
                    id="opt-header-line"
                    type="number"
                    min="1"
                    prop:value=move || {
                        s.options.with(|o| o.header_line.unwrap_or(detected)).to_string()
                    }
                    on:change=change
                />
            </span>
        </div>
    }
}
