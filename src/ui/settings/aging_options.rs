//! Basis, end-of-month method, default terms, default currency and disputed items.

use encours_engine::aging::{AgingSettings, Basis, DisputedPolicy, EndOfMonthMethod};
use encours_engine::ledger::Currency;
use leptos::prelude::*;

use crate::i18n::{self, Key};
use crate::state::{use_app, AppState};
use crate::ui::controls::ChoiceSelect;

/// A select over an aging setting with translated choices.
fn setting_select<T: Copy + PartialEq + Send + Sync + 'static>(
    s: AppState,
    id: &'static str,
    label: Key,
    choices: Vec<(T, Key)>,
    get: fn(&AgingSettings) -> T,
    set: fn(&mut AgingSettings, T),
) -> impl IntoView {
    let values = choices.clone();
    let texts = Signal::derive(move || {
        let lang = s.lang.get();
        let pairs = choices.iter().enumerate();
        pairs.map(|(i, (_, key))| (i.to_string(), i18n::text(lang, *key).to_owned())).collect()
    });
    let current = {
        let values = values.clone();
        Signal::derive(move || {
            let now = s.aging.with(get);
            values.iter().position(|(v, _)| *v == now).map(|i| i.to_string()).unwrap_or_default()
        })
    };
    let pick = Callback::new(move |picked: String| {
        if let Some((value, _)) = picked.parse::<usize>().ok().and_then(|i| values.get(i)) {
            s.aging.update(|a| set(a, *value));
        }
    });
    view! {
        <ChoiceSelect id=id.to_owned() label=s.label(label) choices=texts current on_pick=pick />
    }
}

/// The aging options.
#[component]
pub fn AgingOptions() -> impl IntoView {
    let s = use_app();
    let currencies = Signal::derive(|| {
        [Currency::EUR, Currency::USD, Currency::GBP, Currency::CHF]
            .iter()
            .map(|c| (c.code().to_owned(), c.code().to_owned()))
            .collect::<Vec<_>>()
    });
    let pick_currency = Callback::new(move |code: String| {
        if let Some(currency) = Currency::from_code(&code) {
            s.aging.update(|a| a.default_currency = currency);
        }
    });
    let change_terms = move |ev| {
        if let Ok(days) = event_target_value(&ev).trim().parse::<u16>() {
            s.aging.update(|a| a.default_terms_days = days);
        }
    };
    view! {
        {setting_select(
            s,
            "basis",
            Key::Basis,
            vec![(Basis::Due, Key::BasisDue), (Basis::Issue, Key::BasisIssue)],
            |a| a.basis,
            |a, v| a.basis = v,
        )}
        {setting_select(
            s,
            "end-of-month",
            Key::EndOfMonth,
            vec![
                (EndOfMonthMethod::AddDaysThenEndOfMonth, Key::EndOfMonthA),
                (EndOfMonthMethod::EndOfMonthThenAddDays, Key::EndOfMonthB),
            ],
            |a| a.end_of_month,
            |a, v| a.end_of_month = v,
        )}
        <span class="field">
            <label for="default-terms">{s.t(Key::DefaultTerms)}</label>
            <input
                id="default-terms"
                type="number"
                min="0"
                max="3650"
                prop:value=move || s.aging.with(|a| a.default_terms_days.to_string())
                on:change=change_terms
            />
        </span>
        <ChoiceSelect
            id="default-currency".to_owned()
            label=s.label(Key::DefaultCurrency)
            choices=currencies
            current=Signal::derive(move || s.aging.with(|a| a.default_currency.code().to_owned()))
            on_pick=pick_currency
        />
        {setting_select(
            s,
            "disputed",
            Key::Disputed,
            vec![
                (DisputedPolicy::Include, Key::DisputedInclude),
                (DisputedPolicy::Exclude, Key::DisputedExclude),
            ],
            |a| a.disputed,
            |a, v| a.disputed = v,
        )}
    }
}
