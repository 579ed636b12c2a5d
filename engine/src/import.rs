//! From file bytes to a ledger: decoding, layout, header, column mapping, values.
//!
//! The reader never fails: [`import`] returns what it could read, the rows it could not use
//! (each with its line, column, raw value and why) and the whole-file problem, if any.
//! Formats are decided per column from all its values (first pass), then every row is read
//! with them (second pass).
//!
//! Counting: `rows_read = rows_used + rows_rejected`, always. Rows are the records after the
//! header that describe an item. Blank lines and lines made only of delimiters are not rows;
//! a trailing total line (`Total`, `TOTAL TTC`), an exact duplicate of an earlier line and,
//! in a FEC, a line of a non-customer account are not rows either: each kind is counted in
//! its own field of [`ImportSummary`]. A row is used when it went into an item, even when
//! several rows make one item (an invoice repeated on each of its line items, a lettered
//! payment closing an invoice).
//!
//! TODO: a million French rows (70 MB) take about 3 s of CPU in release (measured on a busy
//! 2-core machine: cutting into rows 0.8 s, column inference 0.9 s, reading rows 2.4 s,
//! repeats 0.5 s), ten times the 300 ms aimed at; the next steps are reading the cells once
//! for inference and conversion, a cheaper hasher for duplicates and repeats, and fewer
//! passes over each amount (sign, grouping and digits in one scan).

use crate::columns;
use crate::dates::{self, DateFormat};
use crate::decode::{self, Sniff};
use crate::excel::{self, WorkbookError};
use crate::lang::Lang;
use crate::ledger::{ClientId, Currency, Invoice, ItemKind, Ledger};
use crate::money::{self, AmountError, NumberFormat};
use crate::table::{self, Row, Table};
use crate::terms::parse_terms;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// The most columns a file may have.
pub const MAX_COLUMNS: usize = 1000;

/// How many rows from the top are searched for the header.
const HEADER_SEARCH: usize = 30;

/// What an input column can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Invoice,
    Instalment,
    Client,
    Amount,
    Paid,
    Balance,
    IssueDate,
    DueDate,
    Terms,
    PaymentDate,
    Currency,
    Status,
    Disputed,
    Email,
    Owner,
    Kind,
}

impl Field {
    /// The field's name for the user: `due date` / `échéance`.
    pub fn label(self, lang: Lang) -> &'static str {
        use Field::*;
        match (self, lang) {
            (Invoice, Lang::En) => "invoice",
            (Invoice, Lang::Fr) => "facture",
            (Instalment, Lang::En) => "instalment",
            (Instalment, Lang::Fr) => "échéance n°",
            (Client, Lang::En) => "client",
            (Client, Lang::Fr) => "client",
            (Amount, Lang::En) => "amount",
            (Amount, Lang::Fr) => "montant",
            (Paid, Lang::En) => "paid",
            (Paid, Lang::Fr) => "réglé",
            (Balance, Lang::En) => "balance",
            (Balance, Lang::Fr) => "solde",
            (IssueDate, Lang::En) => "issue date",
            (IssueDate, Lang::Fr) => "date de facture",
            (DueDate, Lang::En) => "due date",
            (DueDate, Lang::Fr) => "échéance",
            (Terms, Lang::En) => "payment terms",
            (Terms, Lang::Fr) => "conditions de paiement",
            (PaymentDate, Lang::En) => "payment date",
            (PaymentDate, Lang::Fr) => "date de règlement",
            (Currency, Lang::En) => "currency",
            (Currency, Lang::Fr) => "devise",
            (Status, Lang::En) => "status",
            (Status, Lang::Fr) => "statut",
            (Disputed, Lang::En) => "disputed",
            (Disputed, Lang::Fr) => "litige",
            (Email, Lang::En) => "email",
            (Email, Lang::Fr) => "courriel",
            (Owner, Lang::En) => "account owner",
            (Owner, Lang::Fr) => "responsable",
            (Kind, Lang::En) => "type",
            (Kind, Lang::Fr) => "type",
        }
    }
}

/// The user's overrides of what the reader detects; `None` everywhere means "detect".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportOptions {
    /// An encoding label such as `windows-1252` or `UTF-8`.
    pub encoding: Option<String>,
    pub delimiter: Option<char>,
    /// The header line, counted from 1.
    pub header_line: Option<u32>,
    /// For an Excel workbook, the sheet to read.
    pub sheet: Option<String>,
    /// Per column index, the field chosen by the user (`None` inside: ignore the column).
    pub mapping: Option<Vec<Option<Field>>>,
    /// Day first (`31/01/2025`) or month first (`1/31/2025`) for slashed dates.
    pub day_first: Option<bool>,
    /// The decimal mark of amounts, `,` or `.`.
    pub decimal_mark: Option<char>,
}

/// What the reader found for one column.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ColumnReport {
    pub index: usize,
    pub header: String,
    pub field: Option<Field>,
    /// The first few non-empty values, as written.
    pub samples: Vec<String>,
    /// For amount columns: the decimal mark and grouping decided from all the values.
    pub number_format: Option<NumberFormat>,
    /// For date columns: the layout and day/month order decided from all the values.
    pub date_format: Option<DateFormat>,
}

/// Where the rows came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// Delimited text (CSV, TSV...).
    #[default]
    Text,
    /// A French "Fichier des Écritures Comptables": receivables derived from account 411.
    Fec,
    /// An Excel or OpenDocument workbook.
    Workbook,
}

/// The settings the reader used, detected or chosen, shown to the user.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ParseReport {
    pub encoding: String,
    pub bom: bool,
    pub delimiter: Option<char>,
    pub header_line: u32,
    pub columns: Vec<ColumnReport>,
    pub decimal_mark: Option<char>,
    pub day_first: Option<bool>,
    /// True when every date fits both day-first and month-first readings.
    pub date_order_ambiguous: bool,
    pub sheets: Vec<String>,
    pub source: SourceKind,
    /// The sheet read, for a workbook.
    pub sheet: Option<String>,
    /// The thousands separator of the amount column (`' '` for any space).
    pub grouping: Option<char>,
}

