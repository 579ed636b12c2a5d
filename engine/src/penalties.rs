//! French late-payment penalties between businesses: interest at the ECB rate plus 10 points
//! (Code de commerce, article L441-10) and the €40 recovery indemnity (article D441-5).
//!
//! Simplifications, stated to the user: one annual rate for the whole delay (the law takes the
//! ECB rate in force on 1 January or 1 July of each half-year; the user edits the rate), and a
//! year of 365 days, leap years included.

use crate::aging::{AgedItem, AgingReport};
use crate::ledger::{ClientId, Currency, ItemKind, Ledger};
use crate::priority::fold_name;
use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The ECB main refinancing rate, in percent, that [`PenaltySettings::default`] uses: 2.15 %.
pub const ECB_MAIN_RATE_DEFAULT: Decimal = Decimal::from_parts(215, 0, 0, false, 2);

/// The day [`ECB_MAIN_RATE_DEFAULT`] took effect, 2025-06-11, as (year, month, day), for the
/// UI to state next to the rate ("2,15 % depuis le 11/06/2025").
pub const ECB_MAIN_RATE_SINCE: (i32, u32, u32) = (2025, 6, 11);

/// The points L441-10 adds to the ECB rate: 10.
pub const STATUTORY_MARGIN_POINTS: Decimal = Decimal::from_parts(10, 0, 0, false, 0);

/// The fixed recovery indemnity of D441-5, in euros, per invoice paid late: 40.
pub const RECOVERY_INDEMNITY_EUR: Decimal = Decimal::from_parts(40, 0, 0, false, 0);

/// [`ECB_MAIN_RATE_SINCE`] as a date.
pub fn ecb_rate_since() -> NaiveDate {
    let (y, m, d) = ECB_MAIN_RATE_SINCE;
    // A constant, valid calendar date.
    NaiveDate::from_ymd_opt(y, m, d).expect("2025-06-11 is a date")
}

/// Everything the user can set about penalties.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PenaltySettings {
    /// Off for consumer clients: the L441-10 penalties apply between businesses only.
    pub enabled: bool,
    /// ECB main refinancing rate, in percent (`2.15` for 2.15 %).
    pub ecb_rate: Decimal,
    /// When that rate took effect, to show with it.
    pub ecb_rate_since: NaiveDate,
    /// Points added to the ECB rate, 10 by law (a contract may set more, not less than three
    /// times the legal interest rate).
    pub margin_points: Decimal,
    /// The recovery indemnity per late invoice, in euros.
    pub indemnity_eur: Decimal,
    /// Clients (by name, case and accents ignored) billed no penalties, such as consumers.
    pub exempt_clients: BTreeSet<String>,
}

impl Default for PenaltySettings {
    fn default() -> Self {
        PenaltySettings {
            enabled: true,
            ecb_rate: ECB_MAIN_RATE_DEFAULT,
            ecb_rate_since: ecb_rate_since(),
            margin_points: STATUTORY_MARGIN_POINTS,
            indemnity_eur: RECOVERY_INDEMNITY_EUR,
            exempt_clients: BTreeSet::new(),
        }
    }
}

impl PenaltySettings {
    /// The annual interest rate in percent: ECB rate + margin, 2.15 + 10 = 12.15 by default.
    pub fn annual_rate(&self) -> Option<Decimal> {
        self.ecb_rate.checked_add(self.margin_points)
    }
}

/// Interest on `outstanding` at `annual_rate_percent` for `days` days, on a 365-day year,
/// rounded to the cent half away from zero.
///
/// Example: 1,000.00 for 36 days at 12.15 % is 1000 × 12.15 × 36 / 36500 = 11.9835..., so
/// 11.98. `None` when the figures overflow a decimal; zero for zero or fewer days.
pub fn interest(outstanding: Decimal, annual_rate_percent: Decimal, days: i64) -> Option<Decimal> {
    if days <= 0 {
        return Some(Decimal::ZERO);
    }
    let exact = outstanding
        .checked_mul(annual_rate_percent)?
        .checked_mul(Decimal::from(days))?
        .checked_div(Decimal::from(36500))?;
    Some(exact.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
}

/// The penalties on one overdue invoice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoicePenalty {
    /// Index into `AgingReport::items`.
    pub item: usize,
    pub client: ClientId,
    pub currency: Currency,
    pub outstanding: Decimal,
    /// Days from the day after the due date to the as-of date, both counted.
    pub days_late: i64,
    /// In the invoice's currency, rounded to the cent.
    pub interest: Decimal,
    /// Always in euros, whatever the invoice's currency.
    pub indemnity_eur: Decimal,
}

/// Sums of penalties: interest in one currency, the indemnity always in euros.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PenaltyTotals {
    pub late_invoices: u32,
    pub interest: Decimal,
    pub indemnity_eur: Decimal,
}

