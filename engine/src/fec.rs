//! The French "Fichier des Écritures Comptables" (FEC): open receivables derived from the
//! customer account lines (411, and 416 for doubtful customers).
//!
//! A debit line is an invoice (number `PieceRef`, issue date `PieceDate`, no due date so the
//! default terms apply). Lines with a lettering code (`EcritureLet`) are matched: when a
//! client's lines with one code add up to zero, the lettered invoices are paid in full on
//! `DateLet` and the lettered payments are consumed. An unlettered credit line is an unapplied
//! payment (a credit note in a sales journal), aged by its own `PieceDate`. A lettering group
//! that does not add up to zero is read as if unlettered, so the client's balance stays right.

use crate::columns::normalize;
use crate::dates::{self, DateFormat};
use crate::import::{
    fold_spaces, Clients, ColumnReport, Field, FileProblem, ImportOptions, ImportOutcome, RowError,
    RowProblem,
};
use crate::ledger::{Invoice, ItemKind};
use crate::money::{self, AmountError, NumberFormat};
use crate::table::Row;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The columns that tell a FEC from other files.
const SIGNATURE: [&str; 5] = ["journalcode", "comptenum", "ecriturelet", "debit", "credit"];

/// True when the header is a FEC's.
pub fn is_fec<'a>(header: impl Iterator<Item = &'a str>) -> bool {
    let names: Vec<String> = header.map(normalize).collect();
    SIGNATURE.iter().all(|s| names.iter().any(|n| n == s))
}

/// The FEC columns the reader uses.
struct FecColumns {
    journal: usize,
    account: usize,
    account_label: Option<usize>,
    aux_number: Option<usize>,
    aux_label: Option<usize>,
    piece_ref: Option<usize>,
    piece_date: Option<usize>,
    entry_number: Option<usize>,
    entry_date: Option<usize>,
    letter: usize,
    letter_date: Option<usize>,
    debit: usize,
    credit: usize,
}

/// One customer line once read.
struct Entry {
    line: u32,
    number: String,
    client_raw: String,
    /// Debit minus credit.
    amount: Decimal,
    date: Option<chrono::NaiveDate>,
    letter: String,
    letter_date: Option<chrono::NaiveDate>,
    sales_journal: bool,
}

