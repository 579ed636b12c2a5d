//! The aged balance and everything around it: figures, table, chart, open items, rejected
//! rows and warnings.

mod aged_balance_table;
mod bucket_chart;
mod figure;
mod open_invoices;
mod rejected_rows;
mod report_view;
mod summary_figures;
mod warning_list;

pub use report_view::ReportView;

/// How many rows a long list or table shows; the count of all is always stated.
pub const SHOWN_ROWS: usize = 1000;
