//! The page: loads the saved state once, provides it to every component, lays out the
//! sections.

use leptos::prelude::*;

use crate::state::AppState;
use crate::ui::export::ExportButtons;
use crate::ui::import::{DropZone, ImportPanel};
use crate::ui::layout::{NoticeBanner, TopBar};
use crate::ui::priority::PriorityPanel;
use crate::ui::report::ReportView;
use crate::ui::settings::SettingsPanel;
use crate::{browser, storage};

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    // Load what the last visit left, once, here; then keep it saved.
    let state = AppState::new(storage::load(), browser::today());
    provide_context(state);
    state.keep_saved();

    // Keep the page's `lang` attribute in step with the chosen language.
    Effect::new(move |_| {
        browser::set_page_lang(match state.lang.get() {
            encours_engine::lang::Lang::Fr => "fr",
            encours_engine::lang::Lang::En => "en",
        })
    });
    view! {
        <DropZone />
        <TopBar />
        <NoticeBanner />
        <main>
            <ImportPanel />
            <SettingsPanel />
            <ReportView />
            <PriorityPanel />
            <ExportButtons />
        </main>
    }
}
