//! Bylines a page writes as text, not as markup: "Autor: Name",
//! "Redaktion: Name", a press release's "Kontakt:" with the name on the next
//! line, a lone "von Name". Read when no meta tag, JSON-LD or byline class
//! names the author (see [`super::web_meta`]).

use scraper::{Html, Node, Selector};

use super::web_meta::flat;

/// Labels after which a page names its author.
const AUTHOR_LABELS: &[&str] = &[
    "autor:",
    "autorin:",
    "autoren:",
    "autor*innen:",
    "redaktion:",
    "verfasser:",
    "verfasserin:",
];

/// Labels after which a press release names whom to ask: its author, where
/// it names no other.
const CONTACT_LABELS: &[&str] = &[
    "pressekontakt",
    "kontakt:",
    "ansprechpartner:",
    "ansprechpartnerin:",
];

/// Elements that end a line of text.
const LINE_ENDS: &[&str] = &[
    "br", "p", "div", "li", "td", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
    "ul", "ol", "table",
];

/// The text written after the first of `labels` standing at the start of
/// a text of the page's body, up to the end of its line (the label's own
/// line, or the next one when the label stands alone).
pub(super) fn after_label(page: &Html, labels: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    let Some(body) = Selector::parse("body")
        .ok()
        .and_then(|s| page.select(&s).next())
    else {
        return found;
    };
    let longest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let mut collecting: Option<String> = None;
    for node in body.descendants() {
        match node.value() {
            Node::Text(text) => {
                if let Some(line) = collecting.as_mut() {
                    line.push(' ');
                    line.push_str(&flat(text));
                    if line.len() > 120 {
                        found.push(std::mem::take(line));
                        collecting = None;
                    }
                    continue;
                }
                // Only a text's start can hold a label: the rest of every
                // text of the page is not folded and lowered.
                let head: String = text.trim_start().chars().take(longest + 8).collect();
                let low = flat(&head).to_lowercase();
                if !labels.iter().any(|l| low.starts_with(*l)) {
                    continue;
                }
                let text = flat(text);
                let low = text.to_lowercase();
                if let Some(label) = labels.iter().find(|l| low.starts_with(*l)) {
                    let rest = text[label.len()..].trim().to_owned();
                    if rest.is_empty() {
                        collecting = Some(String::new());
                    } else {
                        found.push(rest);
                    }
                }
            }
            Node::Element(e) if LINE_ENDS.contains(&e.name()) => {
                if let Some(line) = collecting.take_if(|l| !l.trim().is_empty()) {
                    found.push(line);
                }
            }
            _ => {}
        }
        if found.len() >= 3 {
            break;
        }
    }
    if let Some(line) = collecting.filter(|l| !l.trim().is_empty()) {
        found.push(line);
    }
    found.into_iter().map(|l| flat(&l)).collect()
}

/// The author a labelled byline names, else the contact a press release
/// names; `accept` says whether a text is a name.
pub(super) fn labelled(
    page: &Html,
    clean: impl Fn(&str) -> String,
    accept: impl Fn(&str) -> bool,
) -> Option<String> {
    let find = |labels: &[&str], person: bool| {
        after_label(page, labels)
            .iter()
            .map(|t| clean(t))
            .find(|t| accept(t) && (!person || looks_like_person(t)))
    };
    // After a contact label a menu often goes on ("Pressekontakt", "Über
    // uns"): only a person's name counts there.
    find(AUTHOR_LABELS, false).or_else(|| find(CONTACT_LABELS, true))
}

/// Whether a text is a person's name as bylines write it: two to four
/// capitalised words ("Dr." and "P." among them), particles (von, van, de,
/// zu) allowed between them, no digits.
pub(super) fn looks_like_person(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && text.chars().count() <= 40
        && !text.chars().any(|c| c.is_ascii_digit())
        && words.first().is_some_and(|w| starts_upper(w))
        && words.last().is_some_and(|w| starts_upper(w) && w.len() > 2)
        && words
            .iter()
            .all(|w| starts_upper(w) || matches!(*w, "von" | "van" | "de" | "zu" | "der"))
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The name of a byline standing alone as a text of the page ("von Erika
/// Muster", "Eine Kolumne von Erika Muster").
pub(super) fn von_line(page: &Html) -> Option<String> {
    let body = Selector::parse("body")
        .ok()
        .and_then(|s| page.select(&s).next())?;
    body.descendants()
        .filter_map(|n| n.value().as_text().map(|t| flat(t)))
        .filter(|t| t.len() <= 80)
        .find_map(|t| {
            let (before, name) = t
                .strip_prefix("von ")
                .or_else(|| t.strip_prefix("Von "))
                .map(|n| ("", n))
                .or_else(|| t.split_once(" von "))?;
            (before.split_whitespace().count() <= 3
                && before.chars().all(|c| c.is_alphabetic() || c == ' ')
                && looks_like_person(name))
            .then(|| name.to_owned())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str) -> Html {
        Html::parse_document(&format!("<html><body>{body}</body></html>"))
    }

    #[test]
    fn a_labelled_byline_gives_the_text_after_its_label() {
        let p = page(
            "<div><h5>Datum: </h5>3.5.2024<br><h5>Autor: </h5>Erika Muster<br></div>\
             <p>Autorin: <a href=\"/x\">Redakteurin</a> Eva Beispiel</p>",
        );
        assert_eq!(
            after_label(&p, AUTHOR_LABELS),
            ["Erika Muster", "Redakteurin Eva Beispiel"]
        );
        let p = page("<p><strong>Pressekontakt</strong><br>Dr. Max Muster<br>Tel. 0</p>");
        assert_eq!(
            labelled(&p, str::to_owned, looks_like_person).as_deref(),
            Some("Dr. Max Muster")
        );
    }

    #[test]
    fn a_lone_von_line_names_a_person_a_phrase_does_not() {
        let p = page("<p>Der Weg von Berlin nach Hamburg</p><span> von Erika Muster </span>");
        assert_eq!(von_line(&p).as_deref(), Some("Erika Muster"));
        let p = page("<strong>Eine Kolumne von Max Muster</strong>");
        assert_eq!(von_line(&p).as_deref(), Some("Max Muster"));
        assert!(!looks_like_person("Montag bis freitag"));
        assert!(looks_like_person("Ernst von Beispiel"));
    }
}
