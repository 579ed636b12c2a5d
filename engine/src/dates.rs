//! Dates as written in files: ISO, day or month first, month names in French and English,
//! `YYYYMMDD` and Excel serial numbers, with the day/month order decided per column.
//!
//! Two-digit years pivot at 70: `00`-`69` are 2000-2069 and `70`-`99` are 1970-1999.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// The family of a date column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    /// Written dates: `2025-01-31`, `31/01/2025`, `1/31/2025`, `15 janv. 2025`, `20250131`.
    Text,
    /// Excel 1900-system serial numbers: 1899-12-30 plus n days.
    ExcelSerial,
}

/// How the dates of one column are written, decided from all its values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateFormat {
    pub kind: DateKind,
    /// For slashed dates such as `03/04/2024`: day first (`%d/%m/%Y`) or month first.
    pub day_first: bool,
    /// True when every slashed date of the column fits both orders (day first is then the
    /// default, and the user can change it).
    pub ambiguous: bool,
    /// True when the column holds slashed dates at all, so the order matters.
    pub has_slashed: bool,
    /// The layout found, strftime style (`%d/%m/%Y`, `%Y-%m-%d`, `%b %d %Y`, `%Y%m%d`) or
    /// `excel_serial_1900`.
    pub pattern: String,
}

impl DateFormat {
    /// A day-first text column, the default for a French file.
    pub fn day_first() -> DateFormat {
        DateFormat {
            kind: DateKind::Text,
            day_first: true,
            ambiguous: false,
            has_slashed: false,
            pattern: "%d/%m/%Y".to_owned(),
        }
    }

    /// 31 January 2025 written in this column's layout, for error messages.
    pub fn example(&self) -> String {
        if self.kind == DateKind::ExcelSerial {
            return "45688".to_owned();
        }
        match NaiveDate::from_ymd_opt(2025, 1, 31) {
            Some(date) => date.format(&self.pattern).to_string(),
            None => "31/01/2025".to_owned(),
        }
    }
}

/// The first serial number read as a date (1954-10-03) and the last (2119-01-10): anything
/// outside is taken for a number, not a date.
const SERIAL_RANGE: std::ops::RangeInclusive<i64> = 20_000..=80_000;

/// What a date cell looks like before the column's order is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// A plain number such as `45307`.
    Serial(i64),
    /// Year, month, day read without doubt: ISO, `YYYYMMDD`, month names.
    Ymd(i32, u32, u32),
    /// Two small numbers and a year: `03/04/2024`, whose order the column decides.
    Pair {
        first: u32,
        second: u32,
        year: i32,
        separator: char,
        long_year: bool,
    },
    Bad,
}

/// Decides the format of a date column from all its values. `day_first` is the user's choice
/// of order, if any.
pub fn infer_format<'a>(
    values: impl Iterator<Item = &'a str>,
    day_first: Option<bool>,
) -> DateFormat {
    // Sort the values by shape, and the slashed ones by the orders they fit.
    let (mut serial, mut written) = (0usize, 0usize);
    let (mut day_only, mut month_only, mut both) = (0usize, 0usize, 0usize);
    let mut pattern: Option<String> = None;
    let mut pair_look: Option<(char, bool)> = None;
    for raw in values {
        match classify(raw) {
            None | Some(Shape::Bad) => {}
            Some(Shape::Serial(_)) => serial += 1,
            Some(Shape::Ymd(..)) => {
                written += 1;
                if pattern.is_none() {
                    pattern = Some(ymd_pattern(raw.trim()));
                }
            }
            Some(Shape::Pair { first, second, year, separator, long_year }) => {
                written += 1;
                pair_look.get_or_insert((separator, long_year));
                let as_day_first = ymd(year, second, first).is_some();
                let as_month_first = ymd(year, first, second).is_some();
                match (as_day_first, as_month_first) {
                    (true, true) => both += 1,
                    (true, false) => day_only += 1,
                    (false, true) => month_only += 1,
                    (false, false) => {}
                }
            }
        }
    }

    // Serial numbers only when nothing in the column is written as a date.
    if written == 0 && serial > 0 {
        return DateFormat {
            kind: DateKind::ExcelSerial,
            day_first: day_first.unwrap_or(true),
            ambiguous: false,
            has_slashed: false,
            pattern: "excel_serial_1900".to_owned(),
        };
    }

    // The order: the user's, else the one some value proves, else day first, flagged.
    let pairs = day_only + month_only + both;
    let (first_is_day, ambiguous) = match day_first {
        Some(choice) => (choice, false),
        None if month_only > day_only => (false, false),
        None => (true, pairs > 0 && day_only == 0),
    };
    let pattern = match (pair_look, pattern) {
        (Some((separator, long_year)), _) => {
            let year = if long_year { "%Y" } else { "%y" };
            if first_is_day {
                format!("%d{separator}%m{separator}{year}")
            } else {
                format!("%m{separator}%d{separator}{year}")
            }
        }
        (None, Some(pattern)) => pattern,
        (None, None) => "%d/%m/%Y".to_owned(),
    };
    DateFormat {
        kind: DateKind::Text,
        day_first: first_is_day,
        ambiguous,
        has_slashed: pairs > 0,
        pattern,
    }
}

