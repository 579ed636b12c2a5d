//! End-to-end: the `encours` binary on the shared real-world cases and the IBM sample, checked
//! against the answers worked out by hand in each case's `.expected.json`.
//!
//! The shared folder lives next to the repository (`../shared` from the workspace root). When
//! it is missing the tests print a note and pass, unless `CI=true`, where they fail.

use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared");
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("the shared folder {} is missing", dir.display());
    }
    println!("note: {} is missing, test skipped", dir.display());
    None
}

/// Runs `encours report FILE ARGS...` and reads its JSON; panics with stderr on failure.
fn run(file: &Path, args: &[&str]) -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_encours"))
        .arg("report")
        .arg(file)
        .args(args)
        .output()
        .expect("the encours binary runs");
    assert!(
        output.status.success(),
        "encours failed on {}: {}",
        file.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("encours writes JSON")
}

fn money(value: &Value) -> Decimal {
    let text = value.as_str().unwrap_or_else(|| panic!("expected an amount, found {value}"));
    Decimal::from_str_exact(text).unwrap_or_else(|_| panic!("not an amount: {text}"))
}

/// An open item reduced to what the cases pin: outstanding, due date, days, bucket.
fn items(report: &Value) -> BTreeMap<String, (Decimal, String, i64, String)> {
    let list = report["invoices"].as_array().expect("an invoice list");
    list.iter()
        .map(|i| {
            let key = i["invoice"].as_str().unwrap().to_owned();
            let value = (
                money(&i["outstanding"]),
                i["due_date"].as_str().unwrap().to_owned(),
                i["days_overdue"].as_i64().unwrap(),
                i["bucket"].as_str().unwrap().to_owned(),
            );
            (key, value)
        })
        .collect()
}

fn excluded(report: &Value) -> Vec<String> {
    let mut ids: Vec<String> = report["excluded"]
        .as_array()
        .expect("an excluded list")
        .iter()
        .map(|e| e["invoice"].as_str().unwrap().to_owned())
        .collect();
    ids.sort();
    ids
}

/// Per currency, per key, the amount (money compared exactly, whatever the decimals).
fn amounts(value: &Value) -> BTreeMap<String, BTreeMap<String, Decimal>> {
    let map = value.as_object().expect("amounts by currency");
    map.iter()
        .map(|(currency, row)| {
            let row = row.as_object().unwrap().iter().map(|(k, v)| (k.clone(), money(v))).collect();
            (currency.clone(), row)
        })
        .collect()
}

fn grand_total(report: &Value) -> BTreeMap<String, Decimal> {
    let map = report["grand_total"].as_object().expect("a grand total");
    map.iter().map(|(c, v)| (c.clone(), money(v))).collect()
}

fn priority(report: &Value) -> Vec<(String, String, Decimal, i64)> {
    let list = report["priority"].as_array().expect("a priority list");
    list.iter()
        .map(|p| {
            (
                p["client"].as_str().unwrap().to_owned(),
                p["currency"].as_str().unwrap().to_owned(),
                money(&p["overdue"]),
                p["max_days_overdue"].as_i64().unwrap(),
            )
        })
        .collect()
}

fn warnings(report: &Value) -> Vec<String> {
    let list = report["warnings"].as_array().expect("a warning list");
    list.iter().map(|w| w.as_str().unwrap().to_owned()).collect()
}