impl PenaltyTotals {
    fn add(&mut self, penalty: &InvoicePenalty) -> Option<()> {
        self.late_invoices += 1;
        self.interest = self.interest.checked_add(penalty.interest)?;
        self.indemnity_eur = self.indemnity_eur.checked_add(penalty.indemnity_eur)?;
        Some(())
    }
}

/// The penalties of a whole report, per invoice, per client and per currency.
///
/// The indemnity is due in euros by D441-5 whatever the invoice's currency, so it is kept in
/// its own `indemnity_eur` figure, never added to interest in another currency: for a USD
/// client the UI shows "interest 12.34 USD + indemnity €40".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PenaltyReport {
    pub annual_rate: Decimal,
    pub invoices: Vec<InvoicePenalty>,
    pub by_client: BTreeMap<(ClientId, Currency), PenaltyTotals>,
    pub by_currency: BTreeMap<Currency, PenaltyTotals>,
    /// Items whose interest overflowed a decimal (index into `AgingReport::items`).
    pub overflowed: Vec<usize>,
}

/// Days late for penalties: as-of − due date, whatever the report's aging basis. Interest
/// runs from the day after the due date, so an invoice due 31/01 is 1 day late on 01/02.
pub fn days_late(report: &AgingReport, item: &AgedItem) -> i64 {
    match report.as_of {
        Some(as_of) => (as_of - item.due_date).num_days(),
        None => item.days_past_due,
    }
}

/// The penalties on item `item_index` of `report`: `None` when none are due (not an invoice,
/// as credit notes and unapplied payments bear none; disputed, as a contested invoice is not
/// claimed; nothing outstanding; not yet late; penalties off), `Some(Err(item_index))` when
/// the interest overflows a decimal.
pub fn invoice_penalty(
    ledger: &Ledger,
    report: &AgingReport,
    item_index: usize,
    settings: &PenaltySettings,
) -> Option<Result<InvoicePenalty, usize>> {
    let item = report.items.get(item_index)?;
    let invoice = ledger.invoices.get(item.index)?;
    let days = days_late(report, item);
    if !settings.enabled
        || invoice.kind != ItemKind::Invoice
        || invoice.disputed
        || item.outstanding <= Decimal::ZERO
        || days <= 0
    {
        return None;
    }
    let Some(interest) = settings.annual_rate().and_then(|r| interest(item.outstanding, r, days))
    else {
        return Some(Err(item_index));
    };
    Some(Ok(InvoicePenalty {
        item: item_index,
        client: item.client,
        currency: item.currency,
        outstanding: item.outstanding,
        days_late: days,
        interest,
        indemnity_eur: settings.indemnity_eur,
    }))
}

