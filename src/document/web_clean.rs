//! What is cut from the blocks the extractor gave before they become the
//! article: the page's furniture it let through. Each rule is general (a
//! kind of block news pages share, not a site's markup), small and
//! explained; they were found by reading what leaked on 150 German pages
//! and kept only where they held on all of them.

use std::collections::HashSet;

use super::article::{Block, Kind};
use super::web_meta::ymd;

/// The blocks without the page's furniture: a "related / read more" tail,
/// photo credits and captions, lines that only give a date, boilerplate
/// (rating, comments, licence, cookie and video notices), inline "Lesen Sie
/// auch" teasers and lists of links to other pages.
/// `links` holds the texts of the page's links (see [`link_texts`]).
pub(super) fn clean(blocks: Vec<Block>, links: &HashSet<String>) -> Vec<Block> {
    let mut blocks = cut_tail(blocks);
    blocks.retain(|b| {
        !is_credit(&b.text)
            && !is_caption(&b.text)
            && !is_date_line(&b.text)
            && !is_boilerplate(&b.text)
            && !is_teaser(&b.text)
    });
    without_link_lists(blocks, links)
}

/// The texts of a page's links, white space folded, those long enough to
/// name an article (a list of such links is a list of other articles).
pub(super) fn link_texts(page: &scraper::Html) -> HashSet<String> {
    let Ok(anchor) = scraper::Selector::parse("a[href]") else {
        return HashSet::new();
    };
    page.select(&anchor)
        .map(|a| super::web_meta::flat(&a.text().collect::<String>()))
        .filter(|t| t.chars().count() >= 20)
        .collect()
}

/// Headings that open a "related articles" (or contact, about-the-author)
/// tail in German pages: the text after them is the page's, not the
/// article's.
const TAIL_HEADINGS: &[&str] = &[
    "lesen sie auch",
    "auch interessant",
    "schon gelesen",
    "empfohlene beiträge",
    "empfohlene artikel",
    "mehr zum thema",
    "zum weiterlesen",
    "das könnte sie auch interessieren",
    "das könnte sie interessieren",
    "weitere artikel",
    "verwandte artikel",
    "ähnliche beiträge",
    "ähnliche artikel",
    "mehr zu diesem thema",
    "weitere informationen zum",
    "weiterführende links",
    "passend zum thema",
    "mehr aus",
    "meistgelesen",
    "meist gelesen",
    "zum newsletter",
    "newsletter abonnieren",
    "jetzt abonnieren",
];

/// Headings that open the contact block a press release ends with.
const CONTACT_HEADINGS: &[&str] = &["ansprechpartner", "pressekontakt"];

/// Labels that open a contact or author box when they are the whole block
/// ("Kontakt:", "Autor"): as the start of a longer block they can be the
/// text's own.
const TAIL_LABELS: &[&str] = &[
    "kontakt",
    "autor",
    "autorin",
    "über den autor",
    "über die autorin",
    "zur person",
];

/// Everything from a stock "related / read more" heading on, in the later
/// half of the text, dropped; from a contact or author label on only when
/// it is set apart (a heading, a quote, a "…:" label), in the last quarter
/// and with little after it, as such a box is short (a site's menu, which
/// the extractor sometimes keeps before the article, names "Kontakt" too).
fn cut_tail(blocks: Vec<Block>) -> Vec<Block> {
    let total: usize = blocks.iter().map(|b| b.text.len()).sum();
    let mut seen = 0;
    for (i, block) in blocks.iter().enumerate() {
        // Only a short block can open a tail: the others are not lowered
        // (a page of megabytes has ten thousand of them).
        if block.text.len() <= 80 {
            let low = block.text.to_lowercase();
            let label = low.trim_end_matches([':', ' ']);
            let related = seen * 2 >= total && TAIL_HEADINGS.iter().any(|h| low.starts_with(h));
            // Set apart as a heading or a label ("Kontakt:"), not an item of
            // a menu, and little text after it.
            let set_apart =
                matches!(block.kind, Kind::Heading(_) | Kind::Quote) || low.ends_with(':');
            let contact = seen * 4 >= total * 3
                && total - seen - block.text.len() <= 1500
                && set_apart
                && (CONTACT_HEADINGS.iter().any(|h| low.starts_with(h))
                    || TAIL_LABELS.contains(&label));
            if related || contact {
                return blocks[..i].to_vec();
            }
        }
        seen += block.text.len();
    }
    blocks
}

/// A photo credit standing alone ("Foto: …", "© …", "dpa / NAME").
fn is_credit(text: &str) -> bool {
    if text.len() > 60 {
        return false;
    }
    let low = text.to_lowercase();
    text.len() <= 60
        && ([
            "foto:",
            "fotos:",
            "bild:",
            "bildquelle:",
            "quelle:",
            "©",
            "(c)",
            "copyright",
        ]
        .iter()
        .any(|p| low.starts_with(p))
            || ([
                "getty images",
                "dpa",
                "afp",
                "reuters",
                "imago",
                "picture alliance",
                "istock",
                "shutterstock",
            ]
            .iter()
            .any(|a| low.contains(a))
                && text.split_whitespace().count() <= 6))
}

