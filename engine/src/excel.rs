//! Excel and OpenDocument workbooks (`.xlsx`, `.xls`, `.ods`) turned into the same rows of
//! text cells as a CSV file, so header finding and column reading are shared.
//!
//! Numbers become their shortest round-trip text (`1234.5`, never float noise) and dates
//! become ISO `2025-01-31`, so the column readers see unambiguous values.

use crate::table::Table;
use calamine::{Data, Reader};
use csv::StringRecord;
use std::io::Cursor;

/// The rows of one sheet and the names of all sheets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    pub rows: Table,
    pub name: String,
    pub names: Vec<String>,
}

/// Why a workbook gave no sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkbookError {
    /// The bytes are not a workbook calamine reads; the detail is its message.
    Unreadable(String),
    /// The sheet the user asked for is not in the workbook.
    NoSuchSheet(String),
    /// More columns than the reader accepts.
    TooManyColumns(usize),
}

/// Reads the sheet named `sheet`, or else the first sheet that has data.
///
/// FIXME: calamine 0.31 panics on some damaged workbooks (a shared-string index past the end
/// of the table, `xlsx/cells_reader.rs`). The panic is caught here and reported as an
/// unreadable workbook, which works natively and with `panic = "unwind"`; the app's release
/// build uses `panic = "abort"`, where it cannot be caught, so the app should read workbooks
/// in a worker until calamine checks that index.
pub fn read(bytes: &[u8], sheet: Option<&str>, max_columns: usize) -> Result<Sheet, WorkbookError> {
    let caught = std::panic::catch_unwind(|| read_unguarded(bytes, sheet, max_columns));
    caught.unwrap_or_else(|_| Err(WorkbookError::Unreadable("damaged workbook".to_owned())))
}

fn read_unguarded(
    bytes: &[u8],
    sheet: Option<&str>,
    max_columns: usize,
) -> Result<Sheet, WorkbookError> {
    // Open the workbook, whatever its kind.
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
    let names = book.sheet_names();

    // Pick the sheet: the user's, else the first with a cell.
    let mut chosen = None;
    for name in &names {
        if sheet.is_some_and(|s| s != name) {
            continue;
        }
        let Ok(range) = book.worksheet_range(name) else { continue };
        if sheet.is_some() || range.used_cells().next().is_some() {
            chosen = Some((name.clone(), range));
            break;
        }
    }
    let Some((name, range)) = chosen else {
        return match sheet {
            Some(s) => Err(WorkbookError::NoSuchSheet(s.to_owned())),
            None => Ok(Sheet { rows: Table::default(), name: String::new(), names }),
        };
    };

    // Turn each row into text cells numbered as Excel numbers its rows.
    let (first_row, _) = range.start().unwrap_or((0, 0));
    let (_, width) = range.get_size();
    if width > max_columns {
        return Err(WorkbookError::TooManyColumns(width));
    }
    let mut rows = Table::default();
    for (i, cells) in range.rows().enumerate() {
        let record: StringRecord = cells.iter().map(cell_text).collect();
        if crate::table::is_blank(&record) {
            continue;
        }
        let line = u32::try_from(i).unwrap_or(u32::MAX).saturating_add(first_row).saturating_add(1);
        rows.push(line, record.iter());
    }
    Ok(Sheet { rows, name, names })
}

/// True when the file name ends like a workbook.
pub fn is_workbook_name(file_name: &str) -> bool {
    let lower = file_name.to_ascii_lowercase();
    [".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"].iter().any(|ext| lower.ends_with(ext))
}

/// The text of one cell.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => if *b { "true" } else { "false" }.to_owned(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        Data::DateTime(dt) => number_text(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// The shortest text that reads back as `f` (`0.1` stays `0.1`), without exponent.
fn number_text(f: f64) -> String {
    if f.is_finite() {
        format!("{f}")
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells() {
        let table: &[(Data, &str)] = &[
            (Data::Float(1234.5), "1234.5"),
            (Data::Float(0.1 + 0.2), "0.30000000000000004"),
            (Data::Float(45307.0), "45307"),
            (Data::Int(7), "7"),
            (Data::String("F-1".into()), "F-1"),
            (Data::Empty, ""),
            (
                Data::DateTime(calamine::ExcelDateTime::new(
                    45307.0,
                    calamine::ExcelDateTimeType::DateTime,
                    false,
                )),
                "2024-01-16",
            ),
        ];
        for (cell, want) in table {
            assert_eq!(cell_text(cell), *want, "{cell:?}");
        }
    }

    #[test]
    fn names() {
        assert!(is_workbook_name("Balance.XLSX"));
        assert!(is_workbook_name("a.ods"));
        assert!(!is_workbook_name("a.csv"));
    }

    #[test]
    fn not_a_workbook() {
        assert!(matches!(read(b"PK\x03\x04junk", None, 1000), Err(WorkbookError::Unreadable(_))));
    }
}
