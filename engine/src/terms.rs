//! Payment terms: reading them as written (`45 jours fin de mois`, `Net 30`, `à réception`) and
//! turning them into a due date, with both readings of "end of month" and the legal caps of the
//! French Code de commerce (article L441-10).

use crate::aging::EndOfMonthMethod;
use crate::lang::Lang;
use crate::ledger::Terms;
use chrono::{Datelike, Days, NaiveDate};

/// The longest term the law allows from the invoice date (Code de commerce L441-10).
pub const LEGAL_CAP_NET_DAYS: u16 = 60;
/// The longest "end of month" term the law allows (Code de commerce L441-10).
pub const LEGAL_CAP_END_OF_MONTH_DAYS: u16 = 45;
/// The legal default when nothing was agreed: 30 days after receipt of the goods or service.
pub const LEGAL_DEFAULT_DAYS: u16 = 30;

/// Terms text that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "expected payment terms like \"30 jours\", \"45 jours fin de mois\", \"net 30\" or \
     \"à réception\", found \"{raw}\""
)]
pub struct TermsError {
    /// The text as written in the file.
    pub raw: String,
}

impl TermsError {
    /// The message shown to the user, in their language.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Fr => format!(
                "conditions de paiement attendues comme « 30 jours », « 45 jours fin de mois \
                 », « net 30 » ou « à réception », trouvé « {} »",
                self.raw
            ),
        }
    }
}

/// Words that say "due on the issue date", once accents are folded and case lowered.
const ON_RECEIPT: &[&str] = &[
    "a reception",
    "reception",
    "des reception",
    "payable a reception",
    "paiement a reception",
    "reception de facture",
    "a reception de facture",
    "comptant",
    "payable comptant",
    "paiement comptant",
    "au comptant",
    "immediat",
    "paiement immediat",
    "due on receipt",
    "upon receipt",
    "on receipt",
    "payable on receipt",
    "due upon receipt",
    "receipt",
    "immediate",
    "immediately",
    "cash",
];

/// Words around the number of days that add nothing to its meaning.
const FILLER: &[&str] =
    &["net", "nets", "nett", "jours", "jour", "j", "days", "day", "d", "date", "de", "facture"];

/// Reads payment terms as people write them, in French or English, any case, with or without
/// accents.
///
/// - `30`, `30 jours`, `30 j`, `30j`, `net 30`, `Net 30`, `30 days`, `30 jours nets`:
///   [`Terms::Net`] of 30 days;
/// - `45 jours fin de mois`, `45 j FDM`, `45 days end of month`, `net 45 EOM`, `fin de mois`:
///   [`Terms::EndOfMonth`] (0 days for a bare `fin de mois`);
/// - `30 jours fin de mois le 10`, `fin de mois le 10`, `le 10`: the same with a day of the
///   month (`le 10` alone is `fin de mois le 10`);
/// - `à réception`, `a reception`, `comptant`, `due on receipt`, `upon receipt`, `immediate`:
///   [`Terms::OnReceipt`].
///
/// Anything else, such as `2/10 net 30` or `le 32`, is an error quoting the text.
pub fn parse_terms(text: &str) -> Result<Terms, TermsError> {
    let error = || TermsError { raw: text.to_owned() };

    // Fold case and accents, and split into words, cutting `30j` into `30` and `j`.
    let words = words_of(text);
    if words.is_empty() {
        return Err(error());
    }
    let joined = words.join(" ");
    if ON_RECEIPT.contains(&joined.as_str()) {
        return Ok(Terms::OnReceipt);
    }

    // Take off a final `le 10`: the day of the month the payment falls on.
    let mut rest: &[String] = &words;
    let mut day_of_month = None;
    if let [head @ .., le, day] = rest {
        if le == "le" {
            let day: u8 = day.parse().map_err(|_| error())?;
            if !(1..=31).contains(&day) {
                return Err(error());
            }
            day_of_month = Some(day);
            rest = head;
        }
    }

    // Take off the end-of-month marker, wherever it stands.
    let mut end_of_month = false;
    let mut kept: Vec<&str> = Vec::with_capacity(rest.len());
    let mut i = 0;
    while i < rest.len() {
        let word = rest[i].as_str();
        let next = |k: usize| rest.get(i + k).map(String::as_str);
        if word == "fdm" || word == "eom" {
            end_of_month = true;
            i += 1;
        } else if (word == "fin" && next(1) == Some("de") && next(2) == Some("mois"))
            || (word == "end" && next(1) == Some("of") && next(2) == Some("month"))
        {
            end_of_month = true;
            i += 3;
        } else if word == "end" && next(1) == Some("of") && next(2) == Some("the") {
            end_of_month = next(3) == Some("month");
            if !end_of_month {
                return Err(error());
            }
            i += 4;
        } else {
            kept.push(word);
            i += 1;
        }
    }

    // What is left is one number of days among filler words, or nothing at all before a
    // `fin de mois` or a `le 10`.
    let mut days: Option<u16> = None;
    for word in kept {
        if word.bytes().all(|b| b.is_ascii_digit()) {
            if days.is_some() {
                return Err(error());
            }
            days = Some(word.parse().map_err(|_| error())?);
        } else if !FILLER.contains(&word) {
            return Err(error());
        }
    }
    match (days, end_of_month || day_of_month.is_some()) {
        (Some(days), false) => Ok(Terms::Net { days }),
        (days, true) => Ok(Terms::EndOfMonth { days: days.unwrap_or(0), day_of_month }),
        (None, false) => Err(error()),
    }
}

