//! `encours`: the aged balance of an invoice file on the command line, as JSON or CSV.
//!
//! `encours report FILE --as-of 2024-06-30 [--buckets 30,60,90] [--basis due|issue]
//! [--currency EUR] [--format json|csv] [--end-of-month a|b] [--disputed include|exclude]
//! [--due-before-issue issue|trust] [--default-terms 30] [--lang fr|en]`

use chrono::NaiveDate;
use encours_engine::aging::{
    self, AgingSettings, Basis, Buckets, DisputedPolicy, DueBeforeIssue, EndOfMonthMethod,
};
use encours_engine::import::{self, ImportOptions};
use encours_engine::lang::Lang;
use encours_engine::ledger::Currency;
use encours_engine::report;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: encours report FILE --as-of YYYY-MM-DD [--buckets 30,60,90] \
[--basis due|issue] [--currency EUR] [--format json|csv] [--end-of-month a|b] \
[--disputed include|exclude] [--due-before-issue issue|trust] [--default-terms DAYS] \
[--lang fr|en]";

/// How the report is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Json,
    Csv,
}

/// What the command line asks for.
#[derive(Debug)]
struct Command {
    file: PathBuf,
    as_of: NaiveDate,
    settings: AgingSettings,
    format: Format,
    lang: Lang,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let command = match parse_args(&args) {
        Ok(command) => command,
        Err(message) => {
            eprintln!("encours: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("encours: {message}");
            ExitCode::from(1)
        }
    }
}

/// Reads the arguments after the program name.
fn parse_args(args: &[String]) -> Result<Command, String> {
    // The sub-command, then the file and the options in any order.
    let mut args = args.iter();
    match args.next().map(String::as_str) {
        Some("report") => {}
        Some(other) => return Err(format!("expected the command \"report\", found \"{other}\"")),
        None => return Err("expected a command".to_owned()),
    }
    let mut file = None;
    let mut as_of = None;
    let mut settings = AgingSettings::default();
    let mut format = Format::Json;
    let mut lang = Lang::En;
    while let Some(arg) = args.next() {
        if !arg.starts_with("--") {
            if file.replace(PathBuf::from(arg)).is_some() {
                return Err(format!("expected one file, found a second one: \"{arg}\""));
            }
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) => (name, Some(value.to_owned())),
            None => (arg.as_str(), None),
        };
        let value = match inline.or_else(|| args.next().cloned()) {
            Some(value) => value,
            None => return Err(format!("expected a value after {name}")),
        };
        match name {
            "--as-of" => as_of = Some(parse_date(&value)?),
            "--buckets" => {
                settings.buckets = Buckets::parse(&value).map_err(|e| e.message(Lang::En))?
            }
            "--basis" => {
                settings.basis = match value.as_str() {
                    "due" => Basis::Due,
                    "issue" => Basis::Issue,
                    _ => return Err(expected("--basis", "due or issue", &value)),
                }
            }
            "--currency" => {
                settings.default_currency = Currency::from_code(&value)
                    .ok_or_else(|| expected("--currency", "a currency code like EUR", &value))?
            }
            "--format" => {
                format = match value.as_str() {
                    "json" => Format::Json,
                    "csv" => Format::Csv,
                    _ => return Err(expected("--format", "json or csv", &value)),
                }
            }
            "--end-of-month" => {
                settings.end_of_month = match value.to_ascii_lowercase().as_str() {
                    "a" => EndOfMonthMethod::AddDaysThenEndOfMonth,
                    "b" => EndOfMonthMethod::EndOfMonthThenAddDays,
                    _ => return Err(expected("--end-of-month", "a or b", &value)),
                }
            }
            "--disputed" => {
                settings.disputed = match value.as_str() {
                    "include" => DisputedPolicy::Include,
                    "exclude" => DisputedPolicy::Exclude,
                    _ => return Err(expected("--disputed", "include or exclude", &value)),
                }
            }
            "--due-before-issue" => {
                settings.due_before_issue = match value.as_str() {
                    "issue" => DueBeforeIssue::UseIssueDate,
                    "trust" => DueBeforeIssue::TrustDueDate,
                    _ => return Err(expected("--due-before-issue", "issue or trust", &value)),
                }
            }
            "--default-terms" => {
                settings.default_terms_days = value
                    .parse()
                    .map_err(|_| expected("--default-terms", "a number of days", &value))?
            }
            "--lang" => {
                lang = match value.as_str() {
                    "fr" => Lang::Fr,
                    "en" => Lang::En,
                    _ => return Err(expected("--lang", "fr or en", &value)),
                }
            }
            _ => return Err(format!("unknown option \"{name}\"")),
        }
    }
    let file = file.ok_or("expected a file to read")?;
    let as_of = as_of.ok_or("expected --as-of YYYY-MM-DD")?;
    Ok(Command { file, as_of, settings, format, lang })
}

