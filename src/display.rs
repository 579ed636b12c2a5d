//! How figures read on screen: amounts with their currency, dates and percentages, per
//! language. Amount digits come from the engine's `money::format_amount`.

use chrono::NaiveDate;
use encours_engine::lang::Lang;
use encours_engine::ledger::Currency;
use encours_engine::money;
use rust_decimal::Decimal;

/// `1 234,56 €` in French, `€1,234.56` in English; codes without a sign stay as codes.
pub fn amount(value: Decimal, currency: Currency, lang: Lang) -> String {
    let digits = money::format_amount(value, lang);
    let sign = match currency.code() {
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        code => code,
    };
    match lang {
        Lang::Fr => format!("{digits}\u{a0}{sign}"),
        Lang::En if sign.chars().count() == 3 => format!("{sign}\u{a0}{digits}"),
        Lang::En => match digits.strip_prefix('-') {
            Some(unsigned) => format!("-{sign}{unsigned}"),
            None => format!("{sign}{digits}"),
        },
    }
}

/// The machine value of an amount for `data-value`: `5119.85`.
pub fn plain(value: Decimal) -> String {
    money::plain(value)
}

/// `31/01/2025` in French, `2025-01-31` in English.
pub fn date(value: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fr => value.format("%d/%m/%Y").to_string(),
        Lang::En => value.format("%Y-%m-%d").to_string(),
    }
}

/// `12,5 %` in French, `12.5%` in English.
pub fn percent(value: Decimal, lang: Lang) -> String {
    let text = value.normalize().to_string();
    match lang {
        Lang::Fr => format!("{}\u{a0}%", text.replace('.', ",")),
        Lang::En => format!("{text}%"),
    }
}

/// A number of days, decimals kept as computed: `42,5 j` / `42.5 days`.
pub fn days(value: Decimal, lang: Lang) -> String {
    let text = value.normalize().to_string();
    match lang {
        Lang::Fr => format!("{}\u{a0}j", text.replace('.', ",")),
        Lang::En => format!("{text} days"),
    }
}

/// A whole count with grouped thousands: `1 234` / `1,234`.
pub fn count(value: usize, lang: Lang) -> String {
    let digits = value.to_string();
    let group = match lang {
        Lang::Fr => '\u{202f}',
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(value: &str, currency: Currency, lang: Lang, expected: &str) {
        let value = Decimal::from_str_exact(value).expect("test amounts are valid");
        assert_eq!(amount(value, currency, lang), expected);
    }

    #[test]
    fn amounts() {
        check("1234.56", Currency::EUR, Lang::Fr, "1\u{202f}234,56\u{a0}€");
        check("1234.56", Currency::EUR, Lang::En, "€1,234.56");
        check("-350", Currency::USD, Lang::En, "-$350.00");
        check("10.5", Currency::CHF, Lang::En, "CHF\u{a0}10.50");
        check("10.5", Currency::CHF, Lang::Fr, "10,50\u{a0}CHF");
    }

    #[test]
    fn dates_and_counts() {
        let day = NaiveDate::from_ymd_opt(2025, 1, 31).expect("a valid date");
        assert_eq!(date(day, Lang::Fr), "31/01/2025");
        assert_eq!(date(day, Lang::En), "2025-01-31");
        assert_eq!(count(1234567, Lang::En), "1,234,567");
        assert_eq!(count(12, Lang::Fr), "12");
        assert_eq!(percent(Decimal::new(125, 1), Lang::Fr), "12,5\u{a0}%");
    }
}
