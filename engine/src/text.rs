//! Letter folding shared by header recognition, terms reading and client matching, so that
//! `Échéance`, `echeance` and `ÉCHÉANCE` compare equal everywhere.

/// Strips the accent of a lowercase Latin-1 or Latin Extended-A letter; `œ`, `æ` and `ß` give
/// two letters; a typographic apostrophe gives a straight one.
pub fn fold_letter(c: char) -> (char, Option<char>) {
    let one = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ł' | 'ľ' | 'ĺ' | 'ļ' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' => 's',
        'ţ' | 'ť' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'œ' => return ('o', Some('e')),
        'æ' => return ('a', Some('e')),
        'ß' => return ('s', Some('s')),
        '\u{2019}' | '\u{02BC}' => '\'',
        other => other,
    };
    (one, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_letters() {
        let check = |c: char, expected: (char, Option<char>)| assert_eq!(fold_letter(c), expected);
        check('é', ('e', None));
        check('ç', ('c', None));
        check('œ', ('o', Some('e')));
        check('\u{2019}', ('\'', None));
        check('x', ('x', None));
        check('É', ('É', None));
    }
}
