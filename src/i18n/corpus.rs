//! Texts about searching a corpus of many documents. A table of its own
//! beside [`super::Strings`] (which is close to the length limit of a
//! file), German and English side by side.

use super::Lang;

strings! {
    Corpus;
    /// Corpus search: the query is blank.
    search_empty,
    /// Corpus search: the regular expression does not parse: {why}
    search_bad_regex,
    /// Corpus search: the regular expression compiles too large: {limit}
    search_regex_too_big,
}

/// Die deutschen Texte.
static DE: Corpus = Corpus {
    search_empty: "Wonach suchen? Die Suche ist leer.",
    search_bad_regex: "Der reguläre Ausdruck ist fehlerhaft. Prüfen Sie Klammern, Wiederholungen und Zeichen mit \\ davor; wer den Text wörtlich sucht, schaltet „Regulärer Ausdruck“ aus.\n{why}",
    search_regex_too_big: "Der reguläre Ausdruck ist zu groß: übersetzt bräuchte er mehr als {limit} MB. Meist liegt das an verschachtelten oder großen Wiederholungen wie \\w{1000}; suchen Sie mit einem einfacheren Ausdruck.",
};

/// The English texts.
static EN: Corpus = Corpus {
    search_empty: "Search for what? The query is empty.",
    search_bad_regex: "The regular expression is not valid. Check its brackets, repetitions and characters with a \\ before them; to search for the text as it stands, turn “Regular expression” off.\n{why}",
    search_regex_too_big: "The regular expression is too large: compiled, it would need more than {limit} MB. Nested or large repetitions such as \\w{1000} usually cause this; search with a simpler expression.",
};

/// The table of one language.
#[must_use]
pub(super) fn for_lang(lang: Lang) -> &'static Corpus {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}
