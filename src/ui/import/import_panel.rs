//! The import section: the ways in, then what the reader detected.

use leptos::prelude::*;

use super::column_mapping::ColumnMapping;
use super::file_picker::FilePicker;
use super::parse_choices::ParseChoices;
use super::paste_area::PasteArea;
use super::sample_button::SampleButton;
use crate::i18n::Key;
use crate::state::use_app;

/// Paste area, file picker, sample button, reading choices and column mapping.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let s = use_app();
    view! {
        <section class="panel import no-print" aria-labelledby="import-heading">
            <h2 id="import-heading">{s.t(Key::ImportHeading)}</h2>
            <p class="hint">{s.t(Key::PrivacyNote)}</p>
            <PasteArea />
            <div class="import-row">
                <FilePicker />
                <SampleButton />
            </div>
            <p class="hint">{s.t(Key::DropHint)}</p>
            <ParseChoices />
            <ColumnMapping />
        </section>
    }
}
