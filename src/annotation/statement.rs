//! Statements, as discourse network analysis codes them: an actor takes a
//! stance (agrees, disagrees, neutral) on a concept from a list the reader
//! keeps, like the actor list.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::actors::ActorId;
use crate::i18n::tr;

crate::ids::string_id! {
    /// A concept's identifier, stable across renames ("abzug").
    ConceptId
}

/// A claim, policy or frame actors take positions on ("Abzug der Truppen",
/// "Gewalt gegen Demonstranten").
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Concept {
    /// Stable identifier, referenced by statements.
    pub id: ConceptId,
    /// The name shown everywhere.
    pub name: String,
    /// What the reader means by it.
    #[serde(default)]
    pub note: String,
    /// Other properties, name to value, as another tool kept them (DNA's
    /// entity attributes: "Type" → "policy").
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
    /// Fields this version does not know, kept for writing back.
    #[serde(skip)]
    pub extra: crate::extra::Extra,
}

impl Concept {
    /// A concept with an empty note.
    #[must_use]
    pub fn new(id: ConceptId, name: impl Into<String>) -> Self {
        Self {
            id,
            name: name.into(),
            note: String::new(),
            attributes: BTreeMap::new(),
            extra: crate::extra::Extra::default(),
        }
    }
}

/// An actor's position on a concept.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Stance {
    /// Supports it.
    Agrees,
    /// Rejects it.
    Disagrees,
    /// Speaks of it without taking sides.
    #[default]
    Neutral,
}

impl Stance {
    /// All stances, in the order a menu lists them.
    pub const ALL: [Self; 3] = [Self::Agrees, Self::Disagrees, Self::Neutral];

    /// The stance in the current language.
    #[must_use]
    pub fn label(self) -> &'static str {
        let t = tr();
        match self {
            Self::Agrees => t.stance_agrees,
            Self::Disagrees => t.stance_disagrees,
            Self::Neutral => t.stance_neutral,
        }
    }

    /// The stance as exports write it: `agrees`, `disagrees`, `neutral`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Agrees => "agrees",
            Self::Disagrees => "disagrees",
            Self::Neutral => "neutral",
        }
    }

    /// A one-char sign for compact lists: `+`, `–`, `~`.
    #[must_use]
    pub fn sign(self) -> &'static str {
        match self {
            Self::Agrees => "+",
            Self::Disagrees => "–",
            Self::Neutral => "~",
        }
    }
}

/// An annotation read as a statement: who, on what, for or against.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Statement {
    /// The speaking actor (one of the annotation's actors).
    pub actor: ActorId,
    /// What it is about.
    pub concept: ConceptId,
    /// For, against or neither.
    pub stance: Stance,
}

/// A concept id made from `name` that is not in `taken`: lower case, umlauts
/// spelled out, other chars to dashes ("Abzug der Truppen" → "abzug-der-truppen").
#[must_use]
pub fn concept_id_for(name: &str, taken: impl Fn(&str) -> bool) -> ConceptId {
    let base = crate::actors::slug(name);
    let base = if base.is_empty() {
        "konzept".to_owned()
    } else {
        base
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    ConceptId(id)
}