/// Why a row, or a value in it, could not be used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowProblem {
    BadAmount,
    BadDate,
    MissingValue,
    BadTerms,
    /// A yes/no column (disputed) with another value.
    BadFlag,
    BadCurrency,
    /// More digits than an exact amount holds.
    AmountTooLarge,
}

/// A value that was not used, with where and why; its row is rejected.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    pub line: u32,
    /// The header of the column, as written.
    pub column: Option<String>,
    pub raw: String,
    pub problem: RowProblem,
    /// An example of what was expected, in the column's format: `31/01/2025`, `1 234,56`.
    pub expected: String,
}

impl RowError {
    /// The message shown to the user: `line 14, column "Échéance": expected a date like
    /// 31/01/2025, found "31/13/2025"` or `ligne 14, colonne « Échéance » : date attendue comme
    /// 31/01/2025, trouvé « 31/13/2025 »`.
    pub fn message(&self, lang: Lang) -> String {
        // Where: the line, then the column when there is one.
        let place = match (&self.column, lang) {
            (Some(c), Lang::En) => format!("line {}, column \"{c}\": ", self.line),
            (Some(c), Lang::Fr) => format!("ligne {}, colonne « {c} » : ", self.line),
            (None, Lang::En) => format!("line {}: ", self.line),
            (None, Lang::Fr) => format!("ligne {} : ", self.line),
        };

        // What: expected, then found.
        let (raw, expected) = (&self.raw, &self.expected);
        let what = match (&self.problem, lang) {
            (RowProblem::BadAmount, Lang::En) => {
                format!("expected an amount like {expected}, found \"{raw}\"")
            }
            (RowProblem::BadAmount, Lang::Fr) => {
                format!("montant attendu comme {expected}, trouvé « {raw} »")
            }
            (RowProblem::AmountTooLarge, Lang::En) => {
                format!("expected an amount of at most 28 digits, found \"{raw}\"")
            }
            (RowProblem::AmountTooLarge, Lang::Fr) => {
                format!("montant d’au plus 28 chiffres attendu, trouvé « {raw} »")
            }
            (RowProblem::BadDate, Lang::En) => {
                format!("expected a date like {expected}, found \"{raw}\"")
            }
            (RowProblem::BadDate, Lang::Fr) => {
                format!("date attendue comme {expected}, trouvé « {raw} »")
            }
            (RowProblem::MissingValue, Lang::En) => "expected a value, found an empty cell".into(),
            (RowProblem::MissingValue, Lang::Fr) => {
                "valeur attendue, trouvé une cellule vide".into()
            }
            (RowProblem::BadTerms, Lang::En) => {
                format!("expected payment terms like {expected}, found \"{raw}\"")
            }
            (RowProblem::BadTerms, Lang::Fr) => {
                format!("conditions de paiement attendues comme {expected}, trouvé « {raw} »")
            }
            (RowProblem::BadFlag, Lang::En) => format!("expected yes or no, found \"{raw}\""),
            (RowProblem::BadFlag, Lang::Fr) => format!("oui ou non attendu, trouvé « {raw} »"),
            (RowProblem::BadCurrency, Lang::En) => {
                format!("expected a currency code like {expected}, found \"{raw}\"")
            }
            (RowProblem::BadCurrency, Lang::Fr) => {
                format!("code de devise attendu comme {expected}, trouvé « {raw} »")
            }
        };
        place + &what
    }
}

/// What a warning is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// A line identical to an earlier one, counted once.
    ExactDuplicate,
    /// One invoice number with several due dates, kept as instalments.
    Instalments,
    /// A line-item export repeating the invoice total on each line, counted once.
    RepeatedTotal,
    /// One invoice number with different amounts on the same due date, kept apart.
    SameNumber,
    PaidAboveAmount,
    /// Client names written differently (spaces) merged into one client.
    NamesFolded,
    /// A balance column that disagrees with amount minus paid.
    BalanceMismatch,
    /// A credit note or payment written as a positive amount, counted as negative.
    CreditSign,
}

/// Something the user must be told about an input that was still used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportWarning {
    pub kind: WarningKind,
    pub lines: Vec<u32>,
    pub invoice: Option<String>,
    pub text_en: String,
    pub text_fr: String,
}

impl ImportWarning {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.text_en.clone(),
            Lang::Fr => self.text_fr.clone(),
        }
    }
}

/// The counts of a file. Rows read = rows used + rows rejected, always; the lines that are
/// not rows (totals, duplicates, non-customer FEC lines) are counted apart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub rows_read: usize,
    pub rows_used: usize,
    pub rows_rejected: usize,
    /// Items in the ledger (fewer than rows used when rows were merged).
    pub items: usize,
    /// Exact duplicates of an earlier line, not counted as rows.
    pub duplicate_rows: usize,
    /// Trailing total lines (`Total`, `TOTAL TTC`), not counted as rows.
    pub total_lines: usize,
    /// FEC lines of accounts other than customers (411, 416), not counted as rows.
    pub other_lines: usize,
}

/// A whole-file problem: nothing could be read at all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileProblem {
    Empty,
    NoHeader,
    NoRows,
    Binary,
    TooManyColumns(usize),
    /// A column the reader cannot do without (amount, client, a date).
    MissingColumn(Field),
    /// A workbook calamine could not open, with its message.
    BadWorkbook(String),
    /// The sheet asked for is not in the workbook.
    NoSuchSheet(String),
}

