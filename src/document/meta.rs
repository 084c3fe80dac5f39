//! Metadata lines: the one-line header of scraped news articles and Markdown
//! front matter.
//!
//! The bundled article opens with
//! ` date 2022-01 Kasachstan Militärbündnis beginnt mit Abzug Stand: 13.01.2022 09:59 Uhr`:
//! date, headline and last update on one line. Markdown articles may carry the
//! same facts as YAML front matter between `---` lines.

/// What a metadata line or front matter says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HeaderFields {
    /// The headline.
    pub title: Option<String>,
    /// The line above the headline (Dachzeile).
    pub kicker: Option<String>,
    /// The date as written.
    pub date: Option<String>,
    /// The last update ("Stand"), without the word "Stand:".
    pub stand: Option<String>,
    /// Who wrote it.
    pub author: Option<String>,
    /// Where it appeared (the site's or publisher's name).
    pub outlet: Option<String>,
    /// Its address on the web.
    pub url: Option<String>,
    /// Its language, as the page says (`de`, `en-GB`).
    pub language: Option<String>,
}

/// Reads a `date YYYY-MM[-DD] <title> [Stand: <when>]` line.
#[must_use]
pub fn parse_date_line(line: &str) -> Option<HeaderFields> {
    let line = line.trim();
    let rest = strip_prefix_ignore_case(line, "date ")?;
    let rest = rest.trim_start();
    let date_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let date = &rest[..date_len];
    let is_date = date.len() >= 4
        && date.starts_with(|c: char| c.is_ascii_digit())
        && date
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | '/' | 'T' | ':'));
    if !is_date {
        return None;
    }
    let rest = rest[date_len..].trim();
    let (title, stand) = split_stand(rest);
    Some(HeaderFields {
        title: non_empty(title),
        date: Some(date.to_owned()),
        stand: stand.and_then(non_empty),
        ..HeaderFields::default()
    })
}

/// Splits `… Stand: 13.01.2022 09:59 Uhr` into the text before and the time.
#[must_use]
pub fn split_stand(text: &str) -> (&str, Option<&str>) {
    match text.rfind("Stand:") {
        Some(at) => (text[..at].trim(), Some(text[at + "Stand:".len()..].trim())),
        None => (text.trim(), None),
    }
}

/// Reads YAML-style front matter (`key: value` lines between `---` lines).
///
/// Returns the fields and the byte length of the front matter including its
/// closing line, or `None` when the text does not open with front matter.
#[must_use]
pub fn parse_front_matter(text: &str) -> Option<(HeaderFields, usize)> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut consumed = first.len();
    let mut fields = HeaderFields::default();
    let mut keys = 0;
    for (n, line) in lines.enumerate() {
        consumed += line.len();
        let trimmed = line.trim();
        if trimmed == "---" || trimmed == "..." {
            // Front matter is `key: value` lines; a rule around prose is not.
            return (keys > 0).then_some((fields, consumed));
        }
        let is_key = trimmed.split_once(':').is_some_and(|(k, _)| {
            !k.is_empty()
                && k.chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        });
        if !trimmed.is_empty() && !is_key && !trimmed.starts_with(['-', ' ', '#']) {
            return None;
        }
        keys += usize::from(is_key);
        if n > 200 {
            break;
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
        match key.trim().to_ascii_lowercase().as_str() {
            "title" | "titel" => fields.title = non_empty(value),
            "date" | "datum" => fields.date = non_empty(value),
            "stand" | "updated" | "modified" => fields.stand = non_empty(value),
            "kicker" | "dachzeile" | "topline" => fields.kicker = non_empty(value),
            "author" | "autor" | "authors" => fields.author = non_empty(value),
            "outlet" | "site" | "sitename" | "publisher" | "medium" => {
                fields.outlet = non_empty(value);
            }
            "url" | "canonical" | "link" | "source" => fields.url = non_empty(value),
            "language" | "lang" | "sprache" => fields.language = non_empty(value),
            _ => {}
        }
    }
    None
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_header_line() {
        let fields = parse_date_line(
            " date 2022-01 Kasachstan Militärbündnis beginnt mit Abzug Stand: 13.01.2022 09:59 Uhr",
        )
        .unwrap();
        assert_eq!(fields.date.as_deref(), Some("2022-01"));
        assert_eq!(
            fields.title.as_deref(),
            Some("Kasachstan Militärbündnis beginnt mit Abzug")
        );
        assert_eq!(fields.stand.as_deref(), Some("13.01.2022 09:59 Uhr"));
    }

    #[test]
    fn header_lines_without_stand_or_date_word() {
        let fields = parse_date_line("date 2021-12-03 Ein Titel").unwrap();
        assert_eq!(fields.title.as_deref(), Some("Ein Titel"));
        assert_eq!(fields.stand, None);
        assert!(parse_date_line("Datenschutz ist wichtig").is_none());
        assert!(parse_date_line("date night in Berlin").is_none());
    }

    #[test]
    fn front_matter() {
        let text = "---\ntitle: \"Ein Titel\"\ndate: 2022-01-13\n---\n# Text\n";
        let (fields, len) = parse_front_matter(text).unwrap();
        assert_eq!(fields.title.as_deref(), Some("Ein Titel"));
        assert_eq!(fields.date.as_deref(), Some("2022-01-13"));
        assert_eq!(&text[len..], "# Text\n");
        assert!(parse_front_matter("--- kein\n").is_none());
        assert!(parse_front_matter("---\nnie geschlossen\n").is_none());
        assert!(parse_front_matter("---\nErster Absatz mit Inhalt.\n\nZweiter.\n---\n").is_none());
    }
}
