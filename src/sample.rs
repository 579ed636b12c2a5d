//! The built-in sample: an invented French invoice list and the as-of date it is meant for.
//!
//! The dates in `sample.csv` are fixed, so the sample comes with its own as-of date
//! ([`AS_OF`], 31 January 2025): loading it moves the as-of date there, and every bucket then
//! holds something (not yet due, 1-30, 31-60, 61-90, over 90), with a credit note, two partial
//! payments, one fully paid invoice and one invoice due on the as-of date itself.

use chrono::NaiveDate;

/// The sample file, semicolon-separated with comma decimals, as Excel writes it in France.
pub const CSV: &str = include_str!("sample.csv");

/// The as-of date the sample is meant to be read at.
pub fn as_of() -> NaiveDate {
    // A fixed, valid calendar date: this cannot fail.
    NaiveDate::from_ymd_opt(2025, 1, 31).expect("31 January 2025 exists")
}
