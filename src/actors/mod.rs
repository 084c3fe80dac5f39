//! Actors: who says and does what in an article, and where they are named.
//!
//! An actor has a name, a kind, aliases, a colour and a note of its own (what
//! the reader concludes about it across the article). [`mentions`] finds every
//! place an actor is named, in German inflected and hyphenated forms, in one
//! pass over the text for all actors.

pub mod colour;
mod mentions;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use colour::Rgb;
pub use mentions::{Mention, MentionFinder, MentionIndex, mentions};

use crate::i18n::tr;

crate::ids::string_id! {
    /// An actor's identifier, stable across renames ("ovks", "tokajew").
    ActorId
}

/// What kind of actor it is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActorKind {
    /// A person: Tokajew.
    Person,
    /// An organisation: the OVKS.
    Organisation,
    /// A state: Russland.
    State,
    /// A group of people: the Menschenrechtler, the detainees.
    Group,
    /// Anything else.
    #[default]
    Other,
}

impl ActorKind {
    /// All kinds, in the order a menu lists them.
    pub const ALL: [Self; 5] = [
        Self::Person,
        Self::Organisation,
        Self::State,
        Self::Group,
        Self::Other,
    ];

    /// The kind's name in the current language.
    #[must_use]
    pub fn label(self) -> &'static str {
        let t = tr();
        match self {
            Self::Person => t.kind_person,
            Self::Organisation => t.kind_organisation,
            Self::State => t.kind_state,
            Self::Group => t.kind_group,
            Self::Other => t.kind_other,
        }
    }
}

/// The longest name (or alias) an actor or concept is shown and searched
/// by. No real name comes near it; a longer one (a broken or hostile file)
/// would make every list row and the mention search cost what its length
/// squared does.
pub const MAX_NAME_CHARS: usize = 200;

/// Someone or something the article is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Actor {
    /// Stable identifier, referenced by annotations.
    pub id: ActorId,
    /// The name shown everywhere.
    pub name: String,
    /// Person, organisation, state, group or other.
    #[serde(default)]
    pub kind: ActorKind,
    /// Other names the text uses for the actor.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Colour for underlines and chips.
    #[serde(default = "Rgb::neutral")]
    pub colour: Rgb,
    /// What the reader concludes about the actor across the article.
    #[serde(default)]
    pub note: String,
    /// Other properties, name to value, as another tool kept them (DNA's
    /// entity attributes: "Type" → "NGO").
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
    /// Fields this version does not know, kept for writing back.
    #[serde(skip)]
    pub extra: crate::extra::Extra,
}

impl Actor {
    /// A new actor with a name and kind; id, colour and the rest to be filled in.
    #[must_use]
    pub fn new(id: ActorId, name: impl Into<String>, kind: ActorKind) -> Self {
        Self {
            id,
            name: name.into(),
            kind,
            aliases: Vec::new(),
            colour: Rgb::neutral(),
            note: String::new(),
            attributes: BTreeMap::new(),
            extra: crate::extra::Extra::default(),
        }
    }

    /// The name and all aliases, name first.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// An id for `name` that none of `taken` uses: the name in lower case ASCII
/// letters and digits ("Kassym-Jomart Tokajew" → "kassym-jomart-tokajew"),
/// numbered when needed.
#[must_use]
pub fn unique_id(name: &str, is_taken: impl Fn(&ActorId) -> bool) -> ActorId {
    let slug = slug(name);
    let base = if slug.is_empty() { "akteur" } else { &slug };
    let plain = ActorId(base.to_owned());
    if !is_taken(&plain) {
        return plain;
    }
    (2..)
        .map(|n| ActorId(format!("{base}-{n}")))
        .find(|id| !is_taken(id))
        .unwrap_or(plain)
}

/// `name` in lower case ASCII letters, digits and dashes, umlauts spelled
/// out: "Kassym-Jomart Tokajew" → "kassym-jomart-tokajew".
#[must_use]
pub fn slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => slug.push_str("ae"),
            'ö' => slug.push_str("oe"),
            'ü' => slug.push_str("ue"),
            'ß' => slug.push_str("ss"),
            c if c.is_ascii_alphanumeric() => slug.push(c),
            _ if !slug.is_empty() && !slug.ends_with('-') => slug.push('-'),
            _ => {}
        }
    }
    slug.trim_end_matches('-').to_owned()
}

/// The default actor list for the bundled article.
pub const DEFAULT_ACTORS_RON: &str = include_str!("../../assets/actors.ron");

/// Reads an actor list (`[ (id: …, name: …), … ]`) from RON.
///
/// # Errors
/// The RON error with line and column.
pub fn parse_actor_list(ron_text: &str) -> Result<Vec<Actor>, ron::error::SpannedError> {
    crate::fsio::ron_options().from_str(ron_text)
}

/// The default actors for the bundled article.
#[must_use]
pub fn default_actors() -> Vec<Actor> {
    // The file is compiled in and checked by a test; an empty list is the safe fallback.
    parse_actor_list(DEFAULT_ACTORS_RON).unwrap_or_default()
}

/// The speakers of a transcript as actors: one person each, the full name
/// and the surname (where no other speaker shares it) as aliases, the party
/// and office in the note, colours as far apart as the palette allows.
#[must_use]
pub fn speakers_as_actors(speakers: &[crate::document::transcript::Speaker]) -> Vec<Actor> {
    let surname = |name: &str| name.rsplit(' ').next().unwrap_or(name).to_owned();
    let mut actors: Vec<Actor> = Vec::with_capacity(speakers.len());
    for speaker in speakers {
        let id = unique_id(&speaker.name, |id| actors.iter().any(|a| &a.id == id));
        let mut aliases = Vec::new();
        if speaker.full_name != speaker.name {
            aliases.push(speaker.full_name.clone());
        }
        let last = surname(&speaker.name);
        let shared = speakers.iter().filter(|s| surname(&s.name) == last).count() > 1;
        if last != speaker.name && !shared && last.chars().count() >= 3 {
            aliases.push(last);
        }
        let used: Vec<Rgb> = actors.iter().map(|a| a.colour).collect();
        actors.push(Actor {
            id,
            name: speaker.name.clone(),
            kind: ActorKind::Person,
            aliases,
            colour: colour::distinct_from(&used),
            note: [speaker.party.as_deref(), speaker.role.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · "),
            attributes: BTreeMap::new(),
            extra: crate::extra::Extra::default(),
        });
    }
    actors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_slugs_and_unique() {
        let taken = [ActorId("ovks".into()), ActorId("ovks-2".into())];
        let taken = |id: &ActorId| taken.contains(id);
        assert_eq!(unique_id("OVKS", taken), ActorId("ovks-3".into()));
        assert_eq!(
            unique_id("Kassym-Jomart Tokajew", taken).0,
            "kassym-jomart-tokajew"
        );
        assert_eq!(unique_id("Angehörige", taken).0, "angehoerige");
        assert_eq!(unique_id("„…“", taken).0, "akteur");
    }

    #[test]
    fn default_actor_list_parses() {
        let actors = parse_actor_list(DEFAULT_ACTORS_RON).unwrap();
        assert!(actors.len() >= 6);
        let ids: Vec<&str> = actors.iter().map(|a| a.id.as_str()).collect();
        for id in ["ovks", "tokajew", "russland", "menschenrechtler"] {
            assert!(ids.contains(&id), "{id} missing from the default actors");
        }
    }
}