/// An image's caption: a short block that ends with its credit ("… ©
/// Agentur / Name", "… (Foto: Name)"), or one numbered as a figure
/// ("Abbildung 3: …", "Abb. 3: …"). Running text names its sources in
/// words, not with a © at its end.
fn is_caption(text: &str) -> bool {
    // The figure's number stands in the first few words.
    let head = text.chars().take(24).collect::<String>().to_lowercase();
    let numbered = ["abbildung ", "abb. ", "grafik ", "bild "].iter().any(|p| {
        head.strip_prefix(p).is_some_and(|rest| {
            let number = rest.trim_start_matches(|c: char| c.is_ascii_digit());
            number.len() < rest.len() && number.starts_with(':')
        })
    });
    let credited = text.chars().count() <= 300
        && (text.rsplit_once('©').is_some_and(|(_, credit)| {
            credit.split_whitespace().count() <= 6 && !credit.contains(". ")
        }) || text.trim_end_matches(['.', ' ']).ends_with(')')
            && text
                .rsplit_once("(Foto:")
                .is_some_and(|(_, credit)| !credit.contains('(')));
    numbered || credited
}

/// A line that only says when: a date with a time or a category beside it
/// ("23.10.2018", "12.12.2022, 08:30 Uhr", "2021-10-16 | Meldung"). The
/// date stands in the article's header already.
fn is_date_line(text: &str) -> bool {
    if text.chars().count() > 40 || ymd(text).is_none() {
        return false;
    }
    let words = text
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | ',' | '·' | '•' | '/' | '-'))
        .filter(|w| {
            !w.is_empty()
                && w.chars().any(char::is_alphabetic)
                && !matches!(w.to_lowercase().as_str(), "uhr" | "am" | "vom" | "stand:")
        })
        .count();
    words <= 1
}

/// Phrases of a page's furniture that no article sentence needs: rating,
/// comment rules, licence and rights lines, cookie, video and bookmark
/// notices, ads.
const BOILERPLATE: &[&str] = &[
    "artikel bewerten",
    "netiquette",
    "inhalte dieser website",
    "inhalte dieser webseite",
    "alle rechte vorbehalten",
    "video verfügbar bis",
    "nutzen wir cookies",
    "verwenden wir cookies",
    "kommentar hinzufügen",
    "fanden sie diesen artikel",
    "zur merkliste hinzugefügt",
    "embed-code",
    "artikel teilen",
    "artikel drucken",
];

/// A short block made of one of [`BOILERPLATE`]'s phrases, or an ad's label
/// ("ANZEIGE - …").
fn is_boilerplate(text: &str) -> bool {
    if text.len() > 4 * 300 || text.chars().count() > 300 {
        return false;
    }
    let low = text.to_lowercase();
    let ad = ["anzeige -", "anzeige:", "anzeige –", "werbung:"]
        .iter()
        .any(|p| low.starts_with(p));
    text.chars().count() <= 300 && (ad || BOILERPLATE.iter().any(|p| low.contains(p)))
}

/// An inline pointer to another article ("Lesen Sie auch: …") or a teaser
/// that ends in its link ("… mehr", "… weiterlesen").
fn is_teaser(text: &str) -> bool {
    if text.len() > 4 * 200 || text.chars().count() > 200 {
        return false;
    }
    let low = text.to_lowercase();
    let pointer = [
        "lesen sie auch:",
        "lesen sie hier:",
        "lesen sie mehr:",
        "lesen sie dazu:",
        "lesen sie dazu auch:",
        "auch interessant:",
        "lesetipp:",
        "siehe auch:",
    ]
    .iter()
    .any(|p| low.starts_with(p));
    // "… mehr", or "mehr" with a link's arrow or dots after it; a sentence
    // that ends in "mehr." is no teaser.
    let tail = low.trim_end_matches(|c: char| matches!(c, '•' | '»' | '>') || c.is_whitespace());
    let marked = tail.len() < low.trim_end().len();
    let more = ["…mehr", "… mehr", "... mehr", "weiterlesen"]
        .iter()
        .any(|m| tail.ends_with(m))
        || (marked && tail.ends_with(" mehr"));
    text.chars().count() <= 200 && (pointer || more)
}

