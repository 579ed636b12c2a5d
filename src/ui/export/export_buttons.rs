//! "Export CSV" and "Print".

use leptos::prelude::*;

use crate::i18n::Key;
use crate::state::use_app;
use crate::{browser, engine_bridge};

/// The two export buttons, shown once there is a report.
#[component]
pub fn ExportButtons() -> impl IntoView {
    let s = use_app();
    let export = move |_| {
        let (Some(outcome), Some(report)) = (s.outcome.get_untracked(), s.report.get_untracked())
        else {
            return;
        };
        let lang = s.lang.get_untracked();
        let csv = engine_bridge::export_csv(&outcome.ledger, &report, lang);
        let name = format!("encours-{}.csv", s.as_of.get_untracked().format("%Y-%m-%d"));
        if let Err(error) = browser::download(&name, "text/csv;charset=utf-8", &csv) {
            log::warn!("export failed: {error}");
        }
    };
    view! {
        <Show when=move || s.report.with(Option::is_some)>
            <section class="panel export no-print" aria-labelledby="export-heading">
                <h2 id="export-heading">{s.t(Key::ExportHeading)}</h2>
                <button type="button" on:click=export>{s.t(Key::ExportCsv)}</button>
                <button type="button" on:click=move |_| browser::print()>{s.t(Key::Print)}</button>
            </section>
        </Show>
    }
}
