//! The button that loads the built-in sample.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::state::use_app;

/// Loads `sample.csv` and its as-of date.
#[component]
pub fn SampleButton() -> impl IntoView {
    let s = use_app();
    view! {
        <button type="button" on:click=move |_| s.load_sample()>
            {s.t(Key::TrySample)}
        </button>
    }
}
