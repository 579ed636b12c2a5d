//! One client to chase: step, items, penalties, key account and note, and the reminder with
//! Copy and e-mail links.

use encours_engine::priority::{ClientAction, Step};
use leptos::prelude::*;

use super::key_account_box::KeyAccountBox;
use super::note_box::NoteBox;
use super::owner_call_box::OwnerCallBox;
use super::reminder_box::ReminderBox;
use crate::i18n;
use crate::state::use_app;
use crate::{display, engine_bridge};

/// How many items a card lists; the reminder text lists them all.
const SHOWN_ITEMS: usize = 10;

/// The card of one client.
#[component]
pub fn ActionCard(rank: usize, action: ClientAction) -> impl IntoView {
    let s = use_app();
    let outcome = s.outcome.get_untracked();
    let report = s.report.get_untracked();
    let (Some(outcome), Some(report)) = (outcome, report) else {
        return ().into_any();
    };
    let name = outcome.ledger.client_name(action.client).to_owned();
    let id = format!("client-{}-{}", action.client.0, action.currency.code());
    let lang = s.lang.get_untracked();
    let currency = action.currency;

    // The first items, oldest first, the count of the others, then the penalties.
    let listed = action.items.len() + action.upcoming.len();
    let more = (listed > SHOWN_ITEMS).then(|| {
        let text = i18n::more_items(lang, listed - SHOWN_ITEMS);
        view! { <li class="more">{text}</li> }
    });
    let items = action
        .items
        .iter()
        .chain(&action.upcoming)
        .take(SHOWN_ITEMS)
        .filter_map(|i| report.items.get(*i))
        .map(|item| {
            let number = outcome.ledger.invoices.get(item.index).map(|i| i.number.clone());
            view! {
                <li>
                    {number.unwrap_or_default()} " · " {display::date(item.due_date, lang)} " · "
                    {i18n::days_past_due(lang, item.days_past_due)} " · "
                    {display::amount(item.outstanding, item.currency, lang)}
                </li>
            }
        })
        .collect_view();
    let penalties = s.penalty_report.get_untracked().and_then(|p| {
        let enabled = s.letter.with_untracked(|settings| settings.penalties.enabled);
        let totals = p.by_client.get(&(action.client, currency))?.clone();
        enabled.then(|| {
            let interest = display::amount(totals.interest, currency, lang);
            let indemnity =
                display::amount(totals.indemnity_eur, encours_engine::ledger::Currency::EUR, lang);
            let line = i18n::penalties_line(lang, &interest, &indemnity, totals.late_invoices);
            view! { <p class="penalties">{line}</p> }
        })
    });
    let reminder = s.letter.with_untracked(|settings| {
        engine_bridge::reminder(&outcome.ledger, &report, &action, lang, settings)
    });
    // An overdue client shows what is overdue; a preventive one what falls due soon.
    let figures = match action.overdue.is_zero() && !action.upcoming.is_empty() {
        true => i18n::due_soon(lang, &display::amount(action.upcoming_amount, currency, lang)),
        false => format!(
            "{} · {}",
            display::amount(action.overdue, currency, lang),
            i18n::oldest_days(lang, action.max_days_past_due)
        ),
    };
    let note = action.note.clone().unwrap_or_default();
    let key_account = action.key_account;
    let owner_call = key_account && action.ladder_step >= Step::SecondReminder;
    view! {
        <li class="action-card">
            <h3>
                {format!("{rank}. {name}")}
                <span class="step">{action.step.label(lang)}</span>
            </h3>
            <p class="action-figures">{figures}</p>
            {penalties}
            <ul class="items">{items} {more}</ul>
            <div class="client-options no-print">
                <KeyAccountBox s id=id.clone() name=name.clone() checked=key_account />
                {owner_call.then(|| view! { <OwnerCallBox s id=id.clone() name=name.clone() /> })}
                <NoteBox s id=id.clone() name=name.clone() note=note />
            </div>
            <ReminderBox id name reminder emails=action.emails.clone() />
        </li>
    }
    .into_any()
}
