//! Headline figures of an aged balance, per currency: outstanding, overdue, share of each
//! bucket, amount-weighted days past due, clients and invoices overdue, and the DSO by the
//! count-back method with its formula written out.
//!
//! Money stays exact. Ratios (percentages, average days, DSO) are not money: they are rounded
//! to two decimals, half away from zero, and say so in their docs.

use crate::aging::{AgingReport, AgingSettings};
use crate::lang::Lang;
use crate::ledger::{ClientId, Currency, ItemKind, Ledger};
use crate::terms::days_in_month;
use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The headline figures of one currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kpi {
    pub currency: Currency,
    /// The sum of every bucket, credits included.
    pub outstanding: Decimal,
    /// The sum of the overdue buckets (all but "not yet due"), credits included.
    pub overdue: Decimal,
    /// Per bucket, its percentage of `outstanding`, rounded to 2 decimals; `None` when the
    /// outstanding total is 0.
    pub bucket_percentages: Option<Vec<Decimal>>,
    /// Σ(outstanding × days past due) / Σ outstanding over overdue items with a positive
    /// outstanding amount, rounded to 2 decimals; `None` when nothing is overdue.
    pub weighted_days_past_due: Option<Decimal>,
    /// Clients with at least one overdue item with a positive outstanding amount.
    pub clients_overdue: usize,
    /// Overdue items with a positive outstanding amount.
    pub invoices_overdue: usize,
    /// `None` when the file has no invoice issued on or before the as-of date.
    pub dso: Option<Dso>,
}

/// Days sales outstanding by the count-back method.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dso {
    /// Rounded to 2 decimals.
    pub days: Decimal,
    /// False when the invoices of the file ran out before the outstanding total: `days` is
    /// then a lower bound.
    pub complete: bool,
    pub outstanding: Decimal,
    /// The months walked back, the as-of month first.
    pub steps: Vec<DsoStep>,
}

/// One month of the count-back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DsoStep {
    /// The first day of the month.
    pub month: NaiveDate,
    /// The month's days counted: the whole month, or up to the as-of date for its month.
    pub days: u32,
    /// What was invoiced in that month (up to the as-of date).
    pub invoiced: Decimal,
    /// The outstanding amount still to account for when the month was reached.
    pub remaining: Decimal,
    /// `days` for a whole month, `remaining / invoiced × days` for the last one.
    pub counted: Decimal,
}

impl Dso {
    /// The computation as a line of text: `DSO = 30 + 31 + 1000.00 / 4000.00 × 30 = 68.50 days`
    /// in English, `DSO = 30 + 31 + 1000,00 / 4000,00 × 30 = 68,50 jours` in French.
    pub fn formula(&self, lang: Lang) -> String {
        let number = |d: Decimal| match lang {
            Lang::En => crate::report::money_text(d),
            Lang::Fr => crate::report::money_text(d).replace('.', ","),
        };
        let mut terms: Vec<String> = Vec::new();
        for step in &self.steps {
            if step.counted == Decimal::from(step.days) && step.remaining > step.invoiced {
                terms.push(step.days.to_string());
            } else {
                terms.push(format!(
                    "{} / {} × {}",
                    number(step.remaining),
                    number(step.invoiced),
                    step.days
                ));
            }
        }
        let sum = if terms.is_empty() { "0".to_owned() } else { terms.join(" + ") };
        let (unit, bound) = match (lang, self.complete) {
            (Lang::En, true) => ("days", ""),
            (Lang::En, false) => ("days", " at least: the file's invoices run out"),
            (Lang::Fr, true) => ("jours", ""),
            (Lang::Fr, false) => ("jours", " au moins : les factures du fichier s'arrêtent"),
        };
        format!("DSO = {sum} = {} {unit}{bound}", number(self.days))
    }
}

