//! The as-of date input; today by default.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::i18n::Key;
use crate::state::use_app;

/// A date input; an incomplete date is ignored until it is whole.
#[component]
pub fn AsOfInput() -> impl IntoView {
    let s = use_app();
    let change = move |ev| {
        if let Ok(date) = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d") {
            s.as_of.set(date);
        }
    };
    view! {
        <span class="field">
            <label for="as-of">{s.t(Key::AsOfDate)}</label>
            <input
                id="as-of"
                type="date"
                prop:value=move || s.as_of.get().format("%Y-%m-%d").to_string()
                on:change=change
            />
            <button type="button" class="link" on:click=move |_| s.as_of.set(s.today)>
                {s.t(Key::Today)}
            </button>
        </span>
    }
}
