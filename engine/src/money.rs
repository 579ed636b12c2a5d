//! Amounts as written in files: reading them exactly, deciding a column's number format, and
//! writing them back for people.
//!
//! Every rust_decimal call of the reader goes through here: its `from_str` rounds and accepts
//! `_`, so the digits are read one by one into an exact mantissa and scale instead.

use crate::lang::Lang;
use crate::ledger::Currency;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How the numbers of one column are written: the decimal mark, and the thousands separator
/// seen in the column (`' '` stands for any Unicode space separator).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberFormat {
    /// `,` or `.`.
    pub decimal_mark: char,
    /// The separator of thousands found in the column, if any.
    pub grouping: Option<char>,
    /// True when no value of the column told the decimal mark apart (`1.000`, `1234`): the
    /// mark then comes from the other amount columns, the delimiter or the user.
    pub ambiguous: bool,
}

impl NumberFormat {
    /// A comma-decimal format, as French files write amounts.
    pub const COMMA: NumberFormat =
        NumberFormat { decimal_mark: ',', grouping: None, ambiguous: false };
    /// A dot-decimal format, as English files and spreadsheets write amounts.
    pub const DOT: NumberFormat =
        NumberFormat { decimal_mark: '.', grouping: None, ambiguous: false };

    /// An example amount in this format, for error messages: `1 234,56` or `1,234.56`.
    pub fn example(&self) -> String {
        let group = match self.grouping {
            Some(g) if g != self.decimal_mark => g,
            _ if self.decimal_mark == ',' => ' ',
            _ => ',',
        };
        format!("1{group}234{}56", self.decimal_mark)
    }
}

/// An amount read from a cell, with the currency its sign or code names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Amount {
    pub value: Decimal,
    pub currency: Option<Currency>,
}

/// Why a cell is not an amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AmountError {
    Empty,
    /// Not written like an amount of the column's format.
    NotAnAmount,
    /// More digits than an exact decimal holds (28).
    TooLarge,
}

/// The sign, currency and digits of an amount cell, before the decimal mark is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Parts<'a> {
    negative: bool,
    currency: Option<Currency>,
    /// Digits, `.`, `,`, `'` and spaces only; starts and ends with a digit or a mark.
    core: &'a str,
}

/// Reads `raw` as an amount written in `format`: `1 234,56 €`, `($400.00)`, `12,50-`,
/// `EUR 1.234,56`. Nothing is rounded: `1.000` in a comma-decimal column is one thousand, and
/// a value that does not fit the format is an error.
pub fn parse_amount(raw: &str, format: NumberFormat) -> Result<Amount, AmountError> {
    // Split off the sign and the currency.
    if raw.trim().is_empty() {
        return Err(AmountError::Empty);
    }
    let parts = split(raw).ok_or(AmountError::NotAnAmount)?;

    // Read the digits exactly with the column's mark.
    let value = exact_digits(parts.core, format.decimal_mark, parts.negative)?;
    Ok(Amount { value, currency: parts.currency })
}

/// Decides the number format of a column from all its values: the mark that every value fits.
/// When both marks fit every value, `fallback` decides and the format is marked ambiguous;
/// when some values fit only one mark and others only the other, the larger group wins and
/// the rest become row errors.
pub fn infer_format<'a>(values: impl Iterator<Item = &'a str>, fallback: char) -> NumberFormat {
    // Count which marks each value fits, and the separators of thousands met.
    let (mut only_dot, mut only_comma, mut both) = (0usize, 0usize, 0usize);
    let mut groups_dot = [0usize; 4];
    let mut groups_comma = [0usize; 4];
    for raw in values {
        let Some(parts) = split(raw) else { continue };
        let dot = grouping_of(parts.core, '.');
        let comma = grouping_of(parts.core, ',');
        match (dot, comma) {
            (Some(_), None) => only_dot += 1,
            (None, Some(_)) => only_comma += 1,
            (Some(_), Some(_)) => both += 1,
            (None, None) => {}
        }
        if let Some(Some(g)) = dot {
            groups_dot[group_slot(g)] += 1;
        }
        if let Some(Some(g)) = comma {
            groups_comma[group_slot(g)] += 1;
        }
    }

    // Choose the mark, then the most frequent separator under it.
    let (mark, ambiguous) = if only_dot == 0 && only_comma == 0 {
        (fallback, both > 0)
    } else if only_comma > only_dot {
        (',', false)
    } else if only_dot > only_comma {
        ('.', false)
    } else {
        (fallback, true)
    };
    let counts = if mark == ',' { groups_comma } else { groups_dot };
    let best = (0..4).max_by_key(|&i| (counts[i], 4 - i)).filter(|&i| counts[i] > 0);
    NumberFormat { decimal_mark: mark, grouping: best.map(|i| SLOT_CHARS[i]), ambiguous }
}

