//! The rows that could not be used, each with its line, column, raw value and reason.

use leptos::prelude::*;

use super::SHOWN_ROWS;
use crate::i18n::{self, Key};
use crate::state::use_app;

/// The rejected rows list: the first thousand, with the count of all.
#[component]
pub fn RejectedRows() -> impl IntoView {
    let s = use_app();
    let body = move || {
        let outcome = s.outcome.get()?;
        let lang = s.lang.get();
        let errors = &outcome.errors;
        if errors.is_empty() {
            return Some(
                view! { <p class="hint">{i18n::text(lang, Key::NoRejectedRows)}</p> }.into_any(),
            );
        }
        let items = errors
            .iter()
            .take(SHOWN_ROWS)
            .map(|error| view! { <li>{error.message(lang)}</li> })
            .collect_view();
        let shown = i18n::shown_of(lang, errors.len().min(SHOWN_ROWS), errors.len());
        Some(
            view! {
                <p class="hint">{shown}</p>
                <ul class="problems">{items}</ul>
            }
            .into_any(),
        )
    };
    view! {
        <section class="panel rejected" aria-labelledby="rejected-heading">
            <h2 id="rejected-heading">{s.t(Key::RejectedHeading)}</h2>
            {body}
        </section>
    }
}