impl FileProblem {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (FileProblem::Empty, Lang::En) => "the file is empty".into(),
            (FileProblem::Empty, Lang::Fr) => "le fichier est vide".into(),
            (FileProblem::NoHeader, Lang::En) => {
                "no header row found: no line names columns such as invoice, client, amount or \
                 due date"
                    .into()
            }
            (FileProblem::NoHeader, Lang::Fr) => {
                "aucune ligne d’en-tête trouvée : aucune ligne ne nomme de colonnes comme \
                 facture, client, montant ou échéance"
                    .into()
            }
            (FileProblem::NoRows, Lang::En) => "the file has a header but no rows".into(),
            (FileProblem::NoRows, Lang::Fr) => "le fichier a un en-tête mais aucune ligne".into(),
            (FileProblem::Binary, Lang::En) => {
                "this is not a text or spreadsheet file (an image or a PDF renamed .csv?)".into()
            }
            (FileProblem::Binary, Lang::Fr) => {
                "ce fichier n’est ni un texte ni un classeur (une image ou un PDF renommé en \
                 .csv ?)"
                    .into()
            }
            (FileProblem::TooManyColumns(n), Lang::En) => {
                format!("the file has {n} columns, more than the 1,000 the reader accepts")
            }
            (FileProblem::TooManyColumns(n), Lang::Fr) => {
                format!("le fichier a {n} colonnes, plus que les 1 000 acceptées")
            }
            (FileProblem::MissingColumn(field), Lang::En) => format!(
                "no {} column found: choose one in the column mapping",
                field.label(Lang::En)
            ),
            (FileProblem::MissingColumn(field), Lang::Fr) => format!(
                "aucune colonne « {} » trouvée : choisissez-la dans la correspondance des \
                 colonnes",
                field.label(Lang::Fr)
            ),
            (FileProblem::BadWorkbook(detail), Lang::En) => {
                format!("the workbook could not be read: {detail}")
            }
            (FileProblem::BadWorkbook(detail), Lang::Fr) => {
                format!("le classeur n’a pas pu être lu : {detail}")
            }
            (FileProblem::NoSuchSheet(name), Lang::En) => {
                format!("the workbook has no sheet named \"{name}\"")
            }
            (FileProblem::NoSuchSheet(name), Lang::Fr) => {
                format!("le classeur n’a pas de feuille « {name} »")
            }
        }
    }
}

/// Everything the reader produced from one file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportOutcome {
    pub ledger: Ledger,
    pub parse: ParseReport,
    pub errors: Vec<RowError>,
    pub warnings: Vec<ImportWarning>,
    pub summary: ImportSummary,
    pub file_problem: Option<FileProblem>,
}

/// Reads `bytes` (CSV or text in any supported encoding, or an Excel workbook when
/// `file_name` says so or the bytes are a workbook). Never fails: what cannot be read is in
/// the outcome's errors.
///
/// A file without an invoice column still works: its items are numbered `line 12` after the
/// line they come from.
pub fn import(bytes: &[u8], file_name: Option<&str>, options: &ImportOptions) -> ImportOutcome {
    let mut out = ImportOutcome::default();

    // Empty files, workbooks and bytes that are not text.
    if bytes.iter().all(u8::is_ascii_whitespace) {
        out.file_problem = Some(FileProblem::Empty);
        return out;
    }
    let named_workbook = file_name.is_some_and(excel::is_workbook_name);
    let rows = match decode::sniff(bytes) {
        Sniff::Workbook => read_workbook(bytes, options, &mut out),
        Sniff::Binary if named_workbook => read_workbook(bytes, options, &mut out),
        Sniff::Binary => Err(FileProblem::Binary),
        Sniff::Text => read_text(bytes, options, &mut out),
    };

    // The table itself.
    match rows {
        Ok(table) => read_table(&table.rows(), options, &mut out),
        Err(problem) => out.file_problem = Some(problem),
    }
    out.summary.items = out.ledger.invoices.len();
    out
}

/// Decodes a text file and cuts it into rows.
fn read_text(
    bytes: &[u8],
    options: &ImportOptions,
    out: &mut ImportOutcome,
) -> Result<Table, FileProblem> {
    // Decode and record the encoding.
    let decoded = decode::decode(bytes, options.encoding.as_deref());
    out.parse.encoding = decoded.encoding.to_owned();
    out.parse.bom = decoded.bom;
    if decoded.text.trim().is_empty() {
        return Err(FileProblem::Empty);
    }

    // The delimiter: the user's, else the most consistent one.
    let delimiter = match options.delimiter {
        Some(c) if c.is_ascii() => c as u8,
        _ => table::detect_delimiter(&decoded.text),
    };
    out.parse.delimiter = Some(delimiter as char);
    table::read_rows(&decoded.text, delimiter, MAX_COLUMNS).map_err(FileProblem::TooManyColumns)
}

/// Opens a workbook and returns the rows of the chosen sheet.
fn read_workbook(
    bytes: &[u8],
    options: &ImportOptions,
    out: &mut ImportOutcome,
) -> Result<Table, FileProblem> {
    out.parse.source = SourceKind::Workbook;
    match excel::read(bytes, options.sheet.as_deref(), MAX_COLUMNS) {
        Ok(sheet) => {
            out.parse.sheets = sheet.names;
            out.parse.sheet = Some(sheet.name);
            Ok(sheet.rows)
        }
        Err(WorkbookError::Unreadable(detail)) => Err(FileProblem::BadWorkbook(detail)),
        Err(WorkbookError::NoSuchSheet(name)) => Err(FileProblem::NoSuchSheet(name)),
        Err(WorkbookError::TooManyColumns(n)) => Err(FileProblem::TooManyColumns(n)),
    }
}

