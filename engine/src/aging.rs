//! The aged balance: each open item's outstanding amount, days past due and bucket at an
//! as-of date, with totals per bucket, per client and per currency.
//!
//! CONTRACT STUB: the aging work replaces the body of [`age`]; the public names below are
//! what the app and the CLI use.

use crate::lang::Lang;
use crate::ledger::{ClientId, Currency, Ledger};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Which date the days are counted from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    #[default]
    Due,
    Issue,
}

/// The two legal readings of "N jours fin de mois".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndOfMonthMethod {
    /// Issue date + N days, then the end of that month.
    #[default]
    AddDaysThenEndOfMonth,
    /// End of the issue month, then + N days.
    EndOfMonthThenAddDays,
}

/// Whether disputed items count in the report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisputedPolicy {
    #[default]
    Include,
    Exclude,
}

/// The upper edges, in days past due, of the overdue buckets: `[30, 60, 90]` gives not yet
/// due, 1-30, 31-60, 61-90 and over 90.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Buckets {
    pub edges: Vec<u32>,
}

impl Default for Buckets {
    fn default() -> Self {
        Buckets { edges: vec![30, 60, 90] }
    }
}

/// Everything the user can set about the aged balance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgingSettings {
    pub buckets: Buckets,
    pub basis: Basis,
    pub default_terms_days: u16,
    pub end_of_month: EndOfMonthMethod,
    pub default_currency: Currency,
    pub disputed: DisputedPolicy,
}

impl Default for AgingSettings {
    fn default() -> Self {
        AgingSettings {
            buckets: Buckets::default(),
            basis: Basis::Due,
            default_terms_days: 30,
            end_of_month: EndOfMonthMethod::default(),
            default_currency: Currency::EUR,
            disputed: DisputedPolicy::Include,
        }
    }
}

/// An open item at the as-of date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgedItem {
    /// Index into `Ledger::invoices`.
    pub index: usize,
    pub client: ClientId,
    pub currency: Currency,
    pub outstanding: Decimal,
    pub due_date: NaiveDate,
    /// As-of date minus due date (or issue date, by the basis); 0 or less is not yet due.
    pub days_past_due: i64,
    /// Index into the bucket labels: 0 is "not yet due".
    pub bucket: usize,
}

/// An item of the ledger that is not in the aged balance, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExcludedItem {
    pub index: usize,
    pub reason_en: String,
}

/// Amounts per bucket, in bucket order, and their sum.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BucketTotals {
    pub buckets: Vec<Decimal>,
    pub total: Decimal,
}

/// A report-level notice (disputed item, terms over the legal cap, due before issue).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgingWarning {
    pub index: usize,
    pub text_en: String,
}

impl AgingWarning {
    pub fn message(&self, _lang: Lang) -> String {
        self.text_en.clone()
    }
}

/// The aged balance at one as-of date.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgingReport {
    pub as_of: Option<NaiveDate>,
    /// Machine labels, `not_due`, `1-30`, ..., `90+` by default.
    pub bucket_keys: Vec<String>,
    pub items: Vec<AgedItem>,
    pub excluded: Vec<ExcludedItem>,
    pub by_currency: BTreeMap<Currency, BucketTotals>,
    pub by_client: BTreeMap<(ClientId, Currency), BucketTotals>,
    pub warnings: Vec<AgingWarning>,
}

/// Ages every item of `ledger` at `as_of`.
pub fn age(_ledger: &Ledger, _settings: &AgingSettings, as_of: NaiveDate) -> AgingReport {
    AgingReport { as_of: Some(as_of), ..AgingReport::default() }
}