/// Reads the FEC rows after its header into the outcome.
pub(crate) fn read(
    header: &[String],
    data: &[Row<'_>],
    options: &ImportOptions,
    out: &mut ImportOutcome,
) {
    // Find the columns and report them.
    let names: Vec<String> = header.iter().map(|h| normalize(h)).collect();
    let find = |name: &str| names.iter().position(|n| n == name);
    let (Some(journal), Some(account), Some(letter), Some(debit), Some(credit)) = (
        find("journalcode"),
        find("comptenum"),
        find("ecriturelet"),
        find("debit"),
        find("credit"),
    ) else {
        out.file_problem = Some(FileProblem::NoHeader);
        return;
    };
    let cols = FecColumns {
        journal,
        account,
        account_label: find("comptelib"),
        aux_number: find("compauxnum"),
        aux_label: find("compauxlib"),
        piece_ref: find("pieceref"),
        piece_date: find("piecedate"),
        entry_number: find("ecriturenum"),
        entry_date: find("ecrituredate"),
        letter,
        letter_date: find("datelet"),
        debit,
        credit,
    };
    let values = |i: usize| data.iter().map(move |r| r.cell(i));
    let number_format = options
        .decimal_mark
        .map(|mark| NumberFormat { decimal_mark: mark, grouping: None, ambiguous: false })
        .unwrap_or_else(|| money::infer_format(values(debit).chain(values(credit)), ','));
    let date_format = DateFormat { pattern: "%Y%m%d".into(), ..DateFormat::day_first() };
    out.parse.columns = header
        .iter()
        .enumerate()
        .map(|(index, name)| ColumnReport {
            index,
            header: name.clone(),
            field: match names[index].as_str() {
                "pieceref" => Some(Field::Invoice),
                "compauxlib" => Some(Field::Client),
                "piecedate" => Some(Field::IssueDate),
                _ => None,
            },
            samples: values(index)
                .filter(|v| !v.trim().is_empty())
                .take(3)
                .map(str::to_owned)
                .collect(),
            number_format: (index == debit || index == credit).then_some(number_format),
            date_format: (names[index].ends_with("date")
                || index == cols.letter_date.unwrap_or(usize::MAX))
            .then(|| date_format.clone()),
        })
        .collect();
    out.parse.decimal_mark = Some(number_format.decimal_mark);
    out.parse.grouping = number_format.grouping;
    if data.is_empty() {
        out.file_problem = Some(FileProblem::NoRows);
        return;
    }

    // Read the customer lines; count the others apart.
    let mut entries: Vec<Entry> = Vec::new();
    for row in data {
        let account_number = row.cell(cols.account).trim();
        if !(account_number.starts_with("411") || account_number.starts_with("416")) {
            out.summary.other_lines += 1;
            continue;
        }
        out.summary.rows_read += 1;
        match read_entry(row, &cols, header, number_format, &date_format) {
            Ok(entry) => entries.push(entry),
            Err(errors) => {
                out.summary.rows_rejected += 1;
                out.errors.extend(errors);
            }
        }
    }

    // Lettering groups that add up to zero close their lines.
    let mut sums: HashMap<(&str, &str), Decimal> = HashMap::new();
    for e in entries.iter().filter(|e| !e.letter.is_empty()) {
        let sum = sums.entry((fold_key(&e.client_raw), e.letter.as_str())).or_default();
        *sum = sum.checked_add(e.amount).unwrap_or(Decimal::MAX);
    }
    let closed = |e: &Entry| {
        !e.letter.is_empty()
            && sums.get(&(fold_key(&e.client_raw), e.letter.as_str())).is_some_and(Decimal::is_zero)
    };

    // Items: invoices (paid when closed), unapplied credits; closed credits are consumed.
    let mut clients = Clients::default();
    let mut items = Vec::new();
    for e in &entries {
        out.summary.rows_used += 1;
        let is_closed = closed(e);
        if e.amount.is_sign_negative() && is_closed {
            continue;
        }
        let kind = match (e.amount.is_sign_negative() && !e.amount.is_zero(), e.sales_journal) {
            (false, _) => ItemKind::Invoice,
            (true, true) => ItemKind::CreditNote,
            (true, false) => ItemKind::UnappliedPayment,
        };
        let client = clients.intern(&e.client_raw, e.line, &mut out.ledger);
        items.push(Invoice {
            line: e.line,
            number: e.number.clone(),
            client,
            currency: None,
            kind,
            amount: e.amount,
            paid: if is_closed { Some(e.amount) } else { None },
            issue_date: e.date,
            due_date: if kind == ItemKind::Invoice { None } else { e.date },
            terms: None,
            terms_text: None,
            payment_date: if is_closed { e.letter_date } else { None },
            disputed: false,
            owner: None,
            email: None,
        });
    }
    out.ledger.invoices = items;
}

/// The client key of a lettering group: the folded name.
fn fold_key(raw: &str) -> &str {
    raw.trim()
}

/// Reads one customer line.
fn read_entry(
    row: &Row<'_>,
    cols: &FecColumns,
    header: &[String],
    number_format: NumberFormat,
    date_format: &DateFormat,
) -> Result<Entry, Vec<RowError>> {
    let mut errors = Vec::new();
    let cell = |i: Option<usize>| i.map(|i| row.cell(i).trim()).filter(|v| !v.is_empty());

    // Debit and credit, exact; an empty side is zero.
    let mut side = |i: usize| match money::parse_amount(row.cell(i), number_format) {
        Ok(a) => a.value,
        Err(AmountError::Empty) => Decimal::ZERO,
        Err(e) => {
            errors.push(RowError {
                line: row.line,
                column: header.get(i).cloned(),
                raw: row.cell(i).to_owned(),
                problem: if e == AmountError::TooLarge {
                    RowProblem::AmountTooLarge
                } else {
                    RowProblem::BadAmount
                },
                expected: number_format.example(),
            });
            Decimal::ZERO
        }
    };
    let (debit, credit) = (side(cols.debit), side(cols.credit));

    // The document date, else the entry date; the lettering date.
    let mut date_of = |i: Option<usize>| -> Option<chrono::NaiveDate> {
        let i = i?;
        match dates::parse_date(row.cell(i), date_format) {
            Ok(d) => d,
            Err(()) => {
                errors.push(RowError {
                    line: row.line,
                    column: header.get(i).cloned(),
                    raw: row.cell(i).to_owned(),
                    problem: RowProblem::BadDate,
                    expected: "20250131".into(),
                });
                None
            }
        }
    };
    let date = match cols.piece_date.filter(|&i| !row.cell(i).trim().is_empty()) {
        Some(i) => date_of(Some(i)),
        None => date_of(cols.entry_date),
    };
    let letter_date = date_of(cols.letter_date);
    let amount = debit.checked_sub(credit);
    if amount.is_none() {
        errors.push(RowError {
            line: row.line,
            column: header.get(cols.debit).cloned(),
            raw: row.cell(cols.debit).to_owned(),
            problem: RowProblem::AmountTooLarge,
            expected: String::new(),
        });
    }
    let (Some(amount), true) = (amount, errors.is_empty()) else { return Err(errors) };

    // Names and numbers, each with its fallback.
    let client_raw = cell(cols.aux_label)
        .or(cell(cols.aux_number))
        .or(cell(cols.account_label))
        .unwrap_or(row.cell(cols.account));
    let number = cell(cols.piece_ref)
        .or(cell(cols.entry_number))
        .map_or_else(|| format!("line {}", row.line), str::to_owned);
    let journal = row.cell(cols.journal).trim().to_ascii_uppercase();
    Ok(Entry {
        line: row.line,
        number,
        client_raw: fold_spaces(client_raw).into_owned(),
        amount,
        date,
        letter: row.cell(cols.letter).trim().to_owned(),
        letter_date,
        sales_journal: journal.starts_with("VE") || journal.starts_with("VT"),
    })
}
