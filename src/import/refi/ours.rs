//! A REFI project Randnotiz wrote itself (`export --format qdpx`),
//! recognised by its GUIDs (made from a seed and a name, see
//! [`crate::export::qdpx::Guids`]): its group codes ("Akteure", "Farben",
//! "Konzepte") are not codes of the user's; its colour codes give each
//! annotation its colour back, its stance codes the statement; its actor
//! codes' descriptions hold kind, aliases and note; the document columns
//! (outlet, date, author) come back from their variables. So a project
//! exported and imported again is the same project.

use std::collections::{HashMap, HashSet};

use super::parse::Qde;
use crate::actors::ActorKind;
use crate::annotation::{Colour, Stance};
use crate::export::qdpx::Guids;
use crate::i18n::Lang;

/// A document column exported as a variable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// Where it appeared.
    Outlet,
    /// When.
    Date,
    /// Who wrote it.
    Author,
}

/// What the GUIDs of a Randnotiz export say.
#[derive(Debug, Default)]
pub struct Ours {
    /// Indices of the group codes (not codes of the user's).
    pub groups: HashSet<usize>,
    /// Indices of the actor codes.
    pub actors: HashSet<usize>,
    /// Indices of the concept codes.
    pub concepts: HashSet<usize>,
    /// Colour codes by GUID.
    pub colours: HashMap<String, Colour>,
    /// Stance codes by GUID: the concept code's index and the stance.
    pub stances: HashMap<String, (usize, Stance)>,
    /// The document columns' variables by GUID.
    pub fields: HashMap<String, Field>,
    /// The GUID of the default user (annotations without a reader).
    pub default_user: String,
}

/// Recognises a Randnotiz export: seeded with the project's name (a
/// project) or with one of the texts' hashes (a session).
#[must_use]
pub fn recognise(qde: &Qde, texts: &[String]) -> Option<Ours> {
    if !qde.origin.starts_with("Randnotiz") {
        return None;
    }
    let mut seeds = vec![
        format!("randnotiz-project\u{0}{}", qde.name),
        "randnotiz-project\u{0}".to_owned(),
    ];
    seeds.extend(texts.iter().map(|t| crate::document::content_hash(t)));
    let top: Vec<usize> = (0..qde.codes.len())
        .filter(|&i| qde.codes[i].parent.is_none())
        .collect();
    let seed = seeds.iter().find(|seed| {
        let actors = Guids(seed.as_str()).of("code:actors");
        top.iter().any(|&i| qde.codes[i].guid == actors)
    })?;
    let guids = Guids(seed.as_str());
    let mut ours = Ours {
        default_user: guids.of("user"),
        ..Ours::default()
    };
    let group_of = |key: &str| {
        let guid = guids.of(key);
        top.iter().copied().find(|&i| qde.codes[i].guid == guid)
    };
    let actors = group_of("code:actors");
    let colours = group_of("code:colours");
    let concepts = group_of("code:concepts");
    ours.groups
        .extend([actors, colours, concepts].into_iter().flatten());
    for colour in Colour::ALL {
        ours.colours
            .insert(guids.of(&format!("colour:{colour:?}")), colour);
    }
    for (i, code) in qde.codes.iter().enumerate() {
        let under = |group: Option<usize>| {
            let mut at = code.parent;
            while let Some(p) = at {
                if Some(p) == group {
                    return true;
                }
                at = qde.codes[p].parent;
            }
            false
        };
        if under(actors) {
            ours.actors.insert(i);
        } else if under(concepts) {
            // A concept is a group of its three stance codes (and of the
            // concepts under it); a stance code is codable.
            if code.codable {
                if let Some(parent) = code.parent {
                    let n = qde.codes[..i]
                        .iter()
                        .filter(|c| c.parent == Some(parent) && c.codable)
                        .count();
                    if let Some(&stance) = Stance::ALL.get(n) {
                        ours.stances.insert(code.guid.clone(), (parent, stance));
                    }
                }
            } else {
                ours.concepts.insert(i);
            }
        }
    }
    for (key, field) in [
        ("variable:outlet", Field::Outlet),
        ("variable:date", Field::Date),
        ("variable:author", Field::Author),
    ] {
        ours.fields.insert(guids.of(key), field);
    }
    Some(ours)
}

/// An actor code's description as the export writes it: the kind's name,
/// ` · ` and the aliases, then the note on the next line.
#[must_use]
pub fn actor_description(description: &str) -> (ActorKind, Vec<String>, String) {
    let (head, note) = description.split_once('\n').unwrap_or((description, ""));
    let (kind, aliases) = head.split_once(" · ").unwrap_or((head, ""));
    let kind = ActorKind::ALL
        .into_iter()
        .find(|k| {
            Lang::ALL.iter().any(|&lang| {
                let t = crate::i18n::strings_for(lang);
                let label = match k {
                    ActorKind::Person => t.kind_person,
                    ActorKind::Organisation => t.kind_organisation,
                    ActorKind::State => t.kind_state,
                    ActorKind::Group => t.kind_group,
                    ActorKind::Other => t.kind_other,
                };
                label == kind.trim()
            })
        })
        .unwrap_or_default();
    let aliases = Lang::ALL
        .iter()
        .find_map(|&lang| {
            let template = crate::i18n::strings_for(lang).dossier_aliases;
            let prefix = template.split("{aliases}").next()?;
            aliases.strip_prefix(prefix)
        })
        .map(|list| {
            list.split(", ")
                .filter(|a| !a.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    (kind, aliases, note.to_owned())
}
