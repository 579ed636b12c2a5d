//! The open items at the as-of date: the first thousand, with the count of all.

use leptos::prelude::*;

use super::SHOWN_ROWS;
use crate::display;
use crate::i18n::{self, Key};
use crate::state::use_app;

/// The open invoices table.
#[component]
pub fn OpenInvoices() -> impl IntoView {
    let s = use_app();
    let body = move || {
        let outcome = s.outcome.get()?;
        let report = s.report.get()?;
        let lang = s.lang.get();
        let ledger = &outcome.ledger;
        let rows = report
            .items
            .iter()
            .take(SHOWN_ROWS)
            .map(|item| {
                let invoice = ledger.invoices.get(item.index);
                let number = invoice.map(|i| i.number.clone()).unwrap_or_default();
                view! {
                    <tr>
                        <td>{number}</td>
                        <td>{ledger.client_name(item.client).to_owned()}</td>
                        <td>{display::date(item.due_date, lang)}</td>
                        <td class="num">{item.days_past_due}</td>
                        <td>{report.buckets.label(item.bucket, lang)}</td>
                        <td class="num">
                            {display::amount(item.outstanding, item.currency, lang)}
                        </td>
                    </tr>
                }
            })
            .collect_view();
        let shown = i18n::shown_of(lang, report.items.len().min(SHOWN_ROWS), report.items.len());
        Some(view! {
            <p class="hint">{shown}</p>
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{i18n::text(lang, Key::InvoiceNumber)}</th>
                            <th scope="col">{i18n::text(lang, Key::Client)}</th>
                            <th scope="col">{i18n::text(lang, Key::DueDate)}</th>
                            <th scope="col" class="num">{i18n::text(lang, Key::DaysPastDue)}</th>
                            <th scope="col">{i18n::text(lang, Key::Bucket)}</th>
                            <th scope="col" class="num">{i18n::text(lang, Key::Outstanding)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })
    };
    view! {
        <section class="panel open-items" aria-labelledby="open-heading">
            <h2 id="open-heading">{s.t(Key::OpenInvoicesHeading)}</h2>
            {body}
        </section>
    }
}
