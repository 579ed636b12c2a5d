//! The report section, shown once something has been read.

use leptos::prelude::*;

use super::aged_balance_table::AgedBalanceTable;
use super::bucket_chart::BucketChart;
use super::open_invoices::OpenInvoices;
use super::rejected_rows::RejectedRows;
use super::summary_figures::SummaryFigures;
use super::warning_list::WarningList;
use crate::state::use_app;

/// Figures, aged balance, chart, open invoices, rejected rows and warnings.
#[component]
pub fn ReportView() -> impl IntoView {
    let s = use_app();
    view! {
        <Show when=move || s.outcome.with(Option::is_some)>
            <SummaryFigures />
            <AgedBalanceTable />
            <BucketChart />
            <OpenInvoices />
            <RejectedRows />
            <WarningList />
        </Show>
    }
}