/// Computes interest and indemnity on every late invoice of `report`.
///
/// Example at 12.15 %: an invoice of 1,000.00 € 36 days late bears 11.98 € of interest and
/// 40 € of indemnity; a credit note bears nothing; with `enabled` off, the report is empty.
pub fn penalties(
    ledger: &Ledger,
    report: &AgingReport,
    settings: &PenaltySettings,
) -> PenaltyReport {
    let mut out = PenaltyReport {
        annual_rate: settings.annual_rate().unwrap_or_default(),
        ..Default::default()
    };
    if !settings.enabled {
        return out;
    }

    // Fold the exempt names once, then look each client up once.
    let exempt: BTreeSet<String> = settings.exempt_clients.iter().map(|n| fold_name(n)).collect();
    let mut exempt_ids: BTreeMap<ClientId, bool> = BTreeMap::new();

    // Price each item and add it to its client and currency.
    for index in 0..report.items.len() {
        let client = report.items[index].client;
        let is_exempt = *exempt_ids.entry(client).or_insert_with(|| {
            !exempt.is_empty() && exempt.contains(&fold_name(ledger.client_name(client)))
        });
        if is_exempt {
            continue;
        }
        match invoice_penalty(ledger, report, index, settings) {
            None => {}
            Some(Err(i)) => out.overflowed.push(i),
            Some(Ok(penalty)) => {
                let by_client =
                    out.by_client.entry((penalty.client, penalty.currency)).or_default();
                let by_currency = out.by_currency.entry(penalty.currency).or_default();
                if by_client.add(&penalty).and_then(|_| by_currency.add(&penalty)).is_none() {
                    out.overflowed.push(index);
                }
                out.invoices.push(penalty);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::Invoice;

    fn dec(text: &str) -> Decimal {
        // Test literals are well-formed by construction.
        Decimal::from_str_exact(text).expect("test literal")
    }

    fn date(text: &str) -> NaiveDate {
        // Test literals are well-formed by construction.
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    #[test]
    fn interest_by_hand() {
        fn check(outstanding: &str, rate: &str, days: i64, expected: &str) {
            assert_eq!(
                interest(dec(outstanding), dec(rate), days),
                Some(dec(expected)),
                "{outstanding} at {rate} % for {days} days"
            );
        }
        // 1000 × 12.15 × 36 / 36500 = 11.98356... → 11.98.
        check("1000.00", "12.15", 36, "11.98");
        // 1234.56 × 12.15 × 91 / 36500 = 37.3968... → 37.40.
        check("1234.56", "12.15", 91, "37.40");
        // 365 days at 12.15 % is exactly 12.15 % of the amount: 121.50.
        check("1000", "12.15", 365, "121.50");
        // 100 × 10 × 73 / 36500 = 2.00 exactly.
        check("100", "10", 73, "2.00");
        // A half cent rounds away from zero, where banker's rounding would give 0.12:
        // 1.25 × 10 × 365 / 36500 = 0.125 → 0.13.
        check("1.25", "10", 365, "0.13");
        // Not late: nothing.
        check("1000", "12.15", 0, "0");
        check("1000", "12.15", -5, "0");
    }

    #[test]
    fn overflow_is_none() {
        assert_eq!(interest(Decimal::MAX, dec("12.15"), 10), None);
    }

    #[test]
    fn defaults() {
        let settings = PenaltySettings::default();
        assert_eq!(settings.annual_rate(), Some(dec("12.15")));
        assert_eq!(settings.ecb_rate_since, date("2025-06-11"));
        assert_eq!(settings.indemnity_eur, dec("40"));
    }

    fn item(
        index: usize,
        client: u32,
        currency: Currency,
        outstanding: &str,
        due: &str,
    ) -> AgedItem {
        AgedItem {
            index,
            client: ClientId(client),
            currency,
            paid: Decimal::ZERO,
            outstanding: dec(outstanding),
            due_date: date(due),
            days_past_due: 0,
            bucket: 0,
        }
    }

    fn invoice(client: u32, kind: ItemKind, amount: &str) -> Invoice {
        Invoice {
            line: 2,
            number: "F".into(),
            client: ClientId(client),
            kind,
            amount: dec(amount),
            ..Invoice::default()
        }
    }

    #[test]
    fn disputed_invoices_bear_no_penalty() {
        // The same invoice, 36 days late: 11.98 of interest, none once it is disputed.
        let mut ledger = Ledger {
            invoices: vec![invoice(0, ItemKind::Invoice, "1000.00")],
            clients: vec!["Acme".into()],
        };
        let report = AgingReport {
            as_of: Some(date("2025-03-08")),
            items: vec![item(0, 0, Currency::EUR, "1000.00", "2025-01-31")],
            ..AgingReport::default()
        };
        let settings = PenaltySettings::default();
        assert_eq!(penalties(&ledger, &report, &settings).invoices[0].interest, dec("11.98"));
        ledger.invoices[0].disputed = true;
        assert_eq!(penalties(&ledger, &report, &settings).invoices, vec![]);
    }

    #[test]
    fn report_per_invoice_client_and_currency() {
        // As of 2025-03-08: due 2025-01-31 is 36 days late, due 2025-03-08 is not late.
        let ledger = Ledger {
            invoices: vec![
                invoice(0, ItemKind::Invoice, "1000.00"),
                invoice(0, ItemKind::CreditNote, "-200.00"),
                invoice(0, ItemKind::Invoice, "500.00"),
                invoice(1, ItemKind::Invoice, "1000.00"),
                invoice(2, ItemKind::Invoice, "1000.00"),
            ],
            clients: vec!["Acme".into(), "Bolt Inc".into(), "Mme Hélène Durand".into()],
        };
        let report = AgingReport {
            as_of: Some(date("2025-03-08")),
            items: vec![
                item(0, 0, Currency::EUR, "1000.00", "2025-01-31"),
                item(1, 0, Currency::EUR, "-200.00", "2025-01-01"),
                item(2, 0, Currency::EUR, "500.00", "2025-03-08"),
                item(3, 1, Currency::USD, "1000.00", "2025-01-31"),
                item(4, 2, Currency::EUR, "1000.00", "2025-01-31"),
            ],
            ..AgingReport::default()
        };
        let mut settings = PenaltySettings::default();
        settings.exempt_clients.insert("mme helene durand".into());
        let out = penalties(&ledger, &report, &settings);
        let found: Vec<(usize, i64, Decimal)> =
            out.invoices.iter().map(|p| (p.item, p.days_late, p.interest)).collect();
        assert_eq!(found, vec![(0, 36, dec("11.98")), (3, 36, dec("11.98"))]);
        let eur =
            PenaltyTotals { late_invoices: 1, interest: dec("11.98"), indemnity_eur: dec("40") };
        assert_eq!(out.by_client.get(&(ClientId(0), Currency::EUR)), Some(&eur));
        // The USD invoice's interest is in USD; its indemnity stays in euros, apart.
        assert_eq!(out.by_currency.get(&Currency::USD), Some(&eur));
        assert_eq!(out.by_currency.len(), 2);

        // Turned off: nothing.
        settings.enabled = false;
        assert!(penalties(&ledger, &report, &settings).invoices.is_empty());
    }
}