/// Lower-cased, accent-free words of `text`; a number glued to letters (`30j`) is cut in two.
fn words_of(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut last_digit = None;
    for c in text.chars().flat_map(char::to_lowercase) {
        // Terms have no œ or æ, so the first letter of a fold is enough.
        let c = crate::text::fold_letter(c).0;
        if !c.is_alphanumeric() {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            last_digit = None;
            continue;
        }
        let digit = c.is_ascii_digit();
        if last_digit.is_some_and(|d| d != digit) && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        word.push(c);
        last_digit = Some(digit);
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// The last day of the month of `date`: `2024-02-10` gives `2024-02-29`.
pub fn end_of_month(date: NaiveDate) -> NaiveDate {
    let days = days_in_month(date.year(), date.month());
    // The day is between 28 and 31 and exists in that month by construction.
    date.with_day(days).expect("the last day of a month exists")
}

/// The number of days of a month, leap years included.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    let (next_year, next_month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    match NaiveDate::from_ymd_opt(next_year, next_month, 1).and_then(|d| d.pred_opt()) {
        Some(last) => last.day(),
        None => 31,
    }
}

/// The due date of an invoice issued on `issue` with `terms`.
///
/// - net: issue date + N days (`2024-01-31`, 30 days: `2024-03-01`, a leap year);
/// - on receipt: the issue date;
/// - end of month, method A ([`EndOfMonthMethod::AddDaysThenEndOfMonth`], the default): issue
///   date + N days, then the end of that month (`2025-01-31`, 30 days end of month: 2 March,
///   then `2025-03-31`);
/// - end of month, method B ([`EndOfMonthMethod::EndOfMonthThenAddDays`]): the end of the
///   issue month, then + N days (`2025-01-31`, 30 days: `2025-03-02`);
/// - `le 10`: the first 10th of a month on or after the date the end-of-month rule gives.
///   With method A that date is a month end, so it is the 10th of the next month
///   (`2025-01-15`, `fin de mois le 10`: `2025-02-10`); with method B it can be the same month
///   (`2025-01-31`, `30 jours fin de mois le 10` gives 2 March, then `2025-03-10`). A day
///   beyond the month's length is the month's last day (`le 31` in February: the 28th or
///   29th).
///
/// `None` only when the date would leave the calendar.
pub fn due_date(issue: NaiveDate, terms: &Terms, method: EndOfMonthMethod) -> Option<NaiveDate> {
    match *terms {
        Terms::Net { days } => issue.checked_add_days(Days::new(u64::from(days))),
        Terms::OnReceipt => Some(issue),
        Terms::EndOfMonth { days, day_of_month } => {
            let days = Days::new(u64::from(days));
            let base = match method {
                EndOfMonthMethod::AddDaysThenEndOfMonth => {
                    end_of_month(issue.checked_add_days(days)?)
                }
                EndOfMonthMethod::EndOfMonthThenAddDays => {
                    end_of_month(issue).checked_add_days(days)?
                }
            };
            match day_of_month {
                None => Some(base),
                Some(day) => next_day_of_month(base, day),
            }
        }
    }
}

/// The first date on or after `from` whose day is `day`, or the month's last day when the
/// month is shorter.
fn next_day_of_month(from: NaiveDate, day: u8) -> Option<NaiveDate> {
    let in_month = |year: i32, month: u32| {
        let day = u32::from(day).min(days_in_month(year, month));
        NaiveDate::from_ymd_opt(year, month, day)
    };
    let same = in_month(from.year(), from.month())?;
    if same >= from {
        return Some(same);
    }
    let (year, month) =
        if from.month() == 12 { (from.year() + 1, 1) } else { (from.year(), from.month() + 1) };
    in_month(year, month)
}