/// The headline figures of `aging`, per currency, with the DSO counted back over the invoices
/// of `ledger` (the default currency of `settings` for items that name none).
pub fn kpis(
    ledger: &Ledger,
    aging: &AgingReport,
    settings: &AgingSettings,
) -> BTreeMap<Currency, Kpi> {
    let mut out = BTreeMap::new();
    for (currency, totals) in &aging.by_currency {
        // Overdue sum and bucket shares from the totals.
        let overdue =
            totals.buckets.iter().skip(1).try_fold(Decimal::ZERO, |s, &d| s.checked_add(d));
        let bucket_percentages = if totals.total.is_zero() {
            None
        } else {
            totals.buckets.iter().map(|&b| percentage(b, totals.total)).collect()
        };

        // Overdue debits: counts and amount-weighted days.
        let mut clients: BTreeSet<ClientId> = BTreeSet::new();
        let mut invoices = 0;
        let mut weight = Some(Decimal::ZERO);
        let mut amount = Some(Decimal::ZERO);
        for item in aging.items.iter().filter(|i| i.currency == *currency) {
            if item.bucket == 0 || !item.outstanding.is_sign_positive() {
                continue;
            }
            clients.insert(item.client);
            invoices += 1;
            let days = Decimal::from(item.days_past_due);
            weight = weight.and_then(|w| w.checked_add(item.outstanding.checked_mul(days)?));
            amount = amount.and_then(|a| a.checked_add(item.outstanding));
        }
        let weighted_days_past_due =
            weight.zip(amount).and_then(|(w, a)| w.checked_div(a)).map(round);
        let dso = aging.as_of.and_then(|as_of| {
            count_back(ledger, settings.default_currency, *currency, totals.total, as_of)
        });
        out.insert(
            *currency,
            Kpi {
                currency: *currency,
                outstanding: totals.total,
                overdue: overdue.unwrap_or(Decimal::ZERO),
                bucket_percentages,
                weighted_days_past_due,
                clients_overdue: clients.len(),
                invoices_overdue: invoices,
                dso,
            },
        );
    }
    out
}

/// `part / whole × 100`, rounded to 2 decimals; `None` on overflow or a zero whole.
fn percentage(part: Decimal, whole: Decimal) -> Option<Decimal> {
    part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole).map(round)
}

/// Rounds a ratio to 2 decimals, half away from zero, and always shows 2: `50` gives `50.00`.
fn round(value: Decimal) -> Decimal {
    let mut value = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    value.rescale(2);
    value
}