fn parse_date(value: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| expected("--as-of", "a date like 2024-06-30", value))
}

fn expected(option: &str, what: &str, found: &str) -> String {
    format!("{option}: expected {what}, found \"{found}\"")
}

/// Reads the file, ages it and writes the report on standard output.
fn run(command: &Command) -> Result<(), String> {
    // Read the bytes and let the engine find the layout.
    let bytes = std::fs::read(&command.file)
        .map_err(|e| format!("cannot read \"{}\": {e}", command.file.display()))?;
    let name = command.file.file_name().and_then(|n| n.to_str());
    let outcome = import::import(&bytes, name, &ImportOptions::default());
    if let Some(problem) = &outcome.file_problem {
        return Err(format!("\"{}\": {}", command.file.display(), problem.message(Lang::En)));
    }

    // Age at the as-of date and write the chosen format.
    let aging = aging::age(&outcome.ledger, &command.settings, command.as_of);
    let text = match command.format {
        Format::Json => {
            let document = report::build(&outcome.ledger, &aging, Some(&outcome));
            let mut text = serde_json::to_string_pretty(&document)
                .map_err(|e| format!("cannot write the report: {e}"))?;
            text.push('\n');
            text
        }
        Format::Csv => report::open_items_csv(&outcome.ledger, &aging, command.lang),
    };
    std::io::stdout()
        .lock()
        .write_all(text.as_bytes())
        .map_err(|e| format!("cannot write the report: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn reads_options() {
        let command = parse_args(&args(
            "report f.csv --as-of 2024-06-30 --buckets 15,30 --basis issue --currency usd \
             --format csv --end-of-month b --lang fr",
        ))
        .unwrap();
        assert_eq!(command.file, PathBuf::from("f.csv"));
        assert_eq!(command.as_of, NaiveDate::from_ymd_opt(2024, 6, 30).unwrap());
        assert_eq!(command.settings.buckets.edges, [15, 30]);
        assert_eq!(command.settings.basis, Basis::Issue);
        assert_eq!(command.settings.default_currency, Currency::USD);
        assert_eq!(command.settings.end_of_month, EndOfMonthMethod::EndOfMonthThenAddDays);
        assert_eq!(command.format, Format::Csv);
        assert_eq!(command.lang, Lang::Fr);
        let inline = parse_args(&args("report --as-of=2024-06-30 f.csv")).unwrap();
        assert_eq!(inline.settings, AgingSettings::default());
    }

    #[test]
    fn rejects_bad_options() {
        #[track_caller]
        fn check(text: &str, expected: &str) {
            assert_eq!(parse_args(&args(text)).unwrap_err(), expected);
        }
        check("report f.csv", "expected --as-of YYYY-MM-DD");
        check("report --as-of 2024-06-30", "expected a file to read");
        check(
            "report f.csv --as-of 2024-13-01",
            "--as-of: expected a date like 2024-06-30, found \"2024-13-01\"",
        );
        check(
            "report f.csv --as-of 2024-06-30 --buckets 60,30",
            "expected bucket edges in increasing order, found 60 before 30",
        );
        check(
            "report f.csv --as-of 2024-06-30 --basis paid",
            "--basis: expected due or issue, found \"paid\"",
        );
        check("report f.csv --as-of", "expected a value after --as-of");
        check("age f.csv", "expected the command \"report\", found \"age\"");
        check("report f.csv --as-of 2024-06-30 --colour red", "unknown option \"--colour\"");
    }
}
