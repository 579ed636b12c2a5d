//! The sheet of a workbook to read.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::state::use_app;
use crate::ui::controls::ChoiceSelect;

/// The sheet of a workbook to read.
#[component]
pub fn SheetChoice(sheets: Vec<String>) -> impl IntoView {
    let s = use_app();
    let choices: Vec<(String, String)> = sheets.into_iter().map(|n| (n.clone(), n)).collect();
    view! {
        <div class="choice">
            <ChoiceSelect
                id="opt-sheet".to_owned()
                label=s.label(Key::Sheet)
                choices=Signal::derive(move || choices.clone())
                current=Signal::derive(move || {
                    let read = move || s.outcome.with(|o| o.as_ref()?.parse.sheet.clone());
                    s.options.with(|o| o.sheet.clone()).or_else(read).unwrap_or_default()
                })
                on_pick=Callback::new(move |v: String| s.choose_import(|o| o.sheet = Some(v)))
            />
        </div>
    }
}