/// Whether agreed terms go beyond the legal cap of Code de commerce L441-10: more than 60
/// days from the invoice date, or more than 45 days end of month. A `le D` day moves the date
/// D days past a month end, so it counts against the 45 days: `30 jours fin de mois le 10` is
/// within the cap (40), `45 jours fin de mois le 10` is not (55). `75 jours` is over,
/// `60 jours`, `45 jours fin de mois` and `à réception` are not. The terms are flagged, never
/// changed.
pub fn exceeds_legal_cap(terms: &Terms) -> bool {
    match *terms {
        Terms::Net { days } => days > LEGAL_CAP_NET_DAYS,
        Terms::EndOfMonth { days, day_of_month: None } => days > LEGAL_CAP_END_OF_MONTH_DAYS,
        Terms::EndOfMonth { days, day_of_month: Some(day) } => {
            u32::from(days) + u32::from(day) > u32::from(LEGAL_CAP_END_OF_MONTH_DAYS)
        }
        Terms::OnReceipt => false,
    }
}

/// The terms written back in words, for warnings: `45 days end of month the 10th`.
pub fn describe(terms: &Terms, lang: Lang) -> String {
    match (terms, lang) {
        (Terms::Net { days }, Lang::Fr) => format!("{days} jours"),
        (Terms::Net { days }, Lang::En) => format!("{days} days"),
        (Terms::OnReceipt, Lang::Fr) => "à réception".to_owned(),
        (Terms::OnReceipt, Lang::En) => "on receipt".to_owned(),
        (Terms::EndOfMonth { days, day_of_month }, Lang::Fr) => {
            let mut text = match days {
                0 => "fin de mois".to_owned(),
                _ => format!("{days} jours fin de mois"),
            };
            if let Some(day) = day_of_month {
                text.push_str(&format!(" le {day}"));
            }
            text
        }
        (Terms::EndOfMonth { days, day_of_month }, Lang::En) => {
            let mut text = match days {
                0 => "end of month".to_owned(),
                _ => format!("{days} days end of month"),
            };
            if let Some(day) = day_of_month {
                text.push_str(&format!(" on day {day}"));
            }
            text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EndOfMonthMethod::{AddDaysThenEndOfMonth as A, EndOfMonthThenAddDays as B};

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn net(days: u16) -> Terms {
        Terms::Net { days }
    }

    fn eom(days: u16, day_of_month: Option<u8>) -> Terms {
        Terms::EndOfMonth { days, day_of_month }
    }

    #[test]
    fn reads_terms() {
        #[track_caller]
        fn check(text: &str, expected: Terms) {
            assert_eq!(parse_terms(text), Ok(expected), "{text:?}");
        }
        check("30", net(30));
        check("30 jours", net(30));
        check("30 j", net(30));
        check("30j", net(30));
        check("Net 30", net(30));
        check("net30", net(30));
        check("30 days", net(30));
        check("30 jours nets", net(30));
        check("60 jours date de facture", net(60));
        check("  45 JOURS  ", net(45));
        check("0", net(0));
        check("30 jours fin de mois", eom(30, None));
        check("45 jours fin de mois", eom(45, None));
        check("45 days end of month", eom(45, None));
        check("45 days end of the month", eom(45, None));
        check("45 j FDM", eom(45, None));
        check("45j fdm", eom(45, None));
        check("Net 30 EOM", eom(30, None));
        check("fin de mois", eom(0, None));
        check("Fin de mois le 10", eom(0, Some(10)));
        check("30 jours fin de mois le 10", eom(30, Some(10)));
        check("le 10", eom(0, Some(10)));
        check("45 jours fin de mois le 15", eom(45, Some(15)));
        check("à réception", Terms::OnReceipt);
        check("A RECEPTION", Terms::OnReceipt);
        check("a reception", Terms::OnReceipt);
        check("À réception de facture", Terms::OnReceipt);
        check("comptant", Terms::OnReceipt);
        check("Due on receipt", Terms::OnReceipt);
        check("upon receipt", Terms::OnReceipt);
        check("Immediate", Terms::OnReceipt);
    }

    #[test]
    fn rejects_what_it_cannot_read() {
        #[track_caller]
        fn check(text: &str) {
            assert_eq!(parse_terms(text), Err(TermsError { raw: text.to_owned() }), "{text:?}");
        }
        check("");
        check("   ");
        check("2/10 net 30");
        check("30 60");
        check("trente jours");
        check("le 32");
        check("le 0");
        check("net");
        check("30 jours fin");
        check("99999 jours");
        check("end of the year");
    }

    #[test]
    fn terms_error_wording() {
        let error = parse_terms("2/10 net 30").unwrap_err();
        insta::assert_snapshot!("terms_error_en", error.message(Lang::En));
        insta::assert_snapshot!("terms_error_fr", error.message(Lang::Fr));
    }

    #[test]
    fn due_dates() {
        #[track_caller]
        fn check(issue: &str, terms: Terms, method: EndOfMonthMethod, expected: &str) {
            assert_eq!(due_date(date(issue), &terms, method), Some(date(expected)), "{terms:?}");
        }
        // Net: calendar days, across a leap day and month ends.
        check("2024-01-31", net(30), A, "2024-03-01");
        check("2023-01-31", net(30), A, "2023-03-02");
        check("2024-02-29", net(30), A, "2024-03-30");
        check("2024-12-15", net(30), A, "2025-01-14");
        check("2024-03-31", net(0), B, "2024-03-31");
        check("2025-01-15", net(60), A, "2025-03-16");
        check("2026-01-10", Terms::OnReceipt, A, "2026-01-10");
        // End of month, method A (the shared case 24): issue + N, then the end of that month.
        check("2025-01-31", eom(30, None), A, "2025-03-31");
        check("2025-02-14", eom(45, None), A, "2025-03-31");
        check("2025-03-15", eom(30, None), A, "2025-04-30");
        check("2024-01-30", eom(30, None), A, "2024-02-29");
        check("2024-01-31", eom(30, None), A, "2024-03-31");
        check("2024-12-20", eom(45, None), A, "2025-02-28");
        // End of month, method B: the end of the issue month, then + N.
        check("2025-01-31", eom(30, None), B, "2025-03-02");
        check("2025-02-14", eom(45, None), B, "2025-04-14");
        check("2025-03-15", eom(30, None), B, "2025-04-30");
        check("2024-01-15", eom(30, None), B, "2024-03-01");
        check("2024-02-10", eom(0, None), B, "2024-02-29");
        check("2024-02-10", eom(0, None), A, "2024-02-29");
        // `le 10`: the first 10th on or after the end-of-month date.
        check("2025-01-15", eom(0, Some(10)), A, "2025-02-10");
        check("2025-01-15", eom(0, Some(10)), B, "2025-02-10");
        check("2025-01-15", eom(30, Some(10)), A, "2025-03-10");
        check("2025-01-31", eom(30, Some(10)), B, "2025-03-10");
        check("2025-01-25", eom(30, Some(10)), B, "2025-03-10");
        check("2025-12-05", eom(30, Some(10)), A, "2026-02-10");
        check("2024-01-10", eom(0, Some(31)), A, "2024-01-31");
        check("2024-01-31", eom(0, Some(30)), A, "2024-02-29");
    }

    #[test]
    fn date_out_of_the_calendar_is_none() {
        assert_eq!(due_date(NaiveDate::MAX, &net(1), A), None);
        assert_eq!(due_date(NaiveDate::MAX, &eom(1, None), B), None);
    }

    #[test]
    fn month_lengths() {
        #[track_caller]
        fn check(year: i32, month: u32, expected: u32) {
            assert_eq!(days_in_month(year, month), expected, "{year}-{month}");
        }
        check(2024, 2, 29);
        check(2023, 2, 28);
        check(1900, 2, 28);
        check(2000, 2, 29);
        check(2024, 4, 30);
        check(2024, 12, 31);
        check(2024, 1, 31);
    }

    #[test]
    fn legal_caps() {
        #[track_caller]
        fn check(terms: Terms, expected: bool) {
            assert_eq!(exceeds_legal_cap(&terms), expected, "{terms:?}");
        }
        check(net(60), false);
        check(net(61), true);
        check(net(75), true);
        check(eom(45, None), false);
        check(eom(46, None), true);
        check(eom(60, None), true);
        check(eom(0, Some(10)), false);
        check(eom(30, Some(10)), false);
        check(eom(30, Some(15)), false);
        check(eom(30, Some(16)), true);
        check(eom(45, Some(10)), true);
        check(Terms::OnReceipt, false);
    }

    #[test]
    fn described() {
        assert_eq!(describe(&eom(45, Some(10)), Lang::Fr), "45 jours fin de mois le 10");
        assert_eq!(describe(&eom(0, None), Lang::En), "end of month");
        assert_eq!(describe(&net(30), Lang::En), "30 days");
    }
}