/// Reads one cell with its column's format. `Ok(None)` for an empty cell; `Err(())` for a
/// value that is not a date of the column (`31/13/2025`, `abc`, a serial number in a column
/// of written dates).
#[allow(clippy::result_unit_err)]
pub fn parse_date(raw: &str, format: &DateFormat) -> Result<Option<NaiveDate>, ()> {
    let Some(shape) = classify(raw) else { return Ok(None) };
    let date = match shape {
        Shape::Serial(n) if format.kind == DateKind::ExcelSerial => from_serial(n),
        Shape::Serial(_) | Shape::Bad => None,
        Shape::Ymd(y, m, d) => ymd(y, m, d),
        Shape::Pair { first, second, year, .. } if format.day_first => ymd(year, second, first),
        Shape::Pair { first, second, year, .. } => ymd(year, first, second),
    };
    date.map(Some).ok_or(())
}

/// The date of an Excel 1900-system serial number in the accepted range.
pub fn from_serial(n: i64) -> Option<NaiveDate> {
    if !SERIAL_RANGE.contains(&n) {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    epoch.checked_add_days(Days::new(u64::try_from(n).ok()?))
}

fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The strftime pattern of an unambiguous date, for the report.
fn ymd_pattern(text: &str) -> String {
    let b = text.as_bytes();
    if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
        return "%Y-%m-%d".to_owned();
    }
    if b.len() == 8 && b.iter().all(u8::is_ascii_digit) {
        return "%Y%m%d".to_owned();
    }
    if text.starts_with(|c: char| c.is_alphabetic()) {
        return "%b %d %Y".to_owned();
    }
    if text.starts_with(|c: char| c.is_ascii_digit()) && text.contains(char::is_alphabetic) {
        return "%d %b %Y".to_owned();
    }
    "%Y/%m/%d".to_owned()
}

/// Years written with two digits: 00-69 are 2000-2069, 70-99 are 1970-1999.
fn full_year(value: u32, digits: usize) -> Option<i32> {
    let value = i32::try_from(value).ok()?;
    match digits {
        4 => Some(value),
        2 if value < 70 => Some(2000 + value),
        2 => Some(1900 + value),
        _ => None,
    }
}

/// Sorts a cell into a [`Shape`]; `None` for an empty cell.
fn classify(raw: &str) -> Option<Shape> {
    // The common fixed layouts first: `31/01/2025` and `2025-01-31`.
    let text = raw.trim();
    if text.is_empty() {
        return None;
    }
    if let Some(shape) = classify_fixed(text.as_bytes()) {
        return Some(shape);
    }

    // Plain numbers are serial numbers, or `YYYYMMDD` with eight digits.
    let (int, frac) = text.split_once('.').unwrap_or((text, "0"));
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if all_digits(int) && all_digits(frac) {
        if int.len() == 8 {
            let n: u32 = int.parse().ok()?;
            return Some(
                full_year(n / 10_000, 4)
                    .map_or(Shape::Bad, |y| Shape::Ymd(y, n / 100 % 100, n % 100)),
            );
        }
        if int.len() <= 7 {
            return Some(int.parse().map_or(Shape::Bad, Shape::Serial));
        }
        return Some(Shape::Bad);
    }

    // Drop a time of day, then cut the rest into numbers and words.
    let text = strip_time(text);
    let mut numbers: [(u32, usize); 3] = [(0, 0); 3];
    let mut count = 0usize;
    let mut month: Option<(u32, usize)> = None;
    let mut separator: Option<char> = None;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c.is_ascii_digit() {
            let len = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
            if count == 3 || len > 4 {
                return Some(Shape::Bad);
            }
            numbers[count] = (rest[..len].parse().ok()?, len);
            count += 1;
            rest = &rest[len..];
        } else if c.is_alphabetic() {
            let len = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
            let word = &rest[..len];
            if let Some(m) = month_number(word) {
                if month.is_some() {
                    return Some(Shape::Bad);
                }
                month = Some((m, count));
            } else if !(count > 0 && is_ordinal(word)) {
                return Some(Shape::Bad);
            }
            rest = &rest[len..];
        } else {
            if matches!(c, '/' | '-' | '.') && count > 0 && count < 3 && month.is_none() {
                separator.get_or_insert(c);
            }
            rest = &rest[c.len_utf8()..];
        }
    }

    // Name the shape from what was found.
    let [(a, a_len), (b, b_len), (c, c_len)] = numbers;
    let shape = match (month, count) {
        (Some((m, _)), 2) => {
            let (day, year) = if a_len == 4 {
                (b, full_year(a, 4))
            } else if b_len == 4 || b_len == 2 {
                (a, full_year(b, b_len))
            } else {
                (a, None)
            };
            match year {
                Some(y) if a_len <= 2 || b_len <= 2 => Shape::Ymd(y, m, day),
                _ => Shape::Bad,
            }
        }
        (None, 3) if a_len == 4 && b_len <= 2 && c_len <= 2 => Shape::Ymd(a as i32, b, c),
        (None, 3) if a_len <= 2 && b_len <= 2 => match full_year(c, c_len) {
            Some(year) => Shape::Pair {
                first: a,
                second: b,
                year,
                separator: separator.unwrap_or('/'),
                long_year: c_len == 4,
            },
            None => Shape::Bad,
        },
        _ => Shape::Bad,
    };
    Some(shape)
}