/// DSO by count-back: from the as-of month backwards, while a month's invoiced amount is
/// smaller than the outstanding amount left, count the month's days (up to the as-of date for
/// its own month) and take its invoiced amount off; the month that covers what is left counts
/// `left / invoiced × its days`. Only invoices (not credit notes or payments) with a positive
/// amount, issued on or before the as-of date, are counted.
///
/// Example, as of 2024-06-30 with 6000.00 outstanding and 3000.00 invoiced in June, 2000.00
/// in May and 4000.00 in April: 30 (June, 3000.00 left) + 31 (May, 1000.00 left) +
/// 1000.00 / 4000.00 × 30 (April) = 68.50 days.
pub fn count_back(
    ledger: &Ledger,
    default_currency: Currency,
    currency: Currency,
    outstanding: Decimal,
    as_of: NaiveDate,
) -> Option<Dso> {
    // What was invoiced per month, in this currency, up to the as-of date.
    let mut invoiced: BTreeMap<(i32, u32), Decimal> = BTreeMap::new();
    for invoice in &ledger.invoices {
        let Some(issue) = invoice.issue_date.filter(|&d| d <= as_of) else {
            continue;
        };
        if invoice.kind != ItemKind::Invoice
            || !invoice.amount.is_sign_positive()
            || invoice.currency.unwrap_or(default_currency) != currency
        {
            continue;
        }
        let month = invoiced.entry((issue.year(), issue.month())).or_insert(Decimal::ZERO);
        *month = month.checked_add(invoice.amount)?;
    }
    let (&earliest, _) = invoiced.iter().next()?;

    // Walk back month by month until the outstanding amount is accounted for.
    let mut steps = Vec::new();
    let mut remaining = outstanding;
    let mut days_total = Decimal::ZERO;
    let mut complete = remaining <= Decimal::ZERO;
    let (mut year, mut month) = (as_of.year(), as_of.month());
    while !complete && (year, month) >= earliest {
        let days = match steps.is_empty() {
            true => as_of.day(),
            false => days_in_month(year, month),
        };
        let amount = invoiced.get(&(year, month)).copied().unwrap_or(Decimal::ZERO);
        let counted = if amount >= remaining && amount > Decimal::ZERO {
            complete = true;
            remaining.checked_div(amount)?.checked_mul(Decimal::from(days))?
        } else {
            Decimal::from(days)
        };
        steps.push(DsoStep {
            month: NaiveDate::from_ymd_opt(year, month, 1)?,
            days,
            invoiced: amount,
            remaining,
            counted,
        });
        days_total = days_total.checked_add(counted)?;
        remaining = remaining.checked_sub(amount)?;
        (year, month) = if month == 1 { (year - 1, 12) } else { (year, month - 1) };
    }
    Some(Dso { days: round(days_total), complete, outstanding, steps })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aging::age;
    use crate::ledger::Invoice;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn money(text: &str) -> Decimal {
        Decimal::from_str_exact(text).unwrap()
    }

    fn invoice(client: u32, amount: &str, paid: &str, issue: &str, due: &str) -> Invoice {
        Invoice {
            line: 2,
            number: format!("F-{issue}"),
            client: ClientId(client),
            amount: money(amount),
            paid: Some(money(paid)),
            issue_date: Some(date(issue)),
            due_date: Some(date(due)),
            ..Invoice::default()
        }
    }

    /// As of 2024-06-30: June 3000.00 not due; May 2000.00 due 06-04 (26 days); April
    /// 4000.00 with 3000.00 paid, due 05-15 (46 days); 6000.00 outstanding.
    fn sample() -> Ledger {
        Ledger {
            invoices: vec![
                invoice(0, "3000.00", "0", "2024-06-10", "2024-07-10"),
                invoice(1, "2000.00", "0", "2024-05-05", "2024-06-04"),
                invoice(2, "4000.00", "3000.00", "2024-04-15", "2024-05-15"),
            ],
            clients: vec!["A".into(), "B".into(), "C".into()],
        }
    }

    #[test]
    fn headline_figures() {
        let ledger = sample();
        let settings = AgingSettings::default();
        let aging = age(&ledger, &settings, date("2024-06-30"));
        let kpi = &kpis(&ledger, &aging, &settings)[&Currency::EUR];
        assert_eq!(kpi.outstanding, money("6000.00"));
        assert_eq!(kpi.overdue, money("3000.00"));
        let shares: Vec<String> =
            kpi.bucket_percentages.as_ref().unwrap().iter().map(|d| d.to_string()).collect();
        assert_eq!(shares, ["50.00", "33.33", "16.67", "0.00", "0.00"]);
        // (2000 × 26 + 1000 × 46) / 3000 = 98000 / 3000 = 32.666…
        assert_eq!(kpi.weighted_days_past_due, Some(money("32.67")));
        assert_eq!((kpi.clients_overdue, kpi.invoices_overdue), (2, 2));
    }

    #[test]
    fn dso_by_count_back() {
        let ledger = sample();
        let settings = AgingSettings::default();
        let aging = age(&ledger, &settings, date("2024-06-30"));
        let dso = kpis(&ledger, &aging, &settings)[&Currency::EUR].dso.clone().unwrap();
        assert_eq!(dso.days, money("68.50"));
        assert!(dso.complete);
        assert_eq!(dso.formula(Lang::En), "DSO = 30 + 31 + 1000.00 / 4000.00 × 30 = 68.50 days");
        assert_eq!(dso.formula(Lang::Fr), "DSO = 30 + 31 + 1000,00 / 4000,00 × 30 = 68,50 jours");
    }

    #[test]
    fn dso_mid_month_and_short_files() {
        #[track_caller]
        fn check(as_of: &str, outstanding: &str, expected: &str, complete: bool) {
            let dso = count_back(
                &sample(),
                Currency::EUR,
                Currency::EUR,
                money(outstanding),
                date(as_of),
            )
            .unwrap();
            assert_eq!((dso.days, dso.complete), (money(expected), complete));
        }
        // As of 2024-06-15: June counts 15 days and 3000 invoiced (the 10th); 1500 left
        // is half of June's → 7.5.
        check("2024-06-15", "1500.00", "7.50", true);
        // 3000 + 2000 covered by June (15) and May (31), 500 of April's 4000 × 30 = 3.75.
        check("2024-06-15", "5500.00", "49.75", true);
        // More outstanding than all invoices: June 30 + May 31 + April 30, a lower bound.
        check("2024-06-30", "10000.00", "91", false);
        check("2024-06-30", "0", "0", true);
        check("2024-06-30", "-50.00", "0", true);
        // Leap February: a month with no invoice counts whole.
        let ledger = Ledger {
            invoices: vec![invoice(0, "100.00", "0", "2024-01-10", "2024-02-09")],
            clients: vec!["A".into()],
        };
        let dso =
            count_back(&ledger, Currency::EUR, Currency::EUR, money("50.00"), date("2024-03-31"))
                .unwrap();
        assert_eq!(dso.days, money("75.50"), "31 + 29 + 50 / 100 × 31");
        assert_eq!(
            count_back(&ledger, Currency::EUR, Currency::USD, money("1"), date("2024-03-31")),
            None
        );
    }
}