/// Tells whether `raw` reads as an amount under either decimal mark (used to find which
/// columns hold numbers).
pub fn looks_like_amount(raw: &str) -> bool {
    split(raw)
        .is_some_and(|p| grouping_of(p.core, '.').is_some() || grouping_of(p.core, ',').is_some())
}

const SLOT_CHARS: [char; 4] = [' ', '.', ',', '\''];

fn group_slot(g: char) -> usize {
    match g {
        '.' => 1,
        ',' => 2,
        '\'' => 3,
        _ => 0,
    }
}

/// Writes `value` for a reader: French `1 234,56` (narrow no-break space between thousands),
/// English `1,234.56`. At least two decimals, never rounded.
pub fn format_amount(value: Decimal, lang: Lang) -> String {
    // Start from the plain text, then group the integer part.
    let text = plain(value);
    let (sign, unsigned) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let (group, mark) = match lang {
        Lang::Fr => ('\u{202F}', ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::with_capacity(text.len() + int.len() / 3 + 1);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    out.push(mark);
    out.push_str(frac);
    out
}

/// The value with a dot and at least two decimals, trailing zeros beyond two dropped, never
/// rounded: `1234.5` gives `1234.50`, `0.001` gives `0.001`, `1200.000` gives `1200.00`.
pub fn plain(value: Decimal) -> String {
    let mut text = value.normalize().to_string();
    match text.find('.') {
        None => text.push_str(".00"),
        Some(dot) if text.len() - dot == 2 => text.push('0'),
        Some(_) => {}
    }
    text
}

/// Reads digits already in canonical form (`-1234.50`, as an f64 prints or an exact decimal
/// text) without rounding.
pub fn parse_plain(text: &str) -> Result<Decimal, AmountError> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    if rest.is_empty() || !rest.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return Err(AmountError::NotAnAmount);
    }
    exact_digits(rest, '.', negative)
}

/// Splits the sign, parentheses and currency off an amount cell.
fn split(raw: &str) -> Option<Parts<'_>> {
    // Take signs, opening parentheses and currencies off the front.
    let mut s = raw.trim();
    let (mut minus, mut open, mut close) = (false, false, false);
    let mut currency: Option<Currency> = None;
    loop {
        if let Some(rest) = s.strip_prefix('(') {
            if open {
                return None;
            }
            open = true;
            s = rest.trim_start();
        } else if let Some(rest) = s.strip_prefix(['-', '\u{2212}']) {
            if minus {
                return None;
            }
            minus = true;
            s = rest.trim_start();
        } else if let Some(rest) = s.strip_prefix('+') {
            s = rest.trim_start();
        } else if let Some((code, rest)) = currency_prefix(s) {
            if currency.is_some_and(|c| c != code) {
                return None;
            }
            currency = Some(code);
            s = rest.trim_start();
        } else {
            break;
        }
    }

    // Take closing parentheses, trailing signs and currencies off the back.
    loop {
        if let Some(rest) = s.strip_suffix(')') {
            if !open || close {
                return None;
            }
            close = true;
            s = rest.trim_end();
        } else if let Some(rest) = s.strip_suffix(['-', '\u{2212}']) {
            if minus {
                return None;
            }
            minus = true;
            s = rest.trim_end();
        } else if let Some((code, rest)) = currency_suffix(s) {
            if currency.is_some_and(|c| c != code) {
                return None;
            }
            currency = Some(code);
            s = rest.trim_end();
        } else {
            break;
        }
    }
    if open != close || (open && minus) {
        return None;
    }

    // What is left must be digits and separators, with at least one digit.
    let allowed =
        |c: char| c.is_ascii_digit() || matches!(c, '.' | ',' | '\'') || c.is_whitespace();
    let fits = if s.is_ascii() {
        s.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'\'' | b' '))
    } else {
        s.chars().all(allowed)
    };
    if !fits || !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(Parts { negative: minus || open, currency, core: s })
}

/// Currency codes read before or after an amount, besides the `€ $ £` signs.
const CODES: [&str; 20] = [
    "EUR", "USD", "GBP", "CHF", "CAD", "AUD", "JPY", "CNY", "SEK", "NOK", "DKK", "PLN", "CZK",
    "XOF", "XPF", "MAD", "TND", "NZD", "HKD", "SGD",
];

fn currency_prefix(s: &str) -> Option<(Currency, &str)> {
    let first = s.chars().next()?;
    if let Some(code) = sign_currency(first) {
        return Some((code, &s[first.len_utf8()..]));
    }
    if !s.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let head = s.get(..3)?;
    let rest = &s[3..];
    if rest.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    known_code(head).map(|c| (c, rest))
}

