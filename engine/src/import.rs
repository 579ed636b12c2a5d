//! From file bytes to a ledger: decoding, layout, header, column mapping, values.
//!
//! CONTRACT STUB: the reader work replaces the body of [`import`]; the public names below are
//! what the app and the CLI use.

use crate::lang::Lang;
use crate::ledger::Ledger;
use serde::{Deserialize, Serialize};

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

/// The user's overrides of what the reader detects; `None` everywhere means "detect".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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
}

/// Why a row, or a value in it, could not be used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowProblem {
    BadAmount,
    BadDate,
    MissingValue,
    BadTerms,
}

/// A row that was not used, with where and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    pub line: u32,
    pub column: Option<String>,
    pub raw: String,
    pub problem: RowProblem,
}

impl RowError {
    /// The message shown to the user, e.g. `line 14, column "Échéance": ...`.
    pub fn message(&self, _lang: Lang) -> String {
        format!("line {}: {:?} \"{}\"", self.line, self.problem, self.raw)
    }
}

/// Something the user must be told about an input that was still used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportWarning {
    pub lines: Vec<u32>,
    pub invoice: Option<String>,
    pub text_en: String,
}

impl ImportWarning {
    pub fn message(&self, _lang: Lang) -> String {
        self.text_en.clone()
    }
}

/// Rows read = rows used + rows rejected, always.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub rows_read: usize,
    pub rows_used: usize,
    pub rows_rejected: usize,
}

/// A whole-file problem: nothing could be read at all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileProblem {
    Empty,
    NoHeader,
    NoRows,
    Binary,
    TooManyColumns(usize),
}

impl FileProblem {
    pub fn message(&self, _lang: Lang) -> String {
        format!("{self:?}")
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
pub fn import(_bytes: &[u8], _file_name: Option<&str>, _options: &ImportOptions) -> ImportOutcome {
    ImportOutcome::default()
}
