//! Whole files through import, aging and the report, with answers worked out by hand. The
//! fixtures are under `tests/data/aging/`, one per kind of input.

use chrono::NaiveDate;
use encours_engine::aging::{age, AgingSettings, Basis, Buckets, DisputedPolicy, EndOfMonthMethod};
use encours_engine::import::{import, ImportOptions};
use encours_engine::kpi::kpis;
use encours_engine::ledger::Currency;
use encours_engine::report::{build, money_text, Report};

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn report(file: &str, settings: &AgingSettings, as_of: &str) -> Report {
    let path = format!("{}/tests/data/aging/{file}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap();
    let outcome = import(&bytes, Some(file), &ImportOptions::default());
    assert_eq!(outcome.file_problem, None);
    let aging = age(&outcome.ledger, settings, date(as_of));
    build(&outcome.ledger, &aging, Some(&outcome))
}

/// (invoice, outstanding, due date, days, bucket) of each open item.
fn rows(report: &Report) -> Vec<(String, String, String, i64, String)> {
    report
        .invoices
        .iter()
        .map(|i| {
            (
                i.invoice.clone(),
                money_text(i.outstanding.0),
                i.due_date.to_string(),
                i.days_overdue,
                i.bucket.clone(),
            )
        })
        .collect()
}

#[track_caller]
fn check(report: &Report, expected: &[(&str, &str, &str, i64, &str)]) {
    let expected: Vec<_> = expected
        .iter()
        .map(|(a, b, c, d, e)| (a.to_string(), b.to_string(), c.to_string(), *d, e.to_string()))
        .collect();
    assert_eq!(rows(report), expected);
}

fn totals(report: &Report, currency: Currency) -> Vec<(String, String)> {
    let row = &report.totals_by_bucket[&currency].0;
    row.iter().map(|(k, v)| (k.clone(), money_text(v.0))).collect()
}

#[test]
fn french_terms_column() {
    // As of 2024-04-30, terms worked by hand (method A):
    // FA-1 31/01 + 45 = 16/03 → end of March; 30 days.
    // FA-2 à réception: due 15/03, 46 days; 300,50 − 100,25 = 200,25.
    // FA-3 15/01 + 30 = 14/02 → 29/02 (leap year) → le 10: 10/03; 51 days.
    // FA-4 29/02 + 75 days = 14/05: not yet due, over the legal cap (flagged, not changed).
    // AV-1 a credit note, aged from its own date 10/04: 20 days.
    // FA-5 issued 02/05, after the as-of date: excluded.
    let report = report("fr-terms-fin-de-mois.csv", &AgingSettings::default(), "2024-04-30");
    check(
        &report,
        &[
            ("FA-1", "1200.00", "2024-03-31", 30, "1-30"),
            ("FA-2", "200.25", "2024-03-15", 46, "31-60"),
            ("FA-3", "2000.00", "2024-03-10", 51, "31-60"),
            ("FA-4", "800.00", "2024-05-14", -14, "not_due"),
            ("AV-1", "-150.00", "2024-04-10", 20, "1-30"),
        ],
    );
    assert_eq!(report.excluded.len(), 1);
    assert_eq!(report.excluded[0].invoice, "FA-5");
    let expected = [
        ("not_due", "800.00"),
        ("1-30", "1050.00"),
        ("31-60", "2200.25"),
        ("61-90", "0.00"),
        ("90+", "0.00"),
        ("total", "4050.25"),
    ];
    let expected: Vec<_> = expected.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    assert_eq!(totals(&report, Currency::EUR), expected);
    assert_eq!(
        report.warnings,
        ["terms \"75 jours\" go beyond the legal cap of 60 days from the invoice date or 45 \
          days end of month (Code de commerce L441-10): 1 item(s), first FA-4"]
    );
    let priority: Vec<_> = report
        .priority
        .iter()
        .map(|p| (p.client.as_str(), money_text(p.overdue.0), p.max_days_overdue))
        .collect();
    assert_eq!(
        priority,
        [("Garage du Pont", "1850.00".to_owned(), 51), ("Menuiserie Aubert", "1400.25".into(), 46)]
    );
}

#[test]
fn french_terms_method_b_and_other_buckets() {
    // Method B: FA-1 end of January + 45 = 16/03, 45 days; FA-3 31/01 + 30 = 01/03, then the
    // next 10th: 10/03. Buckets 15/30/45/60/90.
    let settings = AgingSettings {
        end_of_month: EndOfMonthMethod::EndOfMonthThenAddDays,
        buckets: Buckets::parse("15,30,45,60,90").unwrap(),
        ..AgingSettings::default()
    };
    let report = report("fr-terms-fin-de-mois.csv", &settings, "2024-04-30");
    check(
        &report,
        &[
            ("FA-1", "1200.00", "2024-03-16", 45, "31-45"),
            ("FA-2", "200.25", "2024-03-15", 46, "46-60"),
            ("FA-3", "2000.00", "2024-03-10", 51, "46-60"),
            ("FA-4", "800.00", "2024-05-14", -14, "not_due"),
            ("AV-1", "-150.00", "2024-04-10", 20, "16-30"),
        ],
    );
}

#[test]
fn french_terms_by_issue_date() {
    // Days from the issue date: FA-1 31/01 → 30/04 is 90 days; FA-4 29/02 → 61 days.
    let settings = AgingSettings { basis: Basis::Issue, ..AgingSettings::default() };
    let report = report("fr-terms-fin-de-mois.csv", &settings, "2024-04-30");
    let days: Vec<_> =
        report.invoices.iter().map(|i| (i.invoice.as_str(), i.days_overdue)).collect();
    assert_eq!(days, [("FA-1", 90), ("FA-2", 46), ("FA-3", 106), ("FA-4", 61), ("AV-1", 20)]);
}

#[test]
fn payments_disputes_and_currencies() {
    // As of 2024-06-30:
    // A-1 paid on 05/07, after the as-of date: open, 30 days.
    // A-2 paid on 15/06: excluded.
    // A-3 overpaid by 50.00: −50.00 aged from its due date 31/03, 91 days.
    // A-4 disputed, not yet due.
    // A-5 due 01/04 before its issue date 10/04: aged from 10/04, 81 days; 1300 − 300.
    let report =
        report("en-payments-disputes-currencies.csv", &AgingSettings::default(), "2024-06-30");
    check(
        &report,
        &[
            ("A-1", "1000.00", "2024-05-31", 30, "1-30"),
            ("A-3", "-50.00", "2024-03-31", 91, "90+"),
            ("A-4", "720.00", "2024-07-20", -20, "not_due"),
            ("A-5", "1000.00", "2024-04-10", 81, "61-90"),
        ],
    );
    assert_eq!(report.excluded[0].invoice, "A-2");
    assert_eq!(report.excluded[0].reason, "paid on 2024-06-15, on or before the as-of date");
    assert!(report.invoices[2].disputed);
    let aging_warnings: Vec<&str> = report.warnings.iter().skip(1).map(String::as_str).collect();
    assert_eq!(
        aging_warnings,
        ["A-4 is disputed", "A-5 due date 2024-04-01 is before issue date 2024-04-10"]
    );
    assert_eq!(money_text(report.grand_total[&Currency::EUR].0), "1670.00");
    assert_eq!(money_text(report.grand_total[&Currency::USD].0), "1000.00");
    let priority: Vec<_> = report
        .priority
        .iter()
        .map(|p| (p.client.as_str(), p.currency, money_text(p.overdue.0)))
        .collect();
    assert_eq!(
        priority,
        [
            ("Bluegill Tools LLC", Currency::USD, "1000.00".to_owned()),
            ("Harbor Lane Foods", Currency::EUR, "950.00".to_owned()),
        ]
    );
}

#[test]
fn disputed_left_out_and_kpis() {
    let path = format!(
        "{}/tests/data/aging/en-payments-disputes-currencies.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let outcome = import(&std::fs::read(path).unwrap(), None, &ImportOptions::default());
    let settings = AgingSettings { disputed: DisputedPolicy::Exclude, ..AgingSettings::default() };
    let aging = age(&outcome.ledger, &settings, date("2024-06-30"));
    assert_eq!(aging.by_currency[&Currency::EUR].total.to_string(), "950.00");

    // EUR: 950.00 outstanding, all overdue; the one overdue debit is A-5 (1000.00, 81 days);
    // invoiced by month up to 30/06: June 720.00 (A-4, disputed but invoiced), April
    // 1300.00, March 250.00. Count-back: 30 (June, 720 < 950, 230 left) + May 31 (nothing
    // invoiced) + 230 / 1300 × 30 (April) = 61 + 5.307… = 66.31 days.
    let kpi = &kpis(&outcome.ledger, &aging, &settings)[&Currency::EUR];
    assert_eq!(kpi.overdue.to_string(), "950.00");
    assert_eq!(kpi.weighted_days_past_due.map(|d| d.to_string()), Some("81.00".to_owned()));
    assert_eq!((kpi.clients_overdue, kpi.invoices_overdue), (1, 1));
    let dso = kpi.dso.as_ref().unwrap();
    assert_eq!(dso.days.to_string(), "66.31");
    assert_eq!(
        dso.formula(encours_engine::lang::Lang::En),
        "DSO = 30 + 31 + 230.00 / 1300.00 × 30 = 66.31 days"
    );
}
