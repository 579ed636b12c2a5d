//! What the user must know about data that was still used: import and aging warnings, and
//! the items left out of the aged balance with the reason.

use leptos::prelude::*;

use super::SHOWN_ROWS;
use crate::display;
use crate::i18n::{self, Key};
use crate::state::use_app;

/// The warnings section.
#[component]
pub fn WarningList() -> impl IntoView {
    let s = use_app();
    let body = move || {
        let outcome = s.outcome.get()?;
        let report = s.report.get()?;
        let lang = s.lang.get();
        let mut messages: Vec<String> = outcome.warnings.iter().map(|w| w.message(lang)).collect();
        messages.extend(report.warnings.iter().map(|w| w.message(lang)));
        let total = messages.len();
        let warnings = messages
            .into_iter()
            .take(SHOWN_ROWS)
            .map(|message| view! { <li>{message}</li> })
            .collect_view();
        let excluded = report
            .excluded
            .iter()
            .take(SHOWN_ROWS)
            .map(|item| {
                let number = outcome.ledger.invoices.get(item.index).map(|i| i.number.clone());
                let line =
                    format!("{} — {}", number.unwrap_or_default(), item.reason.message(lang));
                view! { <li>{line}</li> }
            })
            .collect_view();
        let excluded_heading = format!(
            "{} ({})",
            i18n::text(lang, Key::ExcludedHeading),
            display::count(report.excluded.len(), lang)
        );
        let excluded_shown = (report.excluded.len() > SHOWN_ROWS)
            .then(|| i18n::shown_of(lang, SHOWN_ROWS, report.excluded.len()));
        Some(view! {
            <p class="hint">
                {if total == 0 {
                    i18n::text(lang, Key::NoWarnings).to_owned()
                } else {
                    i18n::shown_of(lang, total.min(SHOWN_ROWS), total)
                }}
            </p>
            <ul class="problems">{warnings}</ul>
            <details class="excluded">
                <summary>{excluded_heading}</summary>
                {excluded_shown.map(|text| view! { <p class="hint">{text}</p> })}
                <ul class="problems">{excluded}</ul>
            </details>
        })
    };
    view! {
        <section class="panel warnings" aria-labelledby="warnings-heading">
            <h2 id="warnings-heading">{s.t(Key::WarningsHeading)}</h2>
            {body}
        </section>
    }
}
