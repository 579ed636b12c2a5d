//! Payment behaviour: how late each client paid its settled invoices, weighted by amount.
//!
//! The measure is the one accountants call the average days late (or days beyond terms):
//! for every settled invoice, days late = max(0, payment date − due date), and a client's
//! average is weighted by the amount settled, so one late 10,000.00 invoice weighs a hundred
//! times more than one late 100.00 invoice.

use crate::ledger::{ClientId, Currency, Invoice, ItemKind, Ledger};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One client's record in one currency.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentBehaviour {
    /// How many settled invoices the average is drawn from.
    pub settled_invoices: u32,
    /// Sum of the amounts settled: the weights.
    pub settled_amount: Decimal,
    /// Sum of amount settled × days late, exact.
    pub weighted_days_late: Decimal,
    /// `weighted_days_late / settled_amount`; `None` when nothing was settled.
    pub average_days_late: Option<Decimal>,
    /// The longest delay seen, in days.
    pub max_days_late: i64,
}

/// Why a settled item was not counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// Neither a due date nor the means to compute one.
    NoDueDate,
    /// Amount × days does not fit in a decimal.
    Overflow,
}

/// A settled item left out of the averages, kept so that nothing vanishes in silence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedPayment {
    /// Index into `Ledger::invoices`.
    pub index: usize,
    pub reason: SkipReason,
}

/// Every client's payment record, per currency (amounts in different currencies are never
/// added, even as weights).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BehaviourReport {
    pub clients: BTreeMap<(ClientId, Currency), PaymentBehaviour>,
    pub skipped: Vec<SkippedPayment>,
}

impl BehaviourReport {
    /// The average days late of `client` in `currency`, `None` without a settled invoice.
    pub fn average_days_late(&self, client: ClientId, currency: Currency) -> Option<Decimal> {
        self.clients.get(&(client, currency)).and_then(|b| b.average_days_late)
    }
}

/// The due date written in the file, nothing computed: the simplest `due_date_of` argument
/// for [`payment_behaviour`]. The app passes the aging rules instead (terms, end of month),
/// so that an invoice with only an issue date and terms is counted too.
pub fn stated_due_date(invoice: &Invoice) -> Option<NaiveDate> {
    invoice.due_date
}