/// Finds the header, maps the columns, decides their formats and reads every row.
fn read_table(rows: &[Row<'_>], options: &ImportOptions, out: &mut ImportOutcome) {
    // The header: the user's line, else the row naming the most known columns.
    if rows.is_empty() {
        out.file_problem = Some(FileProblem::Empty);
        return;
    }
    let header_index = match options.header_line {
        Some(line) => rows.iter().position(|r| r.line >= line).unwrap_or(0),
        None => {
            let scores = rows.iter().take(HEADER_SEARCH).map(|r| {
                if crate::fec::is_fec(r.cells()) {
                    usize::MAX
                } else {
                    columns::header_score(r.cells())
                }
            });
            let (best, score) =
                scores.enumerate().fold((0, 0), |acc, (i, s)| if s > acc.1 { (i, s) } else { acc });
            if score == 0 && options.mapping.is_none() {
                out.file_problem = Some(FileProblem::NoHeader);
                return;
            }
            best
        }
    };
    let header: Vec<String> = rows[header_index].cells().map(|h| h.trim().to_owned()).collect();
    out.parse.header_line = rows[header_index].line;
    let data = &rows[header_index + 1..];

    // A FEC has its own rules.
    if crate::fec::is_fec(header.iter().map(String::as_str)) {
        out.parse.source = SourceKind::Fec;
        crate::fec::read(&header, data, options, out);
        return;
    }

    // The mapping: the user's, else the recognised names.
    let mapping = match &options.mapping {
        Some(chosen) => (0..header.len()).map(|i| chosen.get(i).copied().flatten()).collect(),
        None => columns::map_headers(header.iter().map(String::as_str)),
    };
    let cols = Columns::new(&header, &mapping);
    out.parse.columns = column_reports(&header, &mapping, data);
    if data.is_empty() {
        out.file_problem = Some(FileProblem::NoRows);
        return;
    }
    if cols.amount.is_none() && cols.balance.is_none() {
        out.file_problem = Some(FileProblem::MissingColumn(Field::Amount));
        return;
    }
    if cols.client.is_none() {
        out.file_problem = Some(FileProblem::MissingColumn(Field::Client));
        return;
    }
    if cols.issue.is_none() && cols.due.is_none() {
        out.file_problem = Some(FileProblem::MissingColumn(Field::DueDate));
        return;
    }

    // First pass: the formats of the amount and date columns.
    let formats = Formats::infer(&cols, data, options, out.parse.delimiter);
    for report in &mut out.parse.columns {
        report.number_format = formats.number(report.index);
        report.date_format = formats.date(report.index).cloned();
    }
    let main_amount = cols.amount.or(cols.balance).and_then(|i| formats.number(i));
    out.parse.decimal_mark = main_amount.map(|f| f.decimal_mark);
    out.parse.grouping = main_amount.and_then(|f| f.grouping);
    out.parse.day_first = formats.day_first;
    out.parse.date_order_ambiguous = formats.order_ambiguous;

    // Second pass: every row, duplicates and totals set apart.
    let mut clients = Clients::default();
    let mut seen: HashMap<u64, usize> = HashMap::with_capacity(data.len());
    let mut items: Vec<Invoice> = Vec::with_capacity(data.len());
    for (i, row) in data.iter().enumerate() {
        if is_total_line(row, &cols) {
            out.summary.total_lines += 1;
            continue;
        }
        let first = *seen.entry(record_hash(row)).or_insert(i);
        if first != i && data[first].same_cells(row) {
            out.summary.duplicate_rows += 1;
            out.warnings.push(duplicate_warning(row.line, &data[first], &cols));
            continue;
        }
        out.summary.rows_read += 1;
        match read_row(row, &cols, &formats, &mut clients, &mut out.ledger, &mut out.warnings) {
            Ok(item) => {
                out.summary.rows_used += 1;
                items.push(item);
            }
            Err(errors) => {
                out.summary.rows_rejected += 1;
                out.errors.extend(errors);
            }
        }
    }

    // Repeated invoice numbers and merged names.
    if cols.invoice.is_some() && cols.instalment.is_none() {
        items = merge_repeats(items, &mut out.warnings);
    }
    clients.warn_folded(&out.ledger, &mut out.warnings);
    out.ledger.invoices = items;
}

/// The column of each field, and the headers for messages.
pub(crate) struct Columns<'a> {
    pub headers: &'a [String],
    pub invoice: Option<usize>,
    pub instalment: Option<usize>,
    pub client: Option<usize>,
    pub amount: Option<usize>,
    pub paid: Option<usize>,
    pub balance: Option<usize>,
    pub issue: Option<usize>,
    pub due: Option<usize>,
    pub terms: Option<usize>,
    pub payment: Option<usize>,
    pub currency: Option<usize>,
    pub disputed: Option<usize>,
    pub email: Option<usize>,
    pub owner: Option<usize>,
    pub kind: Option<usize>,
}