/// `DD/MM/YYYY` (any of `/ . -`) and `YYYY-MM-DD` without a time, read without tokenizing.
fn classify_fixed(b: &[u8]) -> Option<Shape> {
    if b.len() != 10 {
        return None;
    }
    let num = |range: std::ops::Range<usize>| {
        b[range]
            .iter()
            .try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    if b[4] == b'-' && b[7] == b'-' {
        let year = i32::try_from(num(0..4)?).ok()?;
        return Some(Shape::Ymd(year, num(5..7)?, num(8..10)?));
    }
    let separator = b[2];
    if b[5] != separator || !matches!(separator, b'/' | b'.' | b'-') {
        return None;
    }
    Some(Shape::Pair {
        first: num(0..2)?,
        second: num(3..5)?,
        year: i32::try_from(num(6..10)?).ok()?,
        separator: char::from(separator),
        long_year: true,
    })
}

/// The text before a time of day: `2025-01-31T10:00:00` and `31/01/2025 10:00` lose the time.
fn strip_time(text: &str) -> &str {
    let Some(colon) = text.find(':') else { return text };
    match text[..colon].rfind([' ', 'T']) {
        Some(cut) => text[..cut].trim_end(),
        None => text,
    }
}

fn is_ordinal(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "er" | "e" | "st" | "nd" | "rd" | "th")
}