/// Computes every client's amount-weighted average days late from the settled invoices of
/// `ledger`.
///
/// An item counts when it is an invoice with a positive amount and a payment date on or before
/// `as_of` (a payment after the as-of date had not happened yet). Its weight is the amount
/// received: `paid` when the file has it (capped at the amount), else the whole amount.
/// Days late = max(0, payment date − due date), the due date coming from `due_date_of`; an
/// item paid early counts as 0 days late, so early payers do not offset late ones. Items with
/// no due date, or whose figures overflow, are listed in `skipped`. `default_currency` stands
/// for items whose file names no currency.
///
/// Example: 1,000.00 paid 10 days late and 3,000.00 paid on time average
/// (1000 × 10 + 3000 × 0) / 4000 = 2.5 days late.
pub fn payment_behaviour(
    ledger: &Ledger,
    as_of: NaiveDate,
    default_currency: Currency,
    due_date_of: impl Fn(&Invoice) -> Option<NaiveDate>,
) -> BehaviourReport {
    let mut report = BehaviourReport::default();

    // Add up each settled invoice's weight and weighted delay.
    for (index, invoice) in ledger.invoices.iter().enumerate() {
        let Some(paid_on) = invoice.payment_date else { continue };
        if invoice.kind != ItemKind::Invoice || invoice.amount <= Decimal::ZERO || paid_on > as_of {
            continue;
        }
        let weight = invoice.paid.unwrap_or(invoice.amount).min(invoice.amount);
        if weight <= Decimal::ZERO {
            continue;
        }
        let Some(due) = due_date_of(invoice) else {
            report.skipped.push(SkippedPayment { index, reason: SkipReason::NoDueDate });
            continue;
        };
        let days_late = (paid_on - due).num_days().max(0);
        let currency = invoice.currency.unwrap_or(default_currency);
        let entry = report.clients.entry((invoice.client, currency)).or_default();
        let sums = weight.checked_mul(Decimal::from(days_late)).and_then(|product| {
            Some((
                entry.settled_amount.checked_add(weight)?,
                entry.weighted_days_late.checked_add(product)?,
            ))
        });
        let Some((settled, weighted)) = sums else {
            report.skipped.push(SkippedPayment { index, reason: SkipReason::Overflow });
            continue;
        };
        entry.settled_invoices += 1;
        entry.settled_amount = settled;
        entry.weighted_days_late = weighted;
        entry.max_days_late = entry.max_days_late.max(days_late);
    }

    // Divide once per client.
    for behaviour in report.clients.values_mut() {
        behaviour.average_days_late =
            behaviour.weighted_days_late.checked_div(behaviour.settled_amount);
    }
    report.clients.retain(|_, b| b.settled_invoices > 0);
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(text: &str) -> Decimal {
        // Test literals are well-formed by construction.
        Decimal::from_str_exact(text).expect("test literal")
    }

    fn date(text: &str) -> NaiveDate {
        // Test literals are well-formed by construction.
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    /// (amount, paid, due, paid on)
    type Row = (&'static str, Option<&'static str>, Option<&'static str>, Option<&'static str>);

    fn ledger(rows: &[Row]) -> Ledger {
        let mut ledger = Ledger::default();
        let client = ledger.intern_client("Acme");
        for (i, (amount, paid, due, paid_on)) in rows.iter().enumerate() {
            ledger.invoices.push(Invoice {
                line: i as u32 + 2,
                number: format!("F-{i}"),
                client,
                kind: if amount.starts_with('-') {
                    ItemKind::CreditNote
                } else {
                    ItemKind::Invoice
                },
                amount: dec(amount),
                paid: paid.map(dec),
                due_date: due.map(date),
                payment_date: paid_on.map(date),
                ..Invoice::default()
            });
        }
        ledger
    }

    /// Checks (settled invoices, settled amount, weighted days, average, skipped count).
    fn check(rows: &[Row], expected: (u32, &str, &str, Option<&str>, usize)) {
        let report = payment_behaviour(&ledger(rows), date("2025-06-30"), Currency::EUR, |i| {
            stated_due_date(i)
        });
        let got = report.clients.get(&(ClientId(0), Currency::EUR)).cloned().unwrap_or_default();
        assert_eq!(
            (
                got.settled_invoices,
                got.settled_amount,
                got.weighted_days_late,
                got.average_days_late,
                report.skipped.len()
            ),
            (expected.0, dec(expected.1), dec(expected.2), expected.3.map(dec), expected.4),
            "{rows:?}"
        );
    }

    #[test]
    fn weighted_average_days_late() {
        // 1000 × 10 + 3000 × 0 = 10000; / 4000 = 2.5.
        check(
            &[
                ("1000", None, Some("2025-01-31"), Some("2025-02-10")),
                ("3000", None, Some("2025-01-31"), Some("2025-01-20")),
            ],
            (2, "4000", "10000", Some("2.5"), 0),
        );
        // Paid on the due date: 0 days late.
        check(
            &[("500", None, Some("2025-03-01"), Some("2025-03-01"))],
            (1, "500", "0", Some("0"), 0),
        );
        // A partial payment weighs what was received: 200 × 20 = 4000; / 200 = 20.
        check(
            &[("1000", Some("200"), Some("2025-03-01"), Some("2025-03-21"))],
            (1, "200", "4000", Some("20"), 0),
        );
        // Overpaid: the weight is capped at the amount: 100 × 1 = 100.
        check(
            &[("100", Some("150"), Some("2025-03-01"), Some("2025-03-02"))],
            (1, "100", "100", Some("1"), 0),
        );
        // 1/3 stays a decimal division, not a rounding of money: 100 × 1 / 300.
        check(
            &[
                ("100", None, Some("2025-03-01"), Some("2025-03-02")),
                ("200", None, Some("2025-03-01"), Some("2025-02-01")),
            ],
            (2, "300", "100", Some("0.3333333333333333333333333333"), 0),
        );
    }

    #[test]
    fn items_left_out() {
        // Unpaid, paid after the as-of date, credit notes: not settled invoices.
        check(&[("100", None, Some("2025-03-01"), None)], (0, "0", "0", None, 0));
        check(&[("100", None, Some("2025-03-01"), Some("2025-07-01"))], (0, "0", "0", None, 0));
        check(&[("-100", None, Some("2025-03-01"), Some("2025-03-05"))], (0, "0", "0", None, 0));
        // No due date: listed as skipped, not guessed.
        check(&[("100", None, None, Some("2025-03-05"))], (0, "0", "0", None, 1));
    }
}
