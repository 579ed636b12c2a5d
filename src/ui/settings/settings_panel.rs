//! The settings section.

use leptos::prelude::*;

use super::aging_options::AgingOptions;
use super::as_of_input::AsOfInput;
use super::bucket_editor::BucketEditor;
use crate::i18n::Key;
use crate::state::use_app;

/// As-of date, buckets and aging options; changing them re-runs aging, never the reading.
#[component]
pub fn SettingsPanel() -> impl IntoView {
    let s = use_app();
    view! {
        <section class="panel settings no-print" aria-labelledby="settings-heading">
            <h2 id="settings-heading">{s.t(Key::SettingsHeading)}</h2>
            <div class="settings-grid">
                <AsOfInput />
                <BucketEditor />
                <AgingOptions />
            </div>
        </section>
    }
}