fn currency_suffix(s: &str) -> Option<(Currency, &str)> {
    let last = s.chars().next_back()?;
    if let Some(code) = sign_currency(last) {
        return Some((code, &s[..s.len() - last.len_utf8()]));
    }
    if !s.as_bytes().last().is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let cut = s.len().checked_sub(3)?;
    let tail = s.get(cut..)?;
    let rest = &s[..cut];
    if rest.ends_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    known_code(tail).map(|c| (c, rest))
}

fn sign_currency(c: char) -> Option<Currency> {
    match c {
        '€' => Some(Currency::EUR),
        '$' => Some(Currency::USD),
        '£' => Some(Currency::GBP),
        _ => None,
    }
}

fn known_code(text: &str) -> Option<Currency> {
    CODES.iter().find(|c| c.eq_ignore_ascii_case(text)).and_then(|c| Currency::from_code(c))
}

/// The separator of thousands `core` uses when read with `mark` as the decimal mark:
/// `Some(None)` for none, `Some(Some(c))` for `c`, `None` when `core` does not fit `mark`.
fn grouping_of(core: &str, mark: char) -> Option<Option<char>> {
    let mut parts = core.splitn(3, mark);
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    if parts.next().is_some() {
        return None;
    }
    if let Some(frac) = frac {
        if frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    if int.is_empty() {
        return if frac.is_some() { Some(None) } else { None };
    }

    // The integer part: digits in groups of three after the first group of one to three.
    let mut group: Option<char> = None;
    let mut run = 0usize;
    let mut first = true;
    for c in int.chars() {
        if c.is_ascii_digit() {
            run += 1;
            continue;
        }
        let kind = if c.is_whitespace() { ' ' } else { c };
        if kind == mark || group.is_some_and(|g| g != kind) {
            return None;
        }
        group = Some(kind);
        if run == 0 || (first && run > 3) || (!first && run != 3) {
            return None;
        }
        first = false;
        run = 0;
    }
    if group.is_some() && run != 3 || run == 0 {
        return None;
    }
    Some(group)
}

/// The exact value of `core` read with `mark` as the decimal mark (grouping separators
/// skipped), built from its digits without a text copy; `NotAnAmount` when `core` does not fit
/// `mark`, `TooLarge` past 28 digits.
fn exact_digits(core: &str, mark: char, negative: bool) -> Result<Decimal, AmountError> {
    grouping_of(core, mark).ok_or(AmountError::NotAnAmount)?;
    let mut mantissa: i128 = 0;
    let mut scale: u32 = 0;
    let mut after_mark = false;
    for c in core.chars() {
        if let Some(digit) = c.to_digit(10) {
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(i128::from(digit)))
                .ok_or(AmountError::TooLarge)?;
            scale += u32::from(after_mark);
        } else if c == mark {
            after_mark = true;
        }
    }
    if negative {
        mantissa = -mantissa;
    }
    Decimal::try_from_i128_with_scale(mantissa, scale).map_err(|_| AmountError::TooLarge)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str_exact(text).unwrap()
    }

    fn fmt(mark: char) -> NumberFormat {
        NumberFormat { decimal_mark: mark, grouping: None, ambiguous: false }
    }

    fn check(raw: &str, mark: char, expected: Result<(&str, Option<Currency>), AmountError>) {
        let got = parse_amount(raw, fmt(mark));
        let want = expected.map(|(v, c)| Amount { value: d(v), currency: c });
        assert_eq!(got, want, "{raw:?} with mark {mark:?}");
        if let Ok(amount) = got {
            assert_eq!(amount.value.to_string(), want.unwrap().value.to_string(), "{raw:?} scale");
        }
    }

    #[test]
    fn amounts_that_read() {
        let eur = Some(Currency::EUR);
        let usd = Some(Currency::USD);
        let gbp = Some(Currency::GBP);
        let chf = Some(Currency::CHF);
        let table: &[(&str, char, &str, Option<Currency>)] = &[
            ("1234,56", ',', "1234.56", None),
            ("1 234,56", ',', "1234.56", None),
            ("1\u{A0}234,56", ',', "1234.56", None),
            ("12\u{202F}500,00\u{A0}€", ',', "12500.00", eur),
            ("1.234,56", ',', "1234.56", None),
            ("1.000", ',', "1000", None),
            ("5.000", ',', "5000", None),
            ("0", ',', "0", None),
            ("25.000,00", ',', "25000.00", None),
            ("1,234.56", '.', "1234.56", None),
            ("1234.5", '.', "1234.5", None),
            ("1.000", '.', "1.000", None),
            ("1 234 567.89", '.', "1234567.89", None),
            ("-12,50", ',', "-12.50", None),
            ("12,50-", ',', "-12.50", None),
            ("(12.50)", '.', "-12.50", None),
            ("($400.00)", '.', "-400.00", usd),
            ("$1,250.00 ", '.', "1250.00", usd),
            ("$ 300.00", '.', "300.00", usd),
            ("-$5", '.', "-5", usd),
            ("EUR 1.234,56", ',', "1234.56", eur),
            ("1 234,56 EUR", ',', "1234.56", eur),
            ("1234,56eur", ',', "1234.56", eur),
            ("£12.00", '.', "12.00", gbp),
            ("CHF 1'234.50", '.', "1234.50", chf),
            ("1 500,00", ',', "1500.00", None),
            (",5", ',', "0.5", None),
            ("0000123", '.', "123", None),
            ("+7", '.', "7", None),
            ("0,001", ',', "0.001", None),
        ];
        for &(raw, mark, value, currency) in table {
            check(raw, mark, Ok((value, currency)));
        }
    }

    #[test]
    fn amounts_that_do_not_read() {
        let table: &[(&str, char, AmountError)] = &[
            ("", ',', AmountError::Empty),
            ("   ", '.', AmountError::Empty),
            ("abc", '.', AmountError::NotAnAmount),
            ("1,2,3", '.', AmountError::NotAnAmount),
            ("1,2,3", ',', AmountError::NotAnAmount),
            ("12.34.56", '.', AmountError::NotAnAmount),
            ("12.34.56", ',', AmountError::NotAnAmount),
            ("1.234,56", '.', AmountError::NotAnAmount),
            ("1,234.56", ',', AmountError::NotAnAmount),
            ("1234.5", ',', AmountError::NotAnAmount),
            ("1 23,00", ',', AmountError::NotAnAmount),
            ("1.234 567,00", ',', AmountError::NotAnAmount),
            ("12,", ',', AmountError::NotAnAmount),
            ("1_000", '.', AmountError::NotAnAmount),
            ("1e5", '.', AmountError::NotAnAmount),
            ("(12.50", '.', AmountError::NotAnAmount),
            ("-(12.50)", '.', AmountError::NotAnAmount),
            ("--5", '.', AmountError::NotAnAmount),
            ("€ $ 5", '.', AmountError::NotAnAmount),
            ("5 EURO", '.', AmountError::NotAnAmount),
            ("99999999999999999999999999999999", '.', AmountError::TooLarge),
        ];
        for &(raw, mark, error) in table {
            assert_eq!(parse_amount(raw, fmt(mark)), Err(error), "{raw:?} with mark {mark:?}");
        }
    }

    #[test]
    fn column_formats() {
        fn check_column(values: &[&str], fallback: char, mark: char, grouping: Option<char>) {
            let got = infer_format(values.iter().copied(), fallback);
            assert_eq!((got.decimal_mark, got.grouping), (mark, grouping), "{values:?}");
        }
        check_column(&["1.000", "1.111,11", "25.000,00"], '.', ',', Some('.'));
        check_column(&["0", "0", "5.000"], ',', ',', Some('.'));
        check_column(&["1,020.00", "25,000.00", "980.00"], ',', '.', Some(','));
        check_column(&["1\u{A0}234,56 €", "12\u{202F}500,00 €"], '.', ',', Some(' '));
        check_column(&["1200.00", "450.50"], ',', '.', None);
        check_column(&["1234", "12"], ',', ',', None);
        let ambiguous = infer_format(["1.000"].into_iter(), ',');
        assert!(ambiguous.ambiguous);
        let clear = infer_format(["1,5"].into_iter(), '.');
        assert!(!clear.ambiguous);
    }

    #[test]
    fn plain_and_formatted() {
        let table: &[(&str, &str, &str, &str)] = &[
            ("1234.5", "1234.50", "1\u{202F}234,50", "1,234.50"),
            ("0.001", "0.001", "0,001", "0.001"),
            ("1200.000", "1200.00", "1\u{202F}200,00", "1,200.00"),
            ("-1234567.8", "-1234567.80", "-1\u{202F}234\u{202F}567,80", "-1,234,567.80"),
            ("0", "0.00", "0,00", "0.00"),
            ("999", "999.00", "999,00", "999.00"),
        ];
        for &(value, want_plain, want_fr, want_en) in table {
            assert_eq!(plain(d(value)), want_plain);
            assert_eq!(format_amount(d(value), Lang::Fr), want_fr);
            assert_eq!(format_amount(d(value), Lang::En), want_en);
        }
    }

    #[test]
    fn plain_digits() {
        assert_eq!(parse_plain("1234.5"), Ok(d("1234.5")));
        assert_eq!(parse_plain("-0.3"), Ok(d("-0.3")));
        assert_eq!(parse_plain("1e5"), Err(AmountError::NotAnAmount));
        assert_eq!(parse_plain(""), Err(AmountError::NotAnAmount));
    }

    #[test]
    fn examples() {
        assert_eq!(NumberFormat::COMMA.example(), "1 234,56");
        assert_eq!(NumberFormat::DOT.example(), "1,234.56");
    }
}