/// Runs one shared case and compares every figure the case pins.
fn check_case(name: &str) {
    let Some(shared) = shared() else {
        return;
    };
    let cases = shared.join("cases");
    let expected: Value = serde_json::from_slice(
        &std::fs::read(cases.join(format!("{name}.expected.json"))).expect("the case's answer"),
    )
    .expect("the case's answer is JSON");
    let as_of = expected["as_of"].as_str().unwrap();
    let currency = expected["default_currency"].as_str().unwrap_or("EUR");
    let got = run(&cases.join(format!("{name}.csv")), &["--as-of", as_of, "--currency", currency]);
    assert_eq!(items(&got), items(&expected), "{name}: open items");
    assert_eq!(excluded(&got), excluded(&expected), "{name}: excluded items");
    assert_eq!(
        amounts(&got["totals_by_bucket"]),
        amounts(&expected["totals_by_bucket"]),
        "{name}: totals by bucket"
    );
    assert_eq!(grand_total(&got), grand_total(&expected), "{name}: grand total");
    assert_eq!(priority(&got), priority(&expected), "{name}: priority");
    assert_eq!(warnings(&got), warnings(&expected), "{name}: warnings");
    let clients = expected["totals_by_client"].as_object().unwrap();
    for (client, by_currency) in clients {
        assert_eq!(
            amounts(&got["totals_by_client"][client]),
            amounts(by_currency),
            "{name}: totals of {client}"
        );
    }
}

macro_rules! cases {
    ($($test:ident => $name:literal,)*) => {
        $(
            #[test]
            fn $test() {
                check_case($name);
            }
        )*
    };
}

cases! {
    case_01_utf8_bom_header => "01-utf8-bom-header",
    case_02_semicolon_comma_decimal => "02-semicolon-comma-decimal",
    case_03_trailing_empty_rows => "03-trailing-empty-and-separator-rows",
    case_04_fr_nbsp_thousands => "04-fr-nbsp-thousands-euro",
    case_05_dot_thousands => "05-dot-thousands-exact",
    case_06_us_quoted_thousands => "06-us-quoted-thousands-mon-dd-yyyy",
    case_07_parentheses_credit => "07-parentheses-negative-credit",
    case_08_ddmmyyyy_ambiguous => "08-ddmmyyyy-ambiguous",
    case_09_ibm_layout => "09-ibm-layout-mdy-open-items",
    case_11_windows_1252 => "11-windows-1252-encoding",
    case_12_quoted_newlines => "12-quoted-newlines-crlf",
    case_14_excel_serial_dates => "14-excel-serial-dates",
    case_15_not_due_in_total => "15-not-due-future-in-total",
    case_16_bucket_boundaries => "16-bucket-boundaries",
    case_17_partial_payments => "17-partial-payments-rounding",
    case_18_leap_year_residual => "18-residual-aged-by-due-date-leap-year",
    case_19_terms_column => "19-terms-column-age-by-due-not-issue",
    case_20_backdated_as_of => "20-backdated-as-of-later-payment",
    case_21_standalone_credit_note => "21-standalone-credit-note",
    case_23_instalments => "23-installments-one-invoice",
    case_24_fin_de_mois => "24-fin-de-mois-terms",
    case_25_multi_currency => "25-multi-currency",
    case_27_dst_day_count => "27-dst-day-count",
    case_29_preamble_lines => "29-preamble-lines-before-header",
    case_31_fec_open_items => "31-fec-open-items",
    case_32_due_before_issue => "32-due-before-issue-date",
    case_34_exact_duplicates => "34-exact-duplicate-rows",
}

/// Case 24 read with the other end-of-month method: the case's `method_B` answers.
#[test]
fn case_24_method_b() {
    let Some(shared) = shared() else {
        return;
    };
    let file = shared.join("cases/24-fin-de-mois-terms.csv");
    let got = run(&file, &["--as-of", "2025-04-30", "--end-of-month", "b"]);
    let got = items(&got);
    let due = |id: &str| (got[id].1.as_str(), got[id].2, got[id].3.as_str());
    assert_eq!(due("FA-2401"), ("2025-03-02", 59, "31-60"));
    assert_eq!(due("FA-2402"), ("2025-04-14", 16, "1-30"));
    assert_eq!(due("FA-2403"), ("2025-04-30", 0, "not_due"));
    assert_eq!(due("FA-2404"), ("2025-03-16", 45, "31-60"));
}