impl<'a> Columns<'a> {
    fn new(headers: &'a [String], mapping: &[Option<Field>]) -> Columns<'a> {
        let find = |field: Field| mapping.iter().position(|m| *m == Some(field));
        Columns {
            headers,
            invoice: find(Field::Invoice),
            instalment: find(Field::Instalment),
            client: find(Field::Client),
            amount: find(Field::Amount),
            paid: find(Field::Paid),
            balance: find(Field::Balance),
            issue: find(Field::IssueDate),
            due: find(Field::DueDate),
            terms: find(Field::Terms),
            payment: find(Field::PaymentDate),
            currency: find(Field::Currency),
            disputed: find(Field::Disputed),
            email: find(Field::Email),
            owner: find(Field::Owner),
            kind: find(Field::Kind),
        }
    }

    fn header(&self, index: usize) -> String {
        self.headers.get(index).cloned().unwrap_or_default()
    }
}

/// The number and date formats decided for the columns.
pub(crate) struct Formats {
    numbers: Vec<(usize, NumberFormat)>,
    dates: Vec<(usize, DateFormat)>,
    day_first: Option<bool>,
    order_ambiguous: bool,
}

impl Formats {
    fn infer(
        cols: &Columns,
        data: &[Row<'_>],
        options: &ImportOptions,
        delimiter: Option<char>,
    ) -> Formats {
        // Amount columns: a column its values decide, else what the other columns decided,
        // else the delimiter's custom (`;` files write decimal commas).
        let amount_cols: Vec<usize> =
            [cols.amount, cols.paid, cols.balance].into_iter().flatten().collect();
        let values = |i: usize| data.iter().map(move |r| r.cell(i));
        let first: Vec<(usize, NumberFormat)> =
            amount_cols.iter().map(|&i| (i, money::infer_format(values(i), '.'))).collect();
        let decided: Vec<char> =
            first.iter().filter(|(_, f)| !f.ambiguous).map(|(_, f)| f.decimal_mark).collect();
        let fallback = options.decimal_mark.unwrap_or_else(|| {
            let commas = decided.iter().filter(|&&c| c == ',').count();
            if commas * 2 > decided.len() || (decided.is_empty() && delimiter == Some(';')) {
                ','
            } else {
                '.'
            }
        });
        let numbers = first
            .into_iter()
            .map(|(i, f)| match options.decimal_mark {
                Some(mark) => (i, NumberFormat { decimal_mark: mark, ambiguous: false, ..f }),
                None if f.ambiguous => (i, money::infer_format(values(i), fallback)),
                None => (i, f),
            })
            .collect();

        // Date columns: each decides its order; an undecided one follows the decided ones.
        let date_cols: Vec<usize> =
            [cols.issue, cols.due, cols.payment].into_iter().flatten().collect();
        let mut dates: Vec<(usize, DateFormat)> = date_cols
            .iter()
            .map(|&i| (i, dates::infer_format(values(i), options.day_first)))
            .collect();
        let decided: Vec<bool> = dates
            .iter()
            .filter(|(_, f)| f.has_slashed && !f.ambiguous)
            .map(|(_, f)| f.day_first)
            .collect();
        let file_order = match decided.iter().filter(|&&d| !d).count() {
            0 if decided.is_empty() => None,
            n if n * 2 > decided.len() => Some(false),
            _ => Some(true),
        };
        if let Some(order) = file_order {
            for (i, format) in dates.iter_mut() {
                if format.ambiguous {
                    *format = dates::infer_format(values(*i), Some(order));
                }
            }
        }
        let slashed: Vec<&DateFormat> =
            dates.iter().map(|(_, f)| f).filter(|f| f.has_slashed).collect();
        let day_first = slashed.first().map(|f| f.day_first);
        let order_ambiguous = !slashed.is_empty() && slashed.iter().all(|f| f.ambiguous);
        Formats { numbers, dates, day_first, order_ambiguous }
    }

    fn number(&self, index: usize) -> Option<NumberFormat> {
        self.numbers.iter().find(|(i, _)| *i == index).map(|(_, f)| *f)
    }

    fn date(&self, index: usize) -> Option<&DateFormat> {
        self.dates.iter().find(|(i, _)| *i == index).map(|(_, f)| f)
    }
}

/// The column reports, with the first few values of each column.
fn column_reports(
    header: &[String],
    mapping: &[Option<Field>],
    data: &[Row<'_>],
) -> Vec<ColumnReport> {
    header
        .iter()
        .enumerate()
        .map(|(index, name)| ColumnReport {
            index,
            header: name.clone(),
            field: mapping.get(index).copied().flatten(),
            samples: data
                .iter()
                .map(|r| r.cell(index).trim())
                .filter(|v| !v.is_empty())
                .take(3)
                .map(str::to_owned)
                .collect(),
            number_format: None,
            date_format: None,
        })
        .collect()
}

/// Reads one row into an item, or says every value of it that could not be used.
fn read_row(
    row: &Row<'_>,
    cols: &Columns,
    formats: &Formats,
    clients: &mut Clients,
    ledger: &mut Ledger,
    warnings: &mut Vec<ImportWarning>,
) -> Result<Invoice, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut problem = |index: usize, problem: RowProblem, expected: String| {
        errors.push(RowError {
            line: row.line,
            column: Some(cols.header(index)),
            raw: row.cell(index).to_owned(),
            problem,
            expected,
        });
    };

    // The number, with the instalment appended; the line when there is none.
    let mut number = match cols.invoice.map(|i| row.cell(i).trim()) {
        Some(n) if !n.is_empty() => n.to_owned(),
        _ => format!("line {}", row.line),
    };
    if let Some(part) = cols.instalment.map(|i| row.cell(i).trim()).filter(|p| !p.is_empty()) {
        number.push(' ');
        number.push_str(part);
    }

    // The amounts: amount, paid and balance, each in its column's format.
    let mut amount_of = |index: Option<usize>, required: bool| -> Option<money::Amount> {
        let i = index?;
        let format = formats.number(i).unwrap_or(NumberFormat::DOT);
        match money::parse_amount(row.cell(i), format) {
            Ok(a) => Some(a),
            Err(AmountError::Empty) if !required => None,
            Err(AmountError::Empty) => {
                problem(i, RowProblem::MissingValue, String::new());
                None
            }
            Err(AmountError::TooLarge) => {
                problem(i, RowProblem::AmountTooLarge, String::new());
                None
            }
            Err(AmountError::NotAnAmount) => {
                problem(i, RowProblem::BadAmount, format.example());
                None
            }
        }
    };
    let amount = amount_of(cols.amount, true);
    let paid = amount_of(cols.paid, false);
    let balance = amount_of(cols.balance, cols.amount.is_none());

    // The dates.
    let mut date_of = |index: Option<usize>| {
        let i = index?;
        let fallback;
        let format = match formats.date(i) {
            Some(format) => format,
            None => {
                fallback = DateFormat::day_first();
                &fallback
            }
        };
        match dates::parse_date(row.cell(i), format) {
            Ok(date) => date,
            Err(()) => {
                problem(i, RowProblem::BadDate, format.example());
                None
            }
        }
    };
    let issue_date = date_of(cols.issue);
    let due_date = date_of(cols.due);
    let payment_date = date_of(cols.payment);
    if issue_date.is_none() && due_date.is_none() {
        let i = cols.due.or(cols.issue).unwrap_or(0);
        if row.cell(i).trim().is_empty() {
            problem(i, RowProblem::MissingValue, String::new());
        }
    }

    // Terms, currency, disputed flag and kind.
    let terms_text = cols.terms.map(|i| row.cell(i).trim()).filter(|t| !t.is_empty());
    let terms = terms_text.and_then(|t| parse_terms(t).ok());
    if let (Some(i), Some(_), None, None) = (cols.terms, terms_text, terms, due_date) {
        problem(i, RowProblem::BadTerms, "30 jours fin de mois".into());
    }
    let currency = match cols.currency.map(|i| (i, row.cell(i).trim())) {
        Some((i, code)) if !code.is_empty() => {
            let found = currency_of(code);
            if found.is_none() {
                problem(i, RowProblem::BadCurrency, "EUR".into());
            }
            found
        }
        _ => amount.and_then(|a| a.currency).or(paid.and_then(|p| p.currency)),
    };
    let disputed = match cols.disputed.map(|i| (i, row.cell(i))) {
        Some((i, flag)) => flag_of(flag).unwrap_or_else(|| {
            problem(i, RowProblem::BadFlag, String::new());
            false
        }),
        None => false,
    };
    let stated_kind = cols.kind.and_then(|i| kind_of(row.cell(i)));

    // The client, interned; a row without one cannot be used.
    let client_raw = cols.client.map(|i| row.cell(i)).unwrap_or("");
    if let Some(i) = cols.client.filter(|_| client_raw.trim().is_empty()) {
        problem(i, RowProblem::MissingValue, String::new());
    }
    let (Some(value), true) = (amount.or(balance), errors.is_empty()) else {
        return Err(errors);
    };
    let client = clients.intern(client_raw, row.line, ledger);

    // Paid from the paid column, else from the balance; the sign from the amount or the kind.
    let mut value = value.value;
    let mut paid = match (paid, balance, cols.paid) {
        (Some(p), _, _) => Some(p.value),
        (None, _, Some(_)) => Some(Decimal::ZERO),
        (None, Some(b), None) if cols.amount.is_some() => value.checked_sub(b.value),
        (None, _, None) => None,
    };
    if let (Some(p), Some(b), true) = (paid, balance, cols.paid.is_some() && cols.amount.is_some())
    {
        if value.checked_sub(p) != Some(b.value) {
            warnings.push(balance_warning(row.line, &number, b.value, value, p));
        }
    }
    let mut kind = if value.is_sign_negative() && !value.is_zero() {
        ItemKind::CreditNote
    } else {
        ItemKind::Invoice
    };
    if let Some(stated) = stated_kind.filter(|k| *k != ItemKind::Invoice) {
        if value.is_sign_positive() && !value.is_zero() {
            value = -value;
            paid = paid.map(|p| -p);
            warnings.push(credit_warning(row.line, &number));
        }
        kind = stated;
    }
    if let Some(p) = paid.filter(|p| kind == ItemKind::Invoice && *p > value) {
        warnings.push(paid_warning(row.line, &number, p, value));
    }

    // The item.
    let text = |index: Option<usize>| {
        index.map(|i| row.cell(i).trim()).filter(|t| !t.is_empty()).map(str::to_owned)
    };
    Ok(Invoice {
        line: row.line,
        number,
        client,
        currency,
        kind,
        amount: value,
        paid,
        issue_date,
        due_date,
        terms,
        terms_text: terms_text.map(str::to_owned),
        payment_date,
        disputed,
        owner: text(cols.owner),
        email: text(cols.email),
    })
}

/// A currency code (`eur`) or sign (`€`).
fn currency_of(text: &str) -> Option<Currency> {
    match text {
        "€" => Some(Currency::EUR),
        "$" => Some(Currency::USD),
        "£" => Some(Currency::GBP),
        _ => Currency::from_code(text),
    }
}

/// A yes/no cell: oui/non, yes/no, true/false, 1/0, y/n, x or empty, any case.
pub(crate) fn flag_of(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "oui" | "yes" | "true" | "vrai" | "1" | "y" | "o" | "x" => Some(true),
        "non" | "no" | "false" | "faux" | "0" | "n" | "" => Some(false),
        _ => None,
    }
}

/// The kind a type column names, if it names one.
fn kind_of(text: &str) -> Option<ItemKind> {
    match columns::normalize(text).as_str() {
        "avoir" | "creditnote" | "credit" | "av" | "notedecredit" | "refund" => {
            Some(ItemKind::CreditNote)
        }
        "paiement" | "payment" | "reglement" | "acompte" | "unappliedpayment" => {
            Some(ItemKind::UnappliedPayment)
        }
        "facture" | "invoice" | "fa" | "inv" => Some(ItemKind::Invoice),
        _ => None,
    }
}

/// True for a total line: its first filled cell says `Total` (or `TOTAL TTC`, `Sous-total`...)
/// and its invoice and client cells are empty or say the same.
fn is_total_line(row: &Row<'_>, cols: &Columns) -> bool {
    let is_total = |text: &str| {
        matches!(
            columns::normalize(text).as_str(),
            "total"
                | "totalttc"
                | "totalht"
                | "totaux"
                | "totals"
                | "totalgeneral"
                | "grandtotal"
                | "soustotal"
                | "subtotal"
        )
    };
    let Some(first) = row.cells().find(|c| !c.trim().is_empty()) else { return false };
    let initial = first.trim_start().as_bytes().first().map(u8::to_ascii_lowercase);
    if !matches!(initial, Some(b't' | b's' | b'g')) {
        return false;
    }
    is_total(first)
        && [cols.invoice, cols.client]
            .into_iter()
            .flatten()
            .all(|i| row.cell(i).trim().is_empty() || is_total(row.cell(i)))
}

fn record_hash(row: &Row<'_>) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    row.len().hash(&mut hasher);
    row.joined().hash(&mut hasher);
    hasher.finish()
}

/// Client names interned with their spaces folded, remembering differently written names.
#[derive(Default)]
pub(crate) struct Clients {
    index: HashMap<String, ClientId>,
    /// Per client: the first way it was written and its line.
    first: Vec<(String, u32)>,
    /// Per client: the lines where it was written otherwise.
    variants: HashMap<ClientId, Vec<u32>>,
}

impl Clients {
    /// The id of the client `raw` names once trimmed and folded (`Acme  SA ` is `Acme SA`).
    pub(crate) fn intern(&mut self, raw: &str, line: u32, ledger: &mut Ledger) -> ClientId {
        let name = fold_spaces(raw);
        if let Some(&id) = self.index.get(name.as_ref()) {
            if self.first.get(id.0 as usize).is_some_and(|(first, _)| first != raw) {
                self.variants.entry(id).or_default().push(line);
            }
            return id;
        }
        let id = ledger.push_client(name.clone().into_owned());
        self.index.insert(name.into_owned(), id);
        self.first.push((raw.to_owned(), line));
        id
    }