/// The month of a French or English month name, whole or abbreviated, any case, with or
/// without accents.
fn month_number(word: &str) -> Option<u32> {
    let folded: String = word
        .chars()
        .map(|c| match c.to_lowercase().next().unwrap_or(c) {
            'é' | 'è' | 'ê' => 'e',
            'û' | 'ù' => 'u',
            other => other,
        })
        .collect();
    let month = match folded.as_str() {
        "janvier" | "janv" | "jan" | "january" => 1,
        "fevrier" | "fevr" | "fev" | "february" | "feb" => 2,
        "mars" | "mar" | "march" => 3,
        "avril" | "avr" | "april" | "apr" => 4,
        "mai" | "may" => 5,
        "juin" | "june" | "jun" => 6,
        "juillet" | "juil" | "july" | "jul" => 7,
        "aout" | "august" | "aug" => 8,
        "septembre" | "sept" | "sep" | "september" => 9,
        "octobre" | "oct" | "october" => 10,
        "novembre" | "nov" | "november" => 11,
        "decembre" | "dec" | "december" => 12,
        _ => return None,
    };
    Some(month)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    fn check(raw: &str, format: &DateFormat, expected: Result<Option<NaiveDate>, ()>) {
        assert_eq!(parse_date(raw, format), expected, "{raw:?}");
    }

    #[test]
    fn dates_that_read() {
        let day_first = DateFormat::day_first();
        let month_first = DateFormat { day_first: false, ..DateFormat::day_first() };
        let serial = infer_format(["45307"].into_iter(), None);
        let table: &[(&str, &DateFormat, Option<NaiveDate>)] = &[
            ("2025-01-31", &day_first, date(2025, 1, 31)),
            ("2025-01-31T10:00:00", &day_first, date(2025, 1, 31)),
            ("2025-01-31 10:00", &day_first, date(2025, 1, 31)),
            ("2025/01/31", &day_first, date(2025, 1, 31)),
            ("31/01/2025", &day_first, date(2025, 1, 31)),
            ("31/01/2025 23:59", &day_first, date(2025, 1, 31)),
            ("03/04/2024", &day_first, date(2024, 4, 3)),
            ("03/04/2024", &month_first, date(2024, 3, 4)),
            ("1/31/2025", &month_first, date(2025, 1, 31)),
            ("4/6/2013", &month_first, date(2013, 4, 6)),
            ("31.01.2025", &day_first, date(2025, 1, 31)),
            ("31-01-2025", &day_first, date(2025, 1, 31)),
            ("31/01/25", &day_first, date(2025, 1, 31)),
            ("31/01/69", &day_first, date(2069, 1, 31)),
            ("31/01/70", &day_first, date(1970, 1, 31)),
            ("26-Oct-17", &day_first, date(2017, 10, 26)),
            ("15 janv. 2025", &day_first, date(2025, 1, 15)),
            ("Jan 15, 2025", &day_first, date(2025, 1, 15)),
            ("Jan 28 2021", &day_first, date(2021, 1, 28)),
            ("1er mars 2025", &day_first, date(2025, 3, 1)),
            ("3 février 2025", &day_first, date(2025, 2, 3)),
            ("12 AOÛT 2024", &day_first, date(2024, 8, 12)),
            ("15 December 2024", &day_first, date(2024, 12, 15)),
            ("Sept. 2nd, 2024", &day_first, date(2024, 9, 2)),
            ("20250131", &day_first, date(2025, 1, 31)),
            ("45307", &serial, date(2024, 1, 16)),
            ("45337", &serial, date(2024, 2, 15)),
            ("45307.75", &serial, date(2024, 1, 16)),
            ("", &day_first, None),
            ("  ", &day_first, None),
        ];
        for &(raw, format, expected) in table {
            check(raw, format, Ok(expected));
        }
    }

    #[test]
    fn dates_that_do_not_read() {
        let day_first = DateFormat::day_first();
        let serial = infer_format(["45307"].into_iter(), None);
        let table: &[(&str, &DateFormat)] = &[
            ("31/13/2025", &day_first),
            ("30/02/2024", &day_first),
            ("2025-02-30", &day_first),
            ("abc", &day_first),
            ("45307", &day_first),
            ("12", &serial),
            ("99999", &serial),
            ("20251340", &day_first),
            ("1/2/5", &day_first),
            ("12/2025", &day_first),
            ("janv. 2025", &day_first),
            ("15 foo 2025", &day_first),
            ("1/2/3/4", &day_first),
            ("123456789", &day_first),
        ];
        for &(raw, format) in table {
            check(raw, format, Err(()));
        }
    }

    #[test]
    fn column_order() {
        fn check_column(values: &[&str], choice: Option<bool>, want: (bool, bool, &str)) {
            let got = infer_format(values.iter().copied(), choice);
            assert_eq!((got.day_first, got.ambiguous, got.pattern.as_str()), want, "{values:?}");
        }
        check_column(&["03/04/2024", "01/02/2024", "25/04/2024"], None, (true, false, "%d/%m/%Y"));
        check_column(&["10/3/2013", "11/25/2013"], None, (false, false, "%m/%d/%Y"));
        check_column(&["03/04/2024", "01/02/2024"], None, (true, true, "%d/%m/%Y"));
        check_column(&["03/04/2024"], Some(false), (false, false, "%m/%d/%Y"));
        check_column(&["31.01.25"], None, (true, false, "%d.%m.%y"));
        check_column(&["2024-01-05", "2024-02-01"], None, (true, false, "%Y-%m-%d"));
        check_column(&["Jan 28 2021"], None, (true, false, "%b %d %Y"));
        check_column(&["20240105"], None, (true, false, "%Y%m%d"));
        check_column(&["45307", "45337"], None, (true, false, "excel_serial_1900"));
    }

    #[test]
    fn examples() {
        assert_eq!(DateFormat::day_first().example(), "31/01/2025");
        let iso = infer_format(["2024-01-05"].into_iter(), None);
        assert_eq!(iso.example(), "2025-01-31");
        let serial = infer_format(["45307"].into_iter(), None);
        assert_eq!(serial.example(), "45688");
        assert_eq!(from_serial(45688), date(2025, 1, 31));
    }
}
