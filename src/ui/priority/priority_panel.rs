//! The "who to chase first" section.

use leptos::prelude::*;

use super::action_list::ActionList;
use super::ladder_editor::LadderEditor;
use super::letter_options::LetterOptions;
use super::penalty_options::PenaltyOptions;
use super::priority_options::PriorityOptions;
use super::score_editor::ScoreEditor;
use crate::i18n::Key;
use crate::state::use_app;

/// Ordering, penalties, ladder and score settings, then the action list.
#[component]
pub fn PriorityPanel() -> impl IntoView {
    let s = use_app();
    view! {
        <Show when=move || s.outcome.with(Option::is_some)>
            <section class="panel priority" aria-labelledby="priority-heading">
                <h2 id="priority-heading">{s.t(Key::PriorityHeading)}</h2>
                <div class="settings-grid no-print">
                    <PriorityOptions />
                    <PenaltyOptions />
                    <LetterOptions />
                </div>
                <LadderEditor />
                <ScoreEditor />
                <ActionList />
            </section>
        </Show>
    }
}
