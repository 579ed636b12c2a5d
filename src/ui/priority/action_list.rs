//! The ranked list of clients to chase, then those with something due soon, then what the
//! minimum amount left out.

use encours_engine::priority::LeftOut;
use leptos::prelude::*;

use super::action_card::ActionCard;
use crate::display;
use crate::i18n::{self, Key};
use crate::state::use_app;

/// How many cards each list shows; each card writes a reminder, so long lists are cut and the
/// count of all is stated.
const SHOWN_CARDS: usize = 100;

/// The action cards, in the engine's order.
#[component]
pub fn ActionList() -> impl IntoView {
    let s = use_app();
    move || {
        let plan = s.plan.get()?;
        let lang = s.lang.get();
        s.penalty_report.track();
        s.letter.track();
        let cards = plan
            .actions
            .iter()
            .take(SHOWN_CARDS)
            .enumerate()
            .map(|(rank, action)| view! { <ActionCard rank=rank + 1 action=action.clone() /> })
            .collect_view();
        let soon = plan
            .preventive
            .iter()
            .take(SHOWN_CARDS)
            .enumerate()
            .map(|(rank, action)| view! { <ActionCard rank=rank + 1 action=action.clone() /> })
            .collect_view();
        let sums = |left_out: &LeftOut| -> String {
            let sums: Vec<String> = left_out
                .amounts
                .iter()
                .map(|(currency, amount)| display::amount(*amount, *currency, lang))
                .collect();
            sums.join(" ; ")
        };
        let (below_minimum, disputed) = (sums(&plan.below_minimum), sums(&plan.disputed));
        Some(view! {
            {plan
                .actions
                .is_empty()
                .then(|| view! { <p class="hint">{i18n::text(lang, Key::NothingOverdue)}</p> })}
            {(plan.actions.len() > SHOWN_CARDS).then(|| {
                let shown = i18n::shown_of(lang, SHOWN_CARDS, plan.actions.len());
                view! { <p class="hint">{shown}</p> }
            })}
            <ol class="actions">{cards}</ol>
            {(!plan.preventive.is_empty()).then(|| view! {
                <h3>{i18n::text(lang, Key::DueSoonHeading)}</h3>
                {(plan.preventive.len() > SHOWN_CARDS).then(|| {
                    let shown = i18n::shown_of(lang, SHOWN_CARDS, plan.preventive.len());
                    view! { <p class="hint">{shown}</p> }
                })}
                <ol class="actions">{soon}</ol>
            })}
            {(plan.below_minimum.items > 0).then(|| view! {
                <p class="hint">
                    {i18n::below_minimum(lang, plan.below_minimum.items, &below_minimum)}
                </p>
            })}
            {(plan.disputed.items > 0).then(|| view! {
                <p class="hint">{i18n::disputed_left_out(lang, plan.disputed.items, &disputed)}</p>
            })}
        })
    }
}
