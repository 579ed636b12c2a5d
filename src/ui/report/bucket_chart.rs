//! An inline SVG bar chart of the outstanding amount per bucket, one chart per currency.
//!
//! Built from `view!` elements, so every text is an escaped text node: no HTML string is ever
//! injected. Floats only place the bars; the amounts written are the exact decimals.

use encours_engine::aging::{AgingReport, BucketTotals};
use encours_engine::lang::Lang;
use encours_engine::ledger::Currency;
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;

use crate::display;
use crate::i18n::{self, Key};
use crate::state::use_app;

const WIDTH: f64 = 640.0;
const TOP: f64 = 24.0;
const PLOT_HEIGHT: f64 = 160.0;
const LEFT: f64 = 8.0;

/// The charts section, one chart per currency.
#[component]
pub fn BucketChart() -> impl IntoView {
    let s = use_app();
    move || {
        let report = s.report.get()?;
        let lang = s.lang.get();
        if report.by_currency.is_empty() {
            return None;
        }
        let charts = report
            .by_currency
            .iter()
            .map(|(currency, totals)| chart(&report, *currency, totals, lang))
            .collect_view();
        Some(view! {
            <section class="panel chart" aria-labelledby="chart-heading">
                <h2 id="chart-heading">{i18n::text(lang, Key::ChartHeading)}</h2>
                {charts}
            </section>
        })
    }
}

/// One currency's bars: above the baseline for positive totals, below for negative ones.
fn chart(
    report: &AgingReport,
    currency: Currency,
    totals: &BucketTotals,
    lang: Lang,
) -> impl IntoView {
    // Scale the values between the lowest and highest, zero always included.
    let values: Vec<f64> = totals.buckets.iter().map(|v| v.to_f64().unwrap_or(0.0)).collect();
    let high = values.iter().fold(0.0_f64, |m, v| m.max(*v));
    let low = values.iter().fold(0.0_f64, |m, v| m.min(*v));
    let span = if high - low > 0.0 { high - low } else { 1.0 };
    let baseline = TOP + high / span * PLOT_HEIGHT;
    let slot = (WIDTH - 2.0 * LEFT) / values.len().max(1) as f64;

    // One bar, its amount and its label per bucket.
    let bars = totals
        .buckets
        .iter()
        .zip(&values)
        .enumerate()
        .map(|(i, (exact, value))| {
            let height = value.abs() / span * PLOT_HEIGHT;
            let y = if *value >= 0.0 { baseline - height } else { baseline };
            let x = LEFT + i as f64 * slot + slot * 0.15;
            let label = report.buckets.label(i, lang);
            let amount = display::amount(*exact, currency, lang);
            let class = if i == 0 { "bar not-due" } else { "bar overdue" };
            view! {
                <g>
                    <rect
                        class=class
                        x=format!("{x:.1}")
                        y=format!("{y:.1}")
                        width=format!("{:.1}", slot * 0.7)
                        height=format!("{:.1}", height.max(0.5))
                    />
                    <text
                        class="bar-amount"
                        x=format!("{:.1}", x + slot * 0.35)
                        y=format!("{:.1}", (y - 4.0).max(12.0))
                        text-anchor="middle"
                    >
                        {amount}
                    </text>
                    <text
                        class="bar-label"
                        x=format!("{:.1}", x + slot * 0.35)
                        y=format!("{:.1}", TOP + PLOT_HEIGHT + 22.0)
                        text-anchor="middle"
                    >
                        {label}
                    </text>
                </g>
            }
        })
        .collect_view();
    let title = format!("{} ({})", i18n::text(lang, Key::ChartHeading), currency.code());
    let described: Vec<String> = totals
        .buckets
        .iter()
        .enumerate()
        .map(|(i, v)| {
            format!("{}: {}", report.buckets.label(i, lang), display::amount(*v, currency, lang))
        })
        .collect();
    let description = format!("{title}. {}", described.join("; "));
    view! {
        <figure class="bucket-chart">
            <svg
                viewBox=format!("0 0 {WIDTH} {}", TOP + PLOT_HEIGHT + 34.0)
                role="img"
                aria-label=description
            >
                <line
                    class="baseline"
                    x1="0"
                    x2=WIDTH.to_string()
                    y1=format!("{baseline:.1}")
                    y2=format!("{baseline:.1}")
                />
                {bars}
            </svg>
            <figcaption>{title}</figcaption>
        </figure>
    }
}
