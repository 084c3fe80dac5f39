//! Escaping user text for every export format, in one place.
//!
//! Notes and quotes are user text: a note that starts with `=` becomes a
//! formula in a spreadsheet, a quote with `<script>` becomes markup in an
//! HTML report, a `*` or `#` rewrites a Markdown document. Every export
//! writes user text only through these functions (and XML through
//! `export::xml`, where quick-xml escapes it), so the outputs are safe by
//! construction rather than by care at each call.

/// Characters that make a spreadsheet read a cell as a formula (OWASP's list,
/// with the full-width and small forms spreadsheets also accept).
const FORMULA_STARTS: &[char] = &[
    '=', '+', '-', '@', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫',
];

/// Chars a spreadsheet may skip before it looks for a formula: Unicode white
/// space (NBSP, U+3000 and the rest), control characters (tab, line breaks,
/// VT, FF) and invisible format characters (zero-width space, joiners,
/// word joiner, byte-order mark).
fn skipped_before_formula(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{00ad}' | '\u{180e}'
        )
}

/// A cell neutralised against formula injection: a cell whose first
/// non-space char could start a formula gets a leading `'`, which
/// spreadsheets show as text and do not evaluate.
fn neutralised(text: &str) -> std::borrow::Cow<'_, str> {
    // Tab and carriage return first are on OWASP's list themselves.
    if text.starts_with(['\t', '\r'])
        || text
            .trim_start_matches(skipped_before_formula)
            .starts_with(FORMULA_STARTS)
    {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// A CSV table (RFC 4180: quoted where needed, CRLF line ends) written by
/// the `csv` crate, every cell through the formula guard first.
pub struct Csv {
    writer: csv::Writer<Vec<u8>>,
}

impl Default for Csv {
    fn default() -> Self {
        let writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .quote_style(csv::QuoteStyle::Necessary)
            // Quote cells holding a semicolon too: spreadsheets in German
            // (and other) locales split CSV on it. The writer quotes every
            // cell holding its comment char.
            .comment(Some(b';'))
            .flexible(true)
            .from_writer(Vec::new());
        Self { writer }
    }
}

impl Csv {
    /// An empty table.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// A table that starts with a header row.
    #[must_use]
    pub fn with_header<S: AsRef<str>>(cells: &[S]) -> Self {
        let mut table = Self::new();
        table.row(cells);
        table
    }

    /// Adds one row.
    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) {
        let cells = cells.iter().map(|c| neutralised(c.as_ref()).into_owned());
        // Writing into memory cannot fail: csv's only errors are the
        // writer's I/O errors and (with `flexible`) none about row lengths.
        if let Err(err) = self.writer.write_record(cells) {
            unreachable!("CSV into memory: {err}");
        }
    }

    /// Adds a row of a numeric matrix: its label (guarded as any cell),
    /// then the numbers as they are (a negative number is a number here,
    /// not a formula to neutralise).
    pub fn labelled_numbers(&mut self, label: &str, numbers: &[i64]) {
        let mut cells = Vec::with_capacity(numbers.len() + 1);
        cells.push(neutralised(label).into_owned());
        cells.extend(numbers.iter().map(ToString::to_string));
        if let Err(err) = self.writer.write_record(cells) {
            unreachable!("CSV into memory: {err}");
        }
    }

    /// Adds a row of a matrix whose values are already written as numbers
    /// (`3`, `-2`, `0.3333333333333333`): its label guarded as any cell,
    /// the numbers as they are.
    pub fn labelled_values<S: AsRef<str>>(&mut self, label: &str, values: &[S]) {
        let mut cells = Vec::with_capacity(values.len() + 1);
        cells.push(neutralised(label).into_owned());
        cells.extend(values.iter().map(|v| v.as_ref().to_owned()));
        if let Err(err) = self.writer.write_record(cells) {
            unreachable!("CSV into memory: {err}");
        }
    }

    /// The table's text.
    #[must_use]
    pub fn finish(self) -> String {
        let bytes = match self.writer.into_inner() {
            Ok(bytes) => bytes,
            Err(err) => unreachable!("CSV into memory: {}", err.error()),
        };
        // Every cell was a `&str` and the writer adds only ASCII.
        String::from_utf8(bytes).unwrap_or_else(|err| unreachable!("CSV of strings: {err}"))
    }
}

/// One CSV cell (RFC 4180) as [`Csv`] writes it: neutralised against
/// formula injection, then quoted when it holds a comma, semicolon, quote or
/// line break (blanks at its edges are part of it, as RFC 4180 reads them,
/// and need no quotes).
#[must_use]
pub fn csv_cell(text: &str) -> String {
    let mut line = csv_line(&[text]);
    line.truncate(line.len() - 2);
    line
}

