//! The ordering of the list and the minimum amount worth chasing.

use encours_engine::money;
use encours_engine::priority::Strategy;
use leptos::prelude::*;

use super::parse_typed_amount;
use crate::i18n::{self, Key};
use crate::state::use_app;
use crate::ui::controls::ChoiceSelect;

const STRATEGIES: [(Strategy, Key); 4] = [
    (Strategy::Amount, Key::StrategyAmount),
    (Strategy::Age, Key::StrategyAge),
    (Strategy::Client, Key::StrategyClient),
    (Strategy::Score, Key::StrategyScore),
];

/// "Sort by" and the minimum amount.
#[component]
pub fn PriorityOptions() -> impl IntoView {
    let s = use_app();
    let choices = Signal::derive(move || {
        let lang = s.lang.get();
        STRATEGIES
            .iter()
            .enumerate()
            .map(|(i, (_, key))| (i.to_string(), i18n::text(lang, *key).to_owned()))
            .collect::<Vec<_>>()
    });
    let current = Signal::derive(move || {
        let now = s.priority.with(|p| p.strategy);
        STRATEGIES.iter().position(|(v, _)| *v == now).unwrap_or(0).to_string()
    });
    let pick = Callback::new(move |value: String| {
        if let Some((strategy, _)) = value.parse::<usize>().ok().and_then(|i| STRATEGIES.get(i)) {
            s.priority.update(|p| p.strategy = *strategy);
        }
    });
    let bad_minimum = RwSignal::new(false);
    let change_minimum = move |ev| {
        let text = event_target_value(&ev);
        let value = if text.trim().is_empty() {
            Some(rust_decimal::Decimal::ZERO)
        } else {
            parse_typed_amount(&text, s.lang.get_untracked())
        };
        bad_minimum.set(value.is_none());
        if let Some(value) = value {
            s.priority.update(|p| p.minimum_amount = value);
        }
    };
    view! {
        <ChoiceSelect
            id="sort-by".to_owned()
            label=s.label(Key::SortBy)
            choices
            current
            on_pick=pick
        />
        <span class="field">
            <label for="minimum-amount">{s.t(Key::MinimumAmount)}</label>
            <input
                id="minimum-amount"
                type="text"
                inputmode="decimal"
                prop:value=move || {
                    let lang = s.lang.get();
                    s.priority.with(|p| money::format_amount(p.minimum_amount, lang))
                }
                on:change=change_minimum
            />
            {move || {
                bad_minimum
                    .get()
                    .then(|| view! { <span class="warning-text">{s.t(Key::NotAnAmount)}</span> })
            }}
        </span>
    }
}