    fn warn_folded(&self, ledger: &Ledger, warnings: &mut Vec<ImportWarning>) {
        let mut folded: Vec<(&ClientId, &Vec<u32>)> = self.variants.iter().collect();
        folded.sort();
        for (id, lines) in folded {
            let mut all = vec![self.first.get(id.0 as usize).map_or(0, |f| f.1)];
            all.extend(lines);
            let name = ledger.client_name(*id);
            let list = line_list(&all);
            warnings.push(ImportWarning {
                kind: WarningKind::NamesFolded,
                lines: all,
                invoice: None,
                text_en: format!(
                    "client \"{name}\" is written differently on lines {list}: merged"
                ),
                text_fr: format!(
                    "le client « {name} » est écrit différemment aux lignes {list} : regroupé"
                ),
            });
        }
    }
}

/// Trims and folds inner runs of whitespace to one space, borrowing when nothing changes.
pub(crate) fn fold_spaces(raw: &str) -> Cow<'_, str> {
    // Fast path on bytes: spaces other than ASCII ones start with one of these lead bytes.
    let trimmed = raw.trim();
    let bytes = trimmed.as_bytes();
    let odd = |b: u8| matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | 0xC2 | 0xE1..=0xE3);
    if !bytes.iter().any(|&b| odd(b)) && !bytes.windows(2).any(|w| w == b"  ") {
        return Cow::Borrowed(trimmed);
    }

    // Slow path: rebuild with single spaces, borrowing when that changes nothing.
    let folded = trimmed.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded == trimmed {
        Cow::Borrowed(trimmed)
    } else {
        Cow::Owned(folded)
    }
}

