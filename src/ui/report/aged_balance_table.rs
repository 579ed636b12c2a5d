//! The aged balance: one table per currency, clients by buckets, with a total column and a
//! total row.

use encours_engine::aging::{AgingReport, BucketTotals};
use encours_engine::lang::Lang;
use encours_engine::ledger::{Currency, Ledger};
use encours_engine::priority::fold_name;
use leptos::prelude::*;

use super::SHOWN_ROWS;
use crate::display;
use crate::i18n::{self, Key};
use crate::state::use_app;

/// The aged balance section.
#[component]
pub fn AgedBalanceTable() -> impl IntoView {
    let s = use_app();
    let tables = move || {
        let outcome = s.outcome.get()?;
        let report = s.report.get()?;
        let lang = s.lang.get();
        let views = report
            .by_currency
            .iter()
            .map(|(currency, totals)| {
                currency_table(&outcome.ledger, &report, *currency, totals, lang)
            })
            .collect_view();
        Some(views)
    };
    view! {
        <section class="panel aged" aria-labelledby="aged-heading">
            <h2 id="aged-heading">{s.t(Key::AgedBalanceHeading)}</h2>
            {move || {
                s.report.with(|r| r.as_ref().is_some_and(|r| r.by_currency.is_empty()))
                    .then(|| view! { <p class="hint">{s.t(Key::NothingOpen)}</p> })
            }}
            {tables}
        </section>
    }
}

/// The table of one currency.
fn currency_table(
    ledger: &Ledger,
    report: &AgingReport,
    currency: Currency,
    totals: &BucketTotals,
    lang: Lang,
) -> impl IntoView {
    let code = currency.code().to_owned();
    let amount = move |value| display::amount(value, currency, lang);
    let heads = (0..report.buckets.len())
        .map(|i| view! { <th scope="col">{report.buckets.label(i, lang)}</th> })
        .collect_view();
    // Clients in alphabetical order, accents and case aside, as an accountant's ledger lists them.
    let mut clients: Vec<_> =
        report.by_client.iter().filter(|((_, c), _)| *c == currency).collect();
    clients.sort_by_cached_key(|((client, _), _)| fold_name(ledger.client_name(*client)));
    let client_count = clients.len();
    let rows = clients
        .into_iter()
        .take(SHOWN_ROWS)
        .map(|((client, _), line)| {
            let cells = line.buckets.iter().map(|v| view! { <td>{amount(*v)}</td> }).collect_view();
            view! {
                <tr>
                    <th scope="row">{ledger.client_name(*client).to_owned()}</th>
                    {cells}
                    <td class="total">{amount(line.total)}</td>
                </tr>
            }
        })
        .collect_view();
    let footer = totals
        .buckets
        .iter()
        .enumerate()
        .map(|(k, v)| {
            view! {
                <td data-testid=format!("bucket-total-{code}-{k}") data-value=display::plain(*v)>
                    {amount(*v)}
                </td>
            }
        })
        .collect_view();
    let caption = format!("{} ({code})", i18n::text(lang, Key::AgedBalanceHeading));
    let shown = (client_count > SHOWN_ROWS)
        .then(|| i18n::shown_of(lang, SHOWN_ROWS, client_count))
        .map(|text| view! { <p class="hint">{text}</p> });
    view! {
        {shown}
        <div class="table-scroll">
            <table class="aged-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n::text(lang, Key::Client)}</th>
                        {heads}
                        <th scope="col">{i18n::text(lang, Key::Total)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{i18n::text(lang, Key::Total)}</th>
                        {footer}
                        <td class="total">{amount(totals.total)}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
