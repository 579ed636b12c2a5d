//! The headline figures: rows read, used and rejected, then per currency the outstanding and
//! overdue totals.

use leptos::prelude::*;

use super::figure::Figure;
use crate::display;
use crate::engine_bridge;
use crate::i18n::{self, Key};
use crate::state::use_app;

/// What a figure shows when it has no value.
fn dash() -> String {
    "—".to_owned()
}

/// Rows read = rows used + rows rejected, then totals per currency and open counts.
#[component]
pub fn SummaryFigures() -> impl IntoView {
    let s = use_app();
    move || {
        let outcome = s.outcome.get()?;
        let report = s.report.get()?;
        let lang = s.lang.get();
        let text = |key| i18n::text(lang, key).to_owned();
        let summary = outcome.summary;
        let problem = outcome.file_problem.as_ref().map(|p| p.message(lang));
        let count = |testid: &str, key, n: usize| {
            view! {
                <Figure
                    testid=testid.to_owned()
                    value=n.to_string()
                    label=text(key)
                    text=display::count(n, lang)
                />
            }
        };
        let kpis = s.kpis.get()?;
        let currencies = kpis
            .iter()
            .map(|(currency, figures)| {
                let code = currency.code().to_owned();
                let label = |key| format!("{} ({code})", text(key));
                let percent = engine_bridge::percent_overdue(figures);
                let percent_text = percent.map(|p| display::percent(p, lang));
                let weighted = figures.weighted_days_past_due;
                let dso = figures.dso.as_ref();
                view! {
                    <div class="figure-row" role="group" aria-label=code.clone()>
                        <Figure
                            testid=format!("total-outstanding-{code}")
                            value=display::plain(figures.outstanding)
                            label=label(Key::TotalOutstanding)
                            text=display::amount(figures.outstanding, *currency, lang)
                        />
                        <Figure
                            testid=format!("total-overdue-{code}")
                            value=display::plain(figures.overdue)
                            label=label(Key::TotalOverdue)
                            text=display::amount(figures.overdue, *currency, lang)
                        />
                        <Figure
                            testid=format!("percent-overdue-{code}")
                            value=percent.map(|p| p.normalize().to_string()).unwrap_or_default()
                            label=label(Key::PercentOverdue)
                            text=percent_text.unwrap_or_else(dash)
                        />
                        <Figure
                            testid=format!("weighted-days-{code}")
                            value=weighted.map(|d| d.normalize().to_string()).unwrap_or_default()
                            label=label(Key::WeightedDays)
                            text=weighted.map(|d| display::days(d, lang)).unwrap_or_else(dash)
                        />
                        <Figure
                            testid=format!("dso-{code}")
                            value=dso.map(|d| d.days.normalize().to_string()).unwrap_or_default()
                            label=label(Key::Dso)
                            text=dso.map(|d| display::days(d.days, lang)).unwrap_or_else(dash)
                        />
                    </div>
                    {dso.map(|d| view! { <p class="hint formula">{d.formula(lang)}</p> })}
                }
            })
            .collect_view();
        Some(view! {
            <section class="panel summary" aria-labelledby="summary-heading">
                <h2 id="summary-heading">{text(Key::SummaryHeading)}</h2>
                {problem
                    .map(|message| view! { <p class="banner error" role="alert">{message}</p> })}
                <div class="figure-row">
                    {count("rows-read", Key::RowsRead, summary.rows_read)}
                    {count("rows-used", Key::RowsUsed, summary.rows_used)}
                    {count("rows-rejected", Key::RowsRejected, summary.rows_rejected)}
                    {count("open-invoices", Key::OpenInvoices, report.items.len())}
                    {count("open-clients", Key::OpenClients, engine_bridge::open_clients(&report))}
                </div>
                {currencies}
                <p class="hint">
                    {format!("{} {}", text(Key::AsOfShort), display::date(s.as_of.get(), lang))}
                </p>
            </section>
        })
    }
}