/// The blocks without lists of links to other pages: two or more list items
/// in a row that are each the whole text of one of the page's links
/// (related articles, "most read", a site's menu), and a short heading or
/// label ("Links:") right above such a list. An article's own list says
/// something; it is rarely nothing but links.
fn without_link_lists(blocks: Vec<Block>, links: &HashSet<String>) -> Vec<Block> {
    let linked = |b: &Block| b.kind == Kind::Item && links.contains(&b.text);
    let mut drop = vec![false; blocks.len()];
    let mut i = 0;
    while i < blocks.len() {
        let run = blocks[i..].iter().take_while(|b| linked(b)).count();
        if run >= 2 {
            drop[i..i + run].iter_mut().for_each(|d| *d = true);
            let above = i.checked_sub(1).map(|j| &blocks[j]);
            if let Some(above) = above
                && above.text.chars().count() <= 60
                && (matches!(above.kind, Kind::Heading(_)) || above.text.ends_with(':'))
            {
                drop[i - 1] = true;
            }
        }
        i += run.max(1);
    }
    blocks
        .into_iter()
        .zip(drop)
        .filter_map(|(b, d)| (!d).then_some(b))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Block {
        Block {
            kind: Kind::Paragraph,
            text: text.to_owned(),
        }
    }

    fn of(kind: Kind, text: &str) -> Block {
        Block {
            kind,
            text: text.to_owned(),
        }
    }

    fn texts(blocks: &[Block]) -> Vec<&str> {
        blocks.iter().map(|b| b.text.as_str()).collect()
    }

    const LONG: &str = "Der Gemeinderat hat am Dienstag lange über den neuen Radweg \
        am Fluss gestritten und ihn am Ende mit knapper Mehrheit beschlossen.";

    #[test]
    fn a_contact_or_author_tail_is_cut_a_longer_block_starting_so_is_not() {
        let blocks = vec![
            para(LONG),
            para("Kontakt ist, was der Stadt am Fluss fehlte."),
            para("Kontakt:"),
            para("Erika Beispiel"),
        ];
        assert_eq!(
            texts(&clean(blocks, &HashSet::new())),
            [LONG, "Kontakt ist, was der Stadt am Fluss fehlte."]
        );
        let blocks = vec![
            para(LONG),
            of(Kind::Heading(2), "Ansprechpartnerin zum Thema"),
            para("Telefon 0"),
        ];
        assert_eq!(texts(&clean(blocks, &HashSet::new())), [LONG]);
    }

    #[test]
    fn captions_with_their_credit_or_figure_number_go() {
        assert!(is_caption(
            "Die Bürgermeisterin am Ufer. © Agentur / Max Muster"
        ));
        assert!(is_caption(
            "Abbildung 4: Der Pegel im März (Foto: M. Muster, 3.3.2022)."
        ));
        assert!(is_caption("Der Pegel im März (Foto: M. Muster)"));
        assert!(!is_caption(LONG));
        assert!(!is_caption(
            "Die Zahl © steht in keinem Satz. Oder doch, in diesem hier."
        ));
        assert!(!is_caption("Abbildungen zeigen, was Worte nicht sagen."));
    }

    #[test]
    fn lines_that_only_date_the_page_go() {
        assert!(is_date_line("23.10.2018"));
        assert!(is_date_line("12.12.2022, 08:30 Uhr"));
        assert!(is_date_line("2021-10-16 | Meldung"));
        assert!(!is_date_line("Am 3.5.2021 begann der Bau am Fluss."));
        assert!(!is_date_line("Rüdiger Rad"));
    }

    #[test]
    fn boilerplate_and_teasers_go_the_text_stays() {
        assert!(is_boilerplate("Hier können Sie den Artikel bewerten"));
        assert!(is_boilerplate("ANZEIGE - Lust auf Pizza? Wie wäre es mit:"));
        assert!(is_boilerplate(
            "Bitte halten Sie sich an unsere Netiquette."
        ));
        assert!(!is_boilerplate(LONG));
        assert!(is_teaser("Lesen Sie auch: Der Radweg wird teurer"));
        assert!(is_teaser("Gutachten zum Radweg am Fluss… mehr •••"));
        assert!(is_teaser("Neues vom Markt mehr »"));
        assert!(!is_teaser("Der Rat will mehr."));
        assert!(!is_teaser("Der Rat will mehr"));
        assert!(!is_teaser(LONG));
    }

    #[test]
    fn a_list_of_links_and_its_heading_go_a_list_with_text_stays() {
        let links: HashSet<String> = [
            "Neue Brücke für die Altstadt geplant",
            "Wochenmarkt zieht auf den Kirchplatz",
        ]
        .map(str::to_owned)
        .into();
        let blocks = vec![
            para(LONG),
            of(Kind::Item, "Die Brücke wird breiter als die alte."),
            of(Kind::Item, "Neue Brücke für die Altstadt geplant"),
            of(Kind::Heading(2), "Meistgelesen"),
            of(Kind::Item, "Neue Brücke für die Altstadt geplant"),
            of(Kind::Item, "Wochenmarkt zieht auf den Kirchplatz"),
        ];
        assert_eq!(
            texts(&without_link_lists(blocks, &links)),
            [
                LONG,
                "Die Brücke wird breiter als die alte.",
                "Neue Brücke für die Altstadt geplant"
            ]
        );
    }
}
