//! The shared real-world cases (`../shared/cases` from the workspace root) read without row
//! errors, with the settings and the column mapping each `.expected.json` gives, and with the
//! items it lists. Skipped when the folder is missing, unless `CI=true`.

use encours_engine::import::{import, Field, ImportOptions, ImportOutcome, SourceKind};
use rust_decimal::Decimal;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn cases_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/cases");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(std::env::var("CI").as_deref() != Ok("true"), "shared cases missing at {dir:?}");
    None
}

/// The column the outcome maps to `field`, by header.
fn column_of(outcome: &ImportOutcome, field: Field) -> Option<&str> {
    outcome.parse.columns.iter().find(|c| c.field == Some(field)).map(|c| c.header.as_str())
}

fn check_case(csv: &Path) -> Vec<String> {
    let mut failures = Vec::new();
    let name = csv.file_name().unwrap().to_string_lossy().to_string();
    let bytes = std::fs::read(csv).unwrap();
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(csv.with_extension("expected.json")).unwrap(),
    )
    .unwrap();
    let outcome = import(&bytes, Some(&name), &ImportOptions::default());
    let parse = &expected["parse"];
    let mut fail = |what: String| failures.push(format!("{name}: {what}"));

    // No problem, no row error, and the summary adds up.
    if let Some(problem) = &outcome.file_problem {
        fail(format!("file problem {problem:?}"));
    }
    for error in &outcome.errors {
        fail(format!("row error {}", error.message(encours_engine::lang::Lang::En)));
    }
    let s = outcome.summary;
    if s.rows_read != s.rows_used + s.rows_rejected {
        fail(format!("summary does not add up: {s:?}"));
    }

    // The settings.
    let encoding = match parse["encoding"].as_str().unwrap_or("") {
        "utf-8-sig" => ("UTF-8", true),
        "cp1252" => ("windows-1252", false),
        _ => ("UTF-8", false),
    };
    if (outcome.parse.encoding.as_str(), outcome.parse.bom) != encoding {
        fail(format!("encoding {:?} bom {}", outcome.parse.encoding, outcome.parse.bom));
    }
    let delimiter = parse["delimiter"].as_str().and_then(|d| d.chars().next());
    if outcome.parse.delimiter != delimiter {
        fail(format!("delimiter {:?}, expected {delimiter:?}", outcome.parse.delimiter));
    }
    let decimal = parse["decimal"].as_str().and_then(|d| d.chars().next());
    if outcome.parse.decimal_mark != decimal {
        fail(format!("decimal mark {:?}, expected {decimal:?}", outcome.parse.decimal_mark));
    }
    if let Some(line) = parse["header_line"].as_u64() {
        if u64::from(outcome.parse.header_line) != line {
            fail(format!("header line {}, expected {line}", outcome.parse.header_line));
        }
    }
    if let Some(rows) = parse["data_rows"].as_u64() {
        if s.rows_read as u64 != rows {
            fail(format!("rows read {}, expected {rows}", s.rows_read));
        }
    }
    let date_column = column_of(&outcome, Field::IssueDate);
    let date_format = outcome
        .parse
        .columns
        .iter()
        .find(|c| Some(c.header.as_str()) == date_column)
        .and_then(|c| c.date_format.as_ref())
        .map(|f| f.pattern.as_str());
    if date_format != parse["date_format"].as_str() {
        fail(format!("date format {date_format:?}, expected {}", parse["date_format"]));
    }

    // The mapping (a FEC derives its amount from Debit and Credit).
    let fec = outcome.parse.source == SourceKind::Fec;
    let fields = [
        ("invoice", Field::Invoice),
        ("client", Field::Client),
        ("amount", Field::Amount),
        ("paid", Field::Paid),
        ("issue", Field::IssueDate),
        ("due", Field::DueDate),
        ("terms", Field::Terms),
        ("currency", Field::Currency),
        ("payment_date", Field::PaymentDate),
    ];
    for (key, field) in fields {
        let want = &parse["cols"][key];
        if want.is_null() && parse["cols"].get(key).is_none() {
            continue;
        }
        if fec && key == "amount" {
            continue;
        }
        let got = column_of(&outcome, field);
        if got != want.as_str() {
            fail(format!("column of {key}: {got:?}, expected {want}"));
        }
    }

    // The items listed, open and excluded, are in the ledger.
    let listed = expected["invoices"].as_array().cloned().unwrap_or_default();
    for want in &listed {
        let number = want["invoice"].as_str().unwrap_or("");
        let Some(item) = outcome.ledger.invoices.iter().find(|i| i.number == number) else {
            fail(format!("invoice {number} missing"));
            continue;
        };
        let amount: Decimal = want["amount"].as_str().unwrap_or("0").parse().unwrap();
        if item.amount != amount {
            fail(format!("invoice {number}: amount {}, expected {amount}", item.amount));
        }
        if outcome.ledger.client_name(item.client) != want["client"].as_str().unwrap_or("") {
            fail(format!("invoice {number}: client {}", outcome.ledger.client_name(item.client)));
        }
        let issue = item.issue_date.map(|d| d.to_string());
        if issue.as_deref() != want["issue_date"].as_str() {
            fail(format!("invoice {number}: issue date {issue:?}"));
        }
        // A due date before the issue date is kept as written: aging corrects and warns.
        let due = item.due_date.filter(|&d| item.issue_date.is_none_or(|i| d >= i));
        if let Some(due) = due.filter(|_| column_of(&outcome, Field::DueDate).is_some()) {
            if Some(due.to_string().as_str()) != want["due_date"].as_str() {
                fail(format!("invoice {number}: due date {due}"));
            }
        }
    }
    let excluded = expected["excluded"].as_array().cloned().unwrap_or_default();
    for want in &excluded {
        let number = want["invoice"].as_str().unwrap_or("");
        if !outcome.ledger.invoices.iter().any(|i| i.number == number) {
            fail(format!("excluded item {number} missing from the ledger"));
        }
    }
    let warnings: Vec<&str> =
        expected["warnings"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    for warning in &outcome.warnings {
        if !warnings.contains(&warning.text_en.as_str()) {
            fail(format!("unexpected warning {:?}", warning.text_en));
        }
    }
    let expected_items = listed.len() + excluded.len();
    if outcome.ledger.invoices.len() != expected_items {
        fail(format!("{} items, expected {expected_items}", outcome.ledger.invoices.len()));
    }
    failures
}

#[test]
fn shared_cases_read_as_expected() {
    let Some(dir) = cases_dir() else { return };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let failures: Vec<String> = files.iter().flat_map(|f| check_case(f)).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