/// Merges the repeated totals of line-item exports and warns about other repeated numbers.
fn merge_repeats(items: Vec<Invoice>, warnings: &mut Vec<ImportWarning>) -> Vec<Invoice> {
    // Group the items by number and client; only repeated ones get a list.
    let mut first: HashMap<(&str, ClientId), usize> = HashMap::with_capacity(items.len());
    let mut repeats: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        let head = *first.entry((item.number.as_str(), item.client)).or_insert(i);
        if head != i {
            repeats.entry(head).or_insert_with(|| vec![head]).push(i);
        }
    }
    drop(first);

    // Same total and dates: one invoice; other due dates: instalments; else kept apart.
    let mut keep = vec![true; items.len()];
    let mut groups: Vec<Vec<usize>> = repeats.into_values().collect();
    groups.sort();
    for group in groups {
        let head = &items[group[0]];
        let same = |other: &Invoice| {
            (other.amount, other.issue_date, other.due_date, other.currency)
                == (head.amount, head.issue_date, head.due_date, head.currency)
        };
        let lines: Vec<u32> = group.iter().map(|&i| items[i].line).collect();
        let list = line_list(&lines);
        let number = head.number.clone();
        let (kind, text_en, text_fr) = if group.iter().all(|&i| same(&items[i])) {
            for &i in &group[1..] {
                keep[i] = false;
            }
            (
                WarningKind::RepeatedTotal,
                format!("invoice {number} repeats the same total on lines {list}: counted once"),
                format!(
                    "la facture {number} répète le même total aux lignes {list} : \
                     comptée une fois"
                ),
            )
        } else if group.iter().any(|&i| items[i].due_date != head.due_date) {
            (
                WarningKind::Instalments,
                format!(
                    "invoice {number} appears on lines {list} with different due dates: kept as \
                     instalments"
                ),
                format!(
                    "la facture {number} figure aux lignes {list} avec des échéances \
                     différentes : gardées comme échéances distinctes"
                ),
            )
        } else {
            (
                WarningKind::SameNumber,
                format!(
                    "invoice number {number} is used on lines {list} with different amounts: \
                     kept as separate items"
                ),
                format!(
                    "le numéro de facture {number} figure aux lignes {list} avec des montants \
                     différents : gardés séparément"
                ),
            )
        };
        warnings.push(ImportWarning { kind, lines, invoice: Some(number), text_en, text_fr });
    }
    items.into_iter().zip(keep).filter(|(_, k)| *k).map(|(item, _)| item).collect()
}

/// `2, 5, 9`, cut after ten lines.
fn line_list(lines: &[u32]) -> String {
    let mut list: Vec<String> = lines.iter().take(10).map(u32::to_string).collect();
    if lines.len() > 10 {
        list.push(format!("… (+{})", lines.len() - 10));
    }
    list.join(", ")
}

