//! The file input; reading starts as soon as a file is chosen.

use leptos::prelude::*;
use web_sys::HtmlInputElement;

use crate::i18n::Key;
use crate::state::use_app;

/// A labelled `<input type="file">` for CSV, text and workbooks.
#[component]
pub fn FilePicker() -> impl IntoView {
    let s = use_app();
    let picked = move |ev: leptos::ev::Event| {
        let element: HtmlInputElement = event_target(&ev);
        if let Some(file) = element.files().and_then(|files| files.get(0)) {
            s.open_file(file);
        }
    };
    view! {
        <span class="field file">
            <label for="file-input">{s.t(Key::ChooseFile)}</label>
            <input
                id="file-input"
                type="file"
                accept=".csv,.txt,.tsv,.xlsx,.xls,.xlsm,.ods"
                on:change=picked
            />
        </span>
    }
}
