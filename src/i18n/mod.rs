//! Every string a user reads, in one place per language.
//!
//! The UI speaks German by default (the users read German articles); English is
//! complete alongside it. Messages with values are templates with `{name}`
//! placeholders filled by [`fill`], so a translator edits `de.rs` or `en.rs`
//! and nothing else. The language is a process-wide setting, like a locale:
//! the window sets it from the user's settings, the command line from
//! `RANDNOTIZ_LANG`.

/// Defines a table of strings: one field per text a user reads.
macro_rules! strings {
    ($table:ident; $($(#[doc = $doc:literal])+ $name:ident,)*) => {
        /// User-visible texts of one language.
        #[derive(Debug)]
        pub struct $table {
            $($(#[doc = $doc])+ pub $name: &'static str,)*
        }

        impl $table {
            /// All texts with their field names, in declaration order.
            #[must_use]
            pub fn templates(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name),)*]
            }
        }
    };
}

mod corpus;
mod de;
mod en;
mod import;
mod inputs;
mod merging;
mod network;
mod strings;
mod timeline;

use std::fmt::Display;
use std::sync::atomic::{AtomicU8, Ordering};

use serde::{Deserialize, Serialize};

pub use corpus::Corpus;
pub use import::Import;
pub use inputs::Inputs;
pub use merging::Merging;
pub use network::Network;
pub use strings::Strings;
pub use timeline::Timeline;

/// A language the user interface can speak.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    /// Deutsch (the default).
    #[default]
    De,
    /// English.
    En,
}

impl Lang {
    /// All languages, in the order a menu lists them.
    pub const ALL: [Self; 2] = [Self::De, Self::En];

    /// The language's own name, for a language menu.
    #[must_use]
    pub fn native_name(self) -> &'static str {
        match self {
            Self::De => "Deutsch",
            Self::En => "English",
        }
    }

    /// Reads a language code such as `de`, `en`, `en_GB.UTF-8`.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        let code = code.trim().to_ascii_lowercase();
        if code.starts_with("de") {
            Some(Self::De)
        } else if code.starts_with("en") {
            Some(Self::En)
        } else {
            None
        }
    }

    /// The language named by `RANDNOTIZ_LANG`, if set and known.
    #[must_use]
    pub fn from_env() -> Option<Self> {
        std::env::var("RANDNOTIZ_LANG")
            .ok()
            .and_then(|code| Self::from_code(&code))
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Sets the language for everything that is shown from now on.
pub fn set_lang(lang: Lang) {
    CURRENT.store(
        match lang {
            Lang::De => 0,
            Lang::En => 1,
        },
        Ordering::Relaxed,
    );
}

/// The language currently in use.
#[must_use]
pub fn lang() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::De,
    }
}

/// The current language's code (`de`, `en`), for data that names it.
#[must_use]
pub fn lang_code() -> &'static str {
    match lang() {
        Lang::De => "de",
        Lang::En => "en",
    }
}

/// The strings of the current language.
#[must_use]
pub fn tr() -> &'static Strings {
    strings_for(lang())
}

/// The strings of one language.
#[must_use]
pub fn strings_for(lang: Lang) -> &'static Strings {
    match lang {
        Lang::De => &de::STRINGS,
        Lang::En => &en::STRINGS,
    }
}

/// The strings about reading files and pages (formats, extraction, links)
/// in the current language.
#[must_use]
pub fn tr_in() -> &'static Inputs {
    inputs::for_lang(lang())
}

/// The strings about projects (a corpus, its list and search) in the
/// current language.
#[must_use]
pub fn tr_co() -> &'static Corpus {
    corpus::for_lang(lang())
}

/// The strings about merging sessions through git in the current language.
#[must_use]
pub fn tr_merge() -> &'static Merging {
    merging::for_lang(lang())
}

/// The strings about a corpus over time (statements per period, the
/// project's statement networks) in the current language.
#[must_use]
pub fn tr_tl() -> &'static Timeline {
    timeline::for_lang(lang())
}

/// The strings of the statement network window in the current language.
#[must_use]
pub fn tr_nw() -> &'static Network {
    network::for_lang(lang())
}

/// The strings of imports from other tools in the current language.
#[must_use]
pub fn tr_im() -> &'static Import {
    import::for_lang(lang())
}

/// Fills the `{name}` placeholders of `template` with `args`.
///
/// A placeholder without a value stays as it is, so a missing argument shows
/// up in the text instead of vanishing.
#[must_use]
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let name = &after[..close];
        match args.iter().find(|(key, _)| *key == name) {
            Some((_, value)) => out.push_str(&value.to_string()),
            None => out.push_str(&rest[open..=open + 1 + close]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_named_placeholders() {
        let text = fill(
            "Zeile {line}, Spalte {col}: {what}",
            &[("line", &3), ("col", &14), ("what", &"Komma erwartet")],
        );
        assert_eq!(text, "Zeile 3, Spalte 14: Komma erwartet");
        assert_eq!(fill("{missing} bleibt", &[]), "{missing} bleibt");
        assert_eq!(fill("offen {", &[]), "offen {");
    }

    #[test]
    fn both_languages_fill_every_template_they_share() {
        // A template in one language must name the same placeholders as in the other.
        let mut de = strings_for(Lang::De).templates();
        let mut en = strings_for(Lang::En).templates();
        de.extend(inputs::for_lang(Lang::De).templates());
        en.extend(inputs::for_lang(Lang::En).templates());
        de.extend(corpus::for_lang(Lang::De).templates());
        en.extend(corpus::for_lang(Lang::En).templates());
        de.extend(merging::for_lang(Lang::De).templates());
        en.extend(merging::for_lang(Lang::En).templates());
        de.extend(timeline::for_lang(Lang::De).templates());
        en.extend(timeline::for_lang(Lang::En).templates());
        de.extend(network::for_lang(Lang::De).templates());
        en.extend(network::for_lang(Lang::En).templates());
        de.extend(import::for_lang(Lang::De).templates());
        en.extend(import::for_lang(Lang::En).templates());
        assert_eq!(de.len(), en.len());
        for ((name, de), (_, en)) in de.iter().zip(&en) {
            let names = |s: &str| {
                let mut v: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_owned()))
                    .collect();
                v.sort();
                v
            };
            assert_eq!(names(de), names(en), "placeholders of {name} differ");
            assert!(!de.is_empty() && !en.is_empty(), "{name} is empty");
        }
    }

    #[test]
    fn language_codes() {
        assert_eq!(Lang::from_code("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_code("DE"), Some(Lang::De));
        assert_eq!(Lang::from_code("fr"), None);
    }
}