fn duplicate_warning(line: u32, first: &Row<'_>, cols: &Columns) -> ImportWarning {
    let number = cols.invoice.map(|i| first.cell(i).trim().to_owned()).filter(|n| !n.is_empty());
    let (text_en, text_fr) = match &number {
        Some(n) => (
            format!("line {line} is an exact duplicate of line {} (invoice {n})", first.line),
            format!(
                "la ligne {line} est un doublon exact de la ligne {} (facture {n}) : comptée \
                 une fois",
                first.line
            ),
        ),
        None => (
            format!("line {line} is an exact duplicate of line {}", first.line),
            format!(
                "la ligne {line} est un doublon exact de la ligne {} : comptée une fois",
                first.line
            ),
        ),
    };
    ImportWarning {
        kind: WarningKind::ExactDuplicate,
        lines: vec![first.line, line],
        invoice: number,
        text_en,
        text_fr,
    }
}

fn balance_warning(
    line: u32,
    number: &str,
    balance: Decimal,
    amount: Decimal,
    paid: Decimal,
) -> ImportWarning {
    let expected = amount.checked_sub(paid);
    let show = |value: Option<Decimal>, lang| value.map(|v| money::format_amount(v, lang));
    let (balance_en, balance_fr) = (show(Some(balance), Lang::En), show(Some(balance), Lang::Fr));
    let (expected_en, expected_fr) = (show(expected, Lang::En), show(expected, Lang::Fr));
    ImportWarning {
        kind: WarningKind::BalanceMismatch,
        lines: vec![line],
        invoice: Some(number.to_owned()),
        text_en: format!(
            "line {line}: balance {} of invoice {number} differs from amount minus paid ({})",
            balance_en.unwrap_or_default(),
            expected_en.unwrap_or_default()
        ),
        text_fr: format!(
            "ligne {line} : le solde {} de la facture {number} diffère du montant moins \
             le réglé ({})",
            balance_fr.unwrap_or_default(),
            expected_fr.unwrap_or_default()
        ),
    }
}

fn credit_warning(line: u32, number: &str) -> ImportWarning {
    ImportWarning {
        kind: WarningKind::CreditSign,
        lines: vec![line],
        invoice: Some(number.to_owned()),
        text_en: format!(
            "line {line}: {number} is a credit written as a positive amount: counted as negative"
        ),
        text_fr: format!(
            "ligne {line} : {number} est un avoir écrit en montant positif : compté en négatif"
        ),
    }
}

fn paid_warning(line: u32, number: &str, paid: Decimal, amount: Decimal) -> ImportWarning {
    let en = |v| money::format_amount(v, Lang::En);
    let fr = |v| money::format_amount(v, Lang::Fr);
    ImportWarning {
        kind: WarningKind::PaidAboveAmount,
        lines: vec![line],
        invoice: Some(number.to_owned()),
        text_en: format!(
            "line {line}: invoice {number} has {} paid, more than its amount {}",
            en(paid),
            en(amount)
        ),
        text_fr: format!(
            "ligne {line} : la facture {number} a {} réglé, plus que son montant {}",
            fr(paid),
            fr(amount)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(problem: RowProblem, column: Option<&str>, raw: &str, expected: &str) -> RowError {
        RowError {
            line: 14,
            column: column.map(str::to_owned),
            raw: raw.to_owned(),
            problem,
            expected: expected.to_owned(),
        }
    }

    #[test]
    fn error_messages() {
        let errors = [
            error(RowProblem::BadDate, Some("Échéance"), "31/13/2025", "31/01/2025"),
            error(RowProblem::BadAmount, Some("Montant"), "12,3,4", "1 234,56"),
            error(RowProblem::AmountTooLarge, Some("Amount"), "9".repeat(30).as_str(), ""),
            error(RowProblem::MissingValue, Some("Client"), "", ""),
            error(RowProblem::BadTerms, Some("Conditions"), "bientôt", "30 jours fin de mois"),
            error(RowProblem::BadFlag, Some("Litige"), "peut-être", ""),
            error(RowProblem::BadCurrency, Some("Devise"), "euros", "EUR"),
            error(RowProblem::MissingValue, None, "", ""),
        ];
        let text: Vec<String> =
            errors.iter().flat_map(|e| [e.message(Lang::En), e.message(Lang::Fr)]).collect();
        insta::assert_snapshot!(text.join("\n"));
    }

    #[test]
    fn file_problem_messages() {
        let problems = [
            FileProblem::Empty,
            FileProblem::NoHeader,
            FileProblem::NoRows,
            FileProblem::Binary,
            FileProblem::TooManyColumns(1200),
            FileProblem::MissingColumn(Field::Amount),
            FileProblem::BadWorkbook("invalid zip".into()),
            FileProblem::NoSuchSheet("Feuil2".into()),
        ];
        let text: Vec<String> =
            problems.iter().flat_map(|p| [p.message(Lang::En), p.message(Lang::Fr)]).collect();
        insta::assert_snapshot!(text.join("\n"));
    }

    #[test]
    fn flags() {
        fn check(text: &str, want: Option<bool>) {
            assert_eq!(flag_of(text), want, "{text:?}");
        }
        let table: &[(&str, Option<bool>)] = &[
            ("Oui", Some(true)),
            ("non", Some(false)),
            ("YES", Some(true)),
            ("No", Some(false)),
            ("true", Some(true)),
            ("False", Some(false)),
            ("1", Some(true)),
            ("0", Some(false)),
            ("y", Some(true)),
            ("N", Some(false)),
            ("x", Some(true)),
            ("", Some(false)),
            ("peut-être", None),
        ];
        for &(text, want) in table {
            check(text, want);
        }
    }

    #[test]
    fn folding() {
        fn check(raw: &str, want: &str) {
            assert_eq!(fold_spaces(raw), want, "{raw:?}");
        }
        check("Acme ", "Acme");
        check("  Acme   SA ", "Acme SA");
        check("Acme\u{A0}SA", "Acme SA");
        check("Acme\tSA", "Acme SA");
        check("Acme\u{202F}\u{2003}SA", "Acme SA");
        check("Café  Noël", "Café Noël");
        check("Café Noël", "Café Noël");
        check("Acme SA", "Acme SA");
        check("", "");
    }
}
