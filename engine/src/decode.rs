//! From file bytes to text: byte order marks, UTF-8, UTF-16, Windows-1252 and the other
//! legacy encodings chardetng can tell apart, and the sniffing of files that are not text.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};

/// A decoded file, with the encoding that was used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding_rs name: `UTF-8`, `windows-1252`, `UTF-16LE`...
    pub encoding: &'static str,
    /// True when the file started with a byte order mark (removed from `text`).
    pub bom: bool,
}

/// What the first bytes of a file say it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sniff {
    Text,
    /// A zip (xlsx, ods) or OLE (xls) container.
    Workbook,
    /// An image, a PDF or other bytes that are not text.
    Binary,
}

/// Looks at the first bytes: workbook containers, known binary formats, and bytes that no
/// text file holds (NUL, or many control characters).
pub fn sniff(bytes: &[u8]) -> Sniff {
    // Containers and well-known binary signatures.
    const ZIP: &[u8] = b"PK\x03\x04";
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    const BINARY: [&[u8]; 6] =
        [b"\x89PNG", &[0xFF, 0xD8, 0xFF], b"GIF8", b"%PDF", b"\x1F\x8B", b"RIFF"];
    if bytes.starts_with(ZIP) || bytes.starts_with(OLE) {
        return Sniff::Workbook;
    }
    if BINARY.iter().any(|magic| bytes.starts_with(magic)) {
        return Sniff::Binary;
    }

    // UTF-16 text has NUL bytes of its own: trust its byte order mark.
    if Encoding::for_bom(bytes).is_some_and(|(enc, _)| enc != UTF_8) {
        return Sniff::Text;
    }
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F)
        .count();
    if head.contains(&0) || controls * 20 > head.len() {
        return Sniff::Binary;
    }
    Sniff::Text
}

/// Decodes `bytes`: with `label` (an encoding name such as `windows-1252`) when the user chose
/// one, else by the byte order mark, else UTF-8 when the bytes are valid UTF-8, else the
/// encoding chardetng guesses for a French file. Bytes that do not fit become U+FFFD.
pub fn decode(bytes: &[u8], label: Option<&str>) -> Decoded {
    // A byte order mark names the encoding and is dropped.
    let chosen = label.and_then(|l| Encoding::for_label(l.trim().as_bytes()));
    let bom = Encoding::for_bom(bytes);
    let (body, bom_found) = match bom {
        Some((_, len)) => (&bytes[len..], true),
        None => (bytes, false),
    };
    let encoding = match (chosen, bom) {
        (Some(enc), _) => enc,
        (None, Some((enc, _))) => enc,
        (None, None) if std::str::from_utf8(body).is_ok() => UTF_8,
        (None, None) => {
            let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
            detector.feed(body, true);
            detector.guess(Some(b"fr"), Utf8Detection::Allow)
        }
    };

    // Decode without a second look at the mark.
    let (text, _) = encoding.decode_without_bom_handling(body);
    Decoded { text: text.into_owned(), encoding: encoding.name(), bom: bom_found }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], label: Option<&str>, text: &str, encoding: &str, bom: bool) {
        let got = decode(bytes, label);
        assert_eq!((got.text.as_str(), got.encoding, got.bom), (text, encoding, bom), "{bytes:?}");
    }

    #[test]
    fn encodings() {
        check(b"\xEF\xBB\xBFinvoice", None, "invoice", "UTF-8", true);
        check("Échéance".as_bytes(), None, "Échéance", "UTF-8", false);
        check(
            b"\xC9ch\xE9ance;B\x9Cuf;L\x92H\xF4tel",
            None,
            "Échéance;Bœuf;L’Hôtel",
            "windows-1252",
            false,
        );
        check(b"\xFF\xFEa\x00\xE9\x00", None, "aé", "UTF-16LE", true);
        check(b"\xFE\xFF\x00a\x00\xE9", None, "aé", "UTF-16BE", true);
        check(b"caf\xE9", Some("iso-8859-1"), "café", "windows-1252", false);
        check("café".as_bytes(), Some("windows-1252"), "cafÃ©", "windows-1252", false);
        check(b"", None, "", "UTF-8", false);
    }

    #[test]
    fn sniffing() {
        let table: &[(&[u8], Sniff)] = &[
            (b"a;b\r\n1;2\r\n", Sniff::Text),
            (b"\x89PNG\r\n\x1a\n\0\0\0", Sniff::Binary),
            (b"PK\x03\x04rest", Sniff::Workbook),
            (&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0], Sniff::Workbook),
            (b"\xFF\xFEa\x00", Sniff::Text),
            (b"abc\0def", Sniff::Binary),
            (b"\x01\x02\x03\x04abc", Sniff::Binary),
            (b"caf\xE9;1", Sniff::Text),
        ];
        for &(bytes, want) in table {
            assert_eq!(sniff(bytes), want, "{bytes:?}");
        }
    }
}
