//! From text to rows of cells: the delimiter, quoting, line ends and the physical line number
//! of every record, so that errors point at the line a text editor shows.

use csv::StringRecord;

/// Every record of a file in one text buffer, blank and delimiter-only lines left out: no
/// allocation per row, so a million rows cost their bytes and a few integers each.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    text: String,
    /// Where each cell ends in `text`; a cell starts where the previous one ended.
    ends: Vec<usize>,
    /// Per record: its physical line, its first cell in `ends` and its number of cells.
    spans: Vec<(u32, usize, usize)>,
}

impl Table {
    /// Adds a record that starts on `line`.
    pub fn push<'c>(&mut self, line: u32, cells: impl Iterator<Item = &'c str>) {
        let first = self.ends.len();
        for cell in cells {
            self.text.push_str(cell);
            self.ends.push(self.text.len());
        }
        self.spans.push((line, first, self.ends.len() - first));
    }

    /// The records, in file order.
    pub fn rows(&self) -> Vec<Row<'_>> {
        self.spans
            .iter()
            .map(|&(line, first, count)| Row { line, table: self, first, count })
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}

/// One record of a [`Table`].
#[derive(Clone, Copy, Debug)]
pub struct Row<'a> {
    /// The physical line where the record starts, counted from 1.
    pub line: u32,
    table: &'a Table,
    first: usize,
    count: usize,
}

impl<'a> Row<'a> {
    /// The cell at `index`, or `""` past the end of a short row.
    pub fn cell(&self, index: usize) -> &'a str {
        if index >= self.count {
            return "";
        }
        let at = self.first + index;
        let start = if at == 0 { 0 } else { self.table.ends[at - 1] };
        self.table.text.get(start..self.table.ends[at]).unwrap_or("")
    }

    /// The cells in order.
    pub fn cells(&self) -> impl Iterator<Item = &'a str> + 'a {
        let row = *self;
        (0..row.count).map(move |i| row.cell(i))
    }

    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The text of all cells, end to end (for hashing; compare with [`Row::same_cells`]).
    pub fn joined(&self) -> &'a str {
        let start = if self.first == 0 { 0 } else { self.table.ends[self.first - 1] };
        let end =
            if self.count == 0 { start } else { self.table.ends[self.first + self.count - 1] };
        self.table.text.get(start..end).unwrap_or("")
    }

    /// True when both rows hold the same cells.
    pub fn same_cells(&self, other: &Row<'_>) -> bool {
        self.count == other.count && self.cells().eq(other.cells())
    }
}

/// The delimiters tried, in order of preference on a tie.
pub const DELIMITERS: [u8; 4] = [b';', b'\t', b'|', b','];

/// How many records the delimiter and header searches look at.
const SAMPLE: usize = 50;

/// Picks the delimiter whose records have the most consistent number of fields (quotes
/// respected), so the comma inside every French amount does not win over `;`.
pub fn detect_delimiter(text: &str) -> u8 {
    let mut best = (b',', 0usize, 0usize);
    for delimiter in DELIMITERS {
        // Count fields in the first records.
        let mut counts: Vec<usize> = Vec::with_capacity(SAMPLE);
        let mut reader = reader(text, delimiter);
        let mut record = StringRecord::new();
        while counts.len() < SAMPLE && matches!(reader.read_record(&mut record), Ok(true)) {
            if !is_blank(&record) || record.len() > 1 {
                counts.push(record.len());
            }
        }

        // Score: records with the most common count above one, then that count.
        let mut mode = (0usize, 0usize);
        for &n in counts.iter().filter(|&&n| n > 1) {
            let hits = counts.iter().filter(|&&m| m == n).count();
            if (hits, n) > mode {
                mode = (hits, n);
            }
        }
        if (mode.0, mode.1) > (best.1, best.2) {
            best = (delimiter, mode.0, mode.1);
        }
    }
    best.0
}

/// Reads every record of `text` with `delimiter`, skipping blank lines and lines made only of
/// delimiters. Stops early with the column count when a record has more than `max_columns`.
pub fn read_rows(text: &str, delimiter: u8, max_columns: usize) -> Result<Table, usize> {
    // A file with CR-only line ends is read as if they were LF.
    let normalised;
    let text = if text.contains('\r') && !text.contains('\n') {
        normalised = text.replace('\r', "\n");
        normalised.as_str()
    } else {
        text
    };

    // Read, keeping the physical line of each record.
    let mut table = Table::default();
    let mut reader = reader(text, delimiter);
    let mut record = StringRecord::new();
    let bytes = text.as_bytes();
    let (mut counted_to, mut line) = (0usize, 1u32);
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(_) => continue,
        }
        if record.len() > max_columns {
            return Err(record.len());
        }
        if is_blank(&record) {
            continue;
        }
        // The record starts after the line ends the reader left before it; count the line
        // feeds up to there, going on from the previous record.
        let mut start = record.position().map_or(0, |p| p.byte() as usize).min(bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start >= counted_to {
            let feeds = bytes[counted_to..start].iter().filter(|&&b| b == b'\n').count();
            line = line.saturating_add(u32::try_from(feeds).unwrap_or(u32::MAX));
            counted_to = start;
        }
        table.push(line, record.iter());
    }
    Ok(table)
}

/// True when every cell is empty or spaces.
pub fn is_blank(record: &StringRecord) -> bool {
    record.iter().all(|cell| cell.trim().is_empty())
}

fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters() {
        fn check(text: &str, want: u8) {
            assert_eq!(detect_delimiter(text) as char, want as char, "{text:?}");
        }
        check("a;b;c\n1,5;2,5;x\n3,0;4,0;y\n", b';');
        check("Facture;Montant;Réglé\nF1;1 500,00;0,00\nF2;320,00;0,00\n", b';');
        check("a,b,c\n1,2,3\n", b',');
        check("a\tb\tc\n1,5\t2\t3\n", b'\t');
        check("A|B|C\n1|2,5|3\n", b'|');
        check("\"x;y\",b,c\n1,2,3\n", b',');
        check("Title\n\na,b,c\n1,2,3\n4,5,6\n", b',');
        check("", b',');
    }

    #[test]
    fn rows_and_lines() {
        fn check(text: &str, delimiter: u8, want: &[(u32, &[&str])]) {
            let table = read_rows(text, delimiter, 1000).unwrap();
            let got: Vec<(u32, Vec<&str>)> =
                table.rows().iter().map(|r| (r.line, r.cells().collect())).collect();
            let want: Vec<(u32, Vec<&str>)> = want.iter().map(|(l, c)| (*l, c.to_vec())).collect();
            assert_eq!(got, want, "{text:?}");
        }
        check(
            "a,b\r\n1,2\r\n\r\n,\r\n3,4\r\n",
            b',',
            &[(1, &["a", "b"]), (2, &["1", "2"]), (5, &["3", "4"])],
        );
        check(
            "a,b\n\"x\ny\nz\",1\n2,3\n",
            b',',
            &[(1, &["a", "b"]), (2, &["x\ny\nz", "1"]), (5, &["2", "3"])],
        );
        check("a;b\r1;2\r3;4", b';', &[(1, &["a", "b"]), (2, &["1", "2"]), (3, &["3", "4"])]);
        check("a,\"say \"\"hi\"\"\"\n", b',', &[(1, &["a", "say \"hi\""])]);
        check(" ; \n;;\n", b';', &[]);
        assert_eq!(read_rows("a,b,c\n", b',', 2), Err(3));
    }
}