/// Case 32 with the due date trusted as written: the case's alternative answer.
#[test]
fn case_32_trust_due_date() {
    let Some(shared) = shared() else {
        return;
    };
    let file = shared.join("cases/32-due-before-issue-date.csv");
    let got = run(&file, &["--as-of", "2020-04-30", "--due-before-issue", "trust"]);
    let got = items(&got);
    assert_eq!(got["F-3201"].1, "2019-11-28");
    assert_eq!((got["F-3201"].2, got["F-3201"].3.as_str()), (154, "90+"));
}

/// The IBM accounts-receivable sample at 2013-06-30: 84 open invoices of 52 customers.
#[test]
fn ibm_sample_mid_2013() {
    let Some(shared) = shared() else {
        return;
    };
    let file = shared.join("data/ibm-accounts-receivable.csv");
    let got = run(&file, &["--as-of", "2013-06-30", "--currency", "USD"]);
    let open = got["invoices"].as_array().unwrap();
    assert_eq!(open.len(), 84);
    let mut customers: Vec<&str> = open.iter().map(|i| i["client"].as_str().unwrap()).collect();
    customers.sort();
    customers.dedup();
    assert_eq!(customers.len(), 52);
    let totals = &amounts(&got["totals_by_bucket"])["USD"];
    let expected = [
        ("not_due", "4284.29"),
        ("1-30", "835.56"),
        ("31-60", "0"),
        ("61-90", "0"),
        ("90+", "0"),
        ("total", "5119.85"),
    ];
    for (key, amount) in expected {
        assert_eq!(totals[key], Decimal::from_str_exact(amount).unwrap(), "{key}");
    }
}

/// The CSV export of the same sample: a header and one line per open item.
#[test]
fn ibm_sample_as_csv() {
    let Some(shared) = shared() else {
        return;
    };
    let output = Command::new(env!("CARGO_BIN_EXE_encours"))
        .arg("report")
        .arg(shared.join("data/ibm-accounts-receivable.csv"))
        .args(["--as-of", "2013-06-30", "--format", "csv", "--lang", "fr"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 85);
    assert!(lines[0].starts_with("Facture;Client;Devise;"), "{}", lines[0]);
}

#[test]
fn bad_input_is_one_line_and_a_failure() {
    #[track_caller]
    fn check(args: &[&str], expected: &str) {
        let output = Command::new(env!("CARGO_BIN_EXE_encours")).args(args).output().unwrap();
        assert!(!output.status.success());
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.starts_with(expected), "{stderr}");
    }
    check(&["report", "/nonexistent/file.csv", "--as-of", "2024-06-30"], "encours: cannot read");
    check(&["report", "f.csv", "--as-of", "30/06/2024"], "encours: --as-of: expected a date");
    check(&["report", "f.csv", "--as-of", "2024-06-30", "--buckets", "0,30"], "encours: expected");
    let empty = std::env::temp_dir().join(format!("encours-empty-{}.csv", std::process::id()));
    std::fs::write(&empty, b"").unwrap();
    check(&["report", empty.to_str().unwrap(), "--as-of", "2024-06-30"], "encours: \"");
    std::fs::remove_file(&empty).unwrap();
}

/// A file with one unreadable row still reports the others and lists the error.
#[test]
fn some_bad_rows_still_report() {
    let file = std::env::temp_dir().join(format!("encours-bad-row-{}.csv", std::process::id()));
    std::fs::write(
        &file,
        "invoice_number,client,amount,issue_date,due_date,paid\n\
         F-1,Garage,100.00,2024-05-01,2024-05-31,0\n\
         F-2,Garage,abc,2024-05-01,2024-05-31,0\n",
    )
    .unwrap();
    let got = run(&file, &["--as-of", "2024-06-30"]);
    std::fs::remove_file(&file).unwrap();
    assert_eq!(got["invoices"].as_array().unwrap().len(), 1);
    let errors = got["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].as_str().unwrap().starts_with("line 3"), "{errors:?}");
}