/// A CSV line from cells, ended with CRLF as RFC 4180 says.
#[must_use]
pub fn csv_line<S: AsRef<str>>(cells: &[S]) -> String {
    let mut table = Csv::new();
    table.row(cells);
    table.finish()
}

/// Text for HTML element content and attribute values.
#[must_use]
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Inline Markdown text: markup characters escaped, inline HTML defused,
/// line breaks kept as hard breaks so a note's lines stay lines. Lines after
/// a break begin a line of the document, so list and heading markers there
/// are escaped too; the first line continues what stands before it.
#[must_use]
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (n, line) in text.lines().enumerate() {
        if n > 0 {
            out.push_str("  \n");
            out.push_str(&markdown_line_start(&markdown_line(line)));
        } else {
            out.push_str(&markdown_line(line));
        }
    }
    out
}

/// Markdown for text that begins a line of the document.
#[must_use]
pub fn markdown_block(text: &str) -> String {
    markdown_line_start(&markdown(text))
}

fn markdown_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 4);
    for c in line.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            // A control character (an escape sequence, a carriage return in a
            // name) is shown, not obeyed by whatever displays the report.
            c if c.is_control() && c != '\t' => {
                out.push_str(&format!("\\\\u{{{:x}}}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out
}

/// Escapes what starts a block at the beginning of a line: list markers,
/// numbered lists (headings and quotes are escaped everywhere already).
fn markdown_line_start(line: &str) -> String {
    let mut out = line.to_owned();
    let trimmed = out.trim_start();
    let indent = out.len() - trimmed.len();
    if trimmed.starts_with(['-', '+', '=']) {
        out.insert(indent, '\\');
    } else if let Some(dot) = trimmed.find(['.', ')'])
        && dot > 0
        && trimmed[..dot].bytes().all(|b| b.is_ascii_digit())
    {
        out.insert(indent + dot, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_neutralised_and_quoted() {
        assert_eq!(csv_cell("Tokajew"), "Tokajew");
        assert_eq!(
            csv_cell("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(csv_cell("+49 30 1234"), "'+49 30 1234");
        assert_eq!(csv_cell("-1"), "'-1");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("\tcmd"), "'\tcmd");
        assert_eq!(csv_cell("\rcmd"), "\"'\rcmd\"");
        assert_eq!(csv_cell("  =1+1"), "'  =1+1");
        // Blanks, controls and invisible chars a spreadsheet skips first.
        for hidden in [
            "\n=1",
            "\u{a0}=1",
            "\u{200b}=1",
            "\u{3000}+1",
            "\u{feff}=1",
            "\u{b}=1",
            "\u{c}@A1",
            " \t -1",
        ] {
            assert!(
                csv_cell(hidden).trim_start_matches('"').starts_with('\''),
                "{hidden:?}"
            );
        }
        for small in ["﹦1", "﹢1", "﹣1", "﹫A1", "＝1"] {
            assert!(csv_cell(small).starts_with('\''), "{small:?}");
        }
        assert_eq!(csv_cell("\u{a0}Tokajew"), "\u{a0}Tokajew");
        assert_eq!(
            csv_cell("Komma, \"Zitat\"\nZeile"),
            "\"Komma, \"\"Zitat\"\"\nZeile\""
        );
        assert_eq!(csv_cell("Ümläute „ok“"), "Ümläute „ok“");
        assert_eq!(csv_line(&["a", "b,c"]), "a,\"b,c\"\r\n");
    }

    #[test]
    fn html_escapes_markup() {
        assert_eq!(
            html("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }

    #[test]
    fn markdown_cannot_be_rewritten_by_user_text() {
        assert_eq!(
            markdown("**fett** und _kursiv_"),
            "\\*\\*fett\\*\\* und \\_kursiv\\_"
        );
        assert_eq!(markdown("# Überschrift"), "\\# Überschrift");
        assert_eq!(markdown_block("- Punkt"), "\\- Punkt");
        assert_eq!(markdown_block("1. Punkt"), "1\\. Punkt");
        assert_eq!(
            markdown("13.01.2022 - Stand"),
            "13.01.2022 - Stand",
            "inline: no line-start escapes"
        );
        assert_eq!(
            markdown("eins\n- zwei"),
            "eins  \n\\- zwei",
            "a note's second line starts a line"
        );
        assert_eq!(
            markdown("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(markdown("[Link](javascript:x)"), "\\[Link\\](javascript:x)");
        assert_eq!(
            markdown("Zeile eins\nZeile zwei"),
            "Zeile eins  \nZeile zwei"
        );
    }
}
